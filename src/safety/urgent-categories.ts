// The kinds of danger that get the emergency reply before anything else (DESIGN.md, "Safety first").
// Each has one approved knowledge entry (front matter `urgent: <category>`) whose lead is the advice.
export const URGENT_CATEGORIES = [
  'suicide', // suicide or self-harm
  'overdose', // overdose, poisoning, someone unconscious
  'violence', // violence in progress, including domestic violence
  'weapons', // weapons, shooting
  'fire',
  'kidnapping', // kidnapping or a missing child
  'sexual-violence',
  'blackmail', // blackmail with a threat or a deadline
] as const;

export type UrgentCategory = (typeof URGENT_CATEGORIES)[number];
