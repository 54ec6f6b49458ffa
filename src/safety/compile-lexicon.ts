// Turns the lexicon's phrases (syntax in urgent-lexicon.ts) into one regular expression per list,
// folded exactly as messages are, so a reviewer writes «ديگعد» and it also matches «ديقعد».
import { foldForSafety } from './fold-for-safety.js';

// Folded messages are words separated by single spaces (fold-for-safety.ts), so a word boundary is
// a space or an end: far cheaper for the engine than a Unicode look-behind at every position.
const START = '(?:^| )';
const END = '(?= |$)';
// Conjunction, then at most one proclitic: the article and prepositions, the Iraqi progressive
// (د دي دا), the future ح. Written folded.
const ARABIC_PROCLITICS = '(?:[وف])?(?:بال|لل|كال|ال|دي|دا|د|ب|ل|ح)?';
// Up to three words between two parts of a phrase: «اريد والله انتحر».
const GAP = '(?: [^ ]+){0,3} ';
const ARABIC_LETTER = /[\u0600-\u06FF]/u;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileWord(word: string): string {
  const prefix = word.endsWith('*');
  const folded = foldForSafety(prefix ? word.slice(0, -1) : word);
  if (!folded) throw new Error(`urgent lexicon: "${word}" is empty once folded`);
  return escape(folded) + (prefix ? '[\\p{L}\\p{N}]*' : '');
}

function compileAlternative(alternative: string): string {
  return alternative.trim().split(/\s+/).map(compileWord).join(' ');
}

function compilePhrase(phrase: string): string {
  const slots = phrase.split(/\s+~\s+/).map((slot) => {
    const alternatives = slot.split('|').map((a) => a.trim());
    if (alternatives.some((a) => !a)) throw new Error(`urgent lexicon: empty alternative in "${phrase}"`);
    // The proclitics go once before the whole slot, not before each alternative: the same
    // matches, tried once per position instead of once per word.
    const clitics = alternatives.some((a) => ARABIC_LETTER.test(foldForSafety(a))) ? ARABIC_PROCLITICS : '';
    return `${clitics}(?:${alternatives.map(compileAlternative).join('|')})`;
  });
  return START + slots.join(GAP) + END;
}

/** One expression matching any of the phrases, anywhere in a folded message. */
export function compileLexicon(phrases: readonly string[]): RegExp {
  return new RegExp(phrases.map(compilePhrase).join('|'), 'u');
}
