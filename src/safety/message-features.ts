// Features of a message for the learned urgency model: character 2- to 5-grams inside words and
// whole words and word pairs, over the same folded text the lexicon reads, hashed into a fixed
// number of slots. Character grams let it generalise across scripts, spellings and typos (Arabizi,
// Sorani with or without its letters, dialect), which a word list cannot enumerate.
import { foldForSafety } from './fold-for-safety.js';

export const FEATURE_BITS = 18;
const MASK = (1 << FEATURE_BITS) - 1;

/** FNV-1a, 32 bits: fast, deterministic, and the same in training and in the bot. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashed feature slots of a message (repeated slots repeat: counts matter a little). */
export function messageFeatures(text: string, folded = foldForSafety(text)): number[] {
  const slots: number[] = [];
  const words = folded.split(' ').filter(Boolean);
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    slots.push(hash(`w:${word}`) & MASK);
    if (w + 1 < words.length) slots.push(hash(`b:${word} ${words[w + 1]}`) & MASK);
    const padded = `<${word}>`;
    for (let n = 2; n <= 5; n++) {
      for (let i = 0; i + n <= padded.length; i++) slots.push(hash(`c:${padded.slice(i, i + n)}`) & MASK);
    }
  }
  return slots;
}
