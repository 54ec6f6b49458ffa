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
export function compileExpression(phrases: readonly string[], flags = 'u'): RegExp {
  return new RegExp(phrases.map(compilePhrase).join('|'), flags);
}

/** The phrases as a screened list (below): for lists tested on every message. */
export function compileLexicon(phrases: readonly string[]): Lexicon {
  const regex = compileExpression(phrases);
  const id = lexiconCount++;
  for (const phrase of phrases) {
    for (const alternative of phrase.split(/\s+~\s+/)[0]!.split('|')) {
      const word = alternative.trim().split(/\s+/)[0]!;
      const prefix = word.endsWith('*');
      const keys = prefix ? FIRST_WORD_PREFIXES : FIRST_WORDS;
      const key = foldForSafety(prefix ? word.slice(0, -1) : word);
      keys.set(key, [...(keys.get(key) ?? []), id]);
    }
  }
  return { test: (folded) => mayMatch(folded, id) && regex.test(folded) };
}

/** A compiled list: `test` answers exactly as its regular expression does, only faster. */
export interface Lexicon {
  test(folded: string): boolean;
}

// Why a screen before the expressions: two dozen lists of hundreds of phrases cost 70 µs a message
// as regular expressions, most of it proving that nothing matches. A phrase can only match where a
// word of the message is its first word (after proclitics, or any word it begins for `word*`), so
// each message's words are looked up once in a table of first words, and only the lists they name
// run their expression. The screen is a necessary condition: results are the same by construction
// (test/safety/compile-lexicon.test.ts compares both on every labelled message).
const FIRST_WORDS = new Map<string, number[]>();
const FIRST_WORD_PREFIXES = new Map<string, number[]>();
let lexiconCount = 0;
const CLITIC_FORMS = ['', 'و', 'ف'].flatMap((c) => ['', 'بال', 'لل', 'كال', 'ال', 'دي', 'دا', 'د', 'ب', 'ل', 'ح'].map((p) => c + p));

let screened: { text: string; lists: Set<number> } | undefined;
function mayMatch(folded: string, id: number): boolean {
  if (screened?.text !== folded) screened = { text: folded, lists: listsNamedBy(folded) };
  return screened.lists.has(id);
}

function listsNamedBy(folded: string): Set<number> {
  const lists = new Set<number>();
  const add = (ids: number[] | undefined) => ids?.forEach((id) => lists.add(id));
  for (const word of new Set(folded.split(' '))) {
    for (const clitics of CLITIC_FORMS) {
      if (!word.startsWith(clitics)) continue;
      const rest = word.slice(clitics.length);
      add(FIRST_WORDS.get(rest));
      for (let end = 1; end <= rest.length; end++) add(FIRST_WORD_PREFIXES.get(rest.slice(0, end)));
    }
  }
  return lists;
}
