// Danger first (DESIGN.md, "Safety first"): runs before retrieval, offline, in well under a
// millisecond, with no LLM and no network. Lexicon and tiers: urgent-lexicon.ts.
import { compileLexicon } from './compile-lexicon.js';
import { foldForSafety } from './fold-for-safety.js';
import { URGENT_CATEGORIES, type UrgentCategory } from './urgent-categories.js';
import { CRIES_FOR_HELP, IMMEDIACY, NOT_AN_EMERGENCY, URGENT_LEXICON } from './urgent-lexicon.js';

export type UrgentSignal =
  | { urgent: false }
  /** `unspecified`: a bare cry for help («الحگوني») that names no danger. */
  | { urgent: true; category: UrgentCategory | 'unspecified' };

const compiled = URGENT_CATEGORIES.map((category) => ({
  category,
  always: compileLexicon(URGENT_LEXICON[category].always),
  strong: compileLexicon(URGENT_LEXICON[category].strong),
  weak: compileLexicon(URGENT_LEXICON[category].weak),
}));
const cry = compileLexicon(CRIES_FOR_HELP);
const now = compileLexicon(IMMEDIACY);
const framing = compileLexicon(NOT_AN_EMERGENCY);

/** A subject named on its own («حريق», "fire!") is a report, not a question. */
const BARE_WORDS = 2;

export function detectUrgent(text: string): UrgentSignal {
  const folded = foldForSafety(text);
  if (!folded) return { urgent: false };
  const happeningNow = now.test(folded);
  const aboutTheSubject = framing.test(folded);
  const bare = folded.split(' ').length <= BARE_WORDS;

  for (const c of compiled) if (c.always.test(folded)) return { urgent: true, category: c.category };
  if (happeningNow || !aboutTheSubject) {
    for (const c of compiled) if (c.strong.test(folded)) return { urgent: true, category: c.category };
  }
  if (happeningNow || (bare && !aboutTheSubject)) {
    for (const c of compiled) if (c.weak.test(folded)) return { urgent: true, category: c.category };
  }
  if (cry.test(folded)) return { urgent: true, category: 'unspecified' };
  return { urgent: false };
}
