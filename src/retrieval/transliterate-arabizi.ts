// Arabizi (Iraqi Arabic in Latin letters and digits: «shlon at9il bil shorta») into Arabic script,
// so that it meets the Arabic entries. Common words are read from a reviewed list
// (data/arabizi-words.tsv: «tawari2» is الطوارئ, «ra9am» رقم); the rest letter by letter, only
// approximately (short vowels are dropped, as Arabic writing does), and the character n-grams of
// the analysis absorb the rest.
import { dataLines } from './load-analysis-data.js';

// After its header row: «arabizi<TAB>arabic».
const WORDS = new Map(dataLines('arabizi-words.tsv').slice(1).map((line) => line.split('\t').map((cell) => cell.trim()) as [string, string]));

const DIGRAPHS: [RegExp, string][] = [
  [/sh/g, 'ش'],
  [/ch/g, 'چ'],
  [/kh/g, 'خ'],
  [/gh/g, 'غ'],
  [/th/g, 'ث'],
  [/dh/g, 'ذ'],
  [/ph/g, 'ف'],
  [/aa/g, 'ا'],
  [/ee|ii/g, 'ي'],
  [/oo|ou|uu/g, 'و'],
];

const CONSONANTS: Record<string, string> = {
  '2': 'ء', '3': 'ع', '5': 'خ', '6': 'ط', '7': 'ح', '8': 'ق', '9': 'ص',
  b: 'ب', t: 'ت', j: 'ج', d: 'د', r: 'ر', z: 'ز', s: 'س', f: 'ف', q: 'ق', k: 'ك', g: 'گ', l: 'ل',
  m: 'م', n: 'ن', h: 'ه', w: 'و', y: 'ي', v: 'ف', p: 'پ', x: 'كس', c: 'ك',
};
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
// Prefixes written joined in Arabic: the article and the prepositions carrying it.
const PREFIXES: [RegExp, string][] = [
  [/^(?:bil|bel|bl)-?(?=[a-z2-9]{2,})/, 'بال'],
  [/^(?:lil|lel)-?(?=[a-z2-9]{2,})/, 'لل'],
  [/^(?:wil|wel|wal)-?(?=[a-z2-9]{2,})/, 'وال'],
  [/^(?:fil|fel)-?(?=[a-z2-9]{2,})/, 'بال'],
  [/^(?:el|il|al)-?(?=[a-z2-9]{3,})/, 'ال'],
];

function word(w: string): string {
  let prefix = '';
  let rest = w;
  for (const [pattern, arabic] of PREFIXES) {
    if (pattern.test(rest)) {
      prefix = arabic;
      rest = rest.replace(pattern, '');
      break;
    }
  }
  const known = WORDS.get(rest);
  // «il3iraq», «bil3iraq»: a listed word that has its own article does not get a second one.
  if (known) return known.startsWith('ال') && prefix.endsWith('ال') ? prefix + known.slice(2) : prefix + known;
  // A closing «-at» is the feminine plural ات (mukhadirat, 7amlat), not a short vowel.
  let out = rest.replace(/at$/, 'aat');
  for (const [pattern, letter] of DIGRAPHS) out = out.replace(pattern, letter);
  let result = '';
  for (let i = 0; i < out.length; i++) {
    const ch = out[i]!;
    if (!VOWELS.has(ch)) {
      result += CONSONANTS[ch] ?? ch;
      continue;
    }
    // A vowel that opens the word is an alef; at its end, a/e is ة (written ه) and i/o/u a long
    // vowel; inside, i/u/a/e are short (not written) and o long («shlon» شلون).
    const first = i === 0;
    const last = i === out.length - 1;
    if (first) result += 'ا';
    else if (last) result += ch === 'a' || ch === 'e' ? 'ه' : ch === 'i' ? 'ي' : 'و';
    else if (ch === 'o') result += 'و';
  }
  return prefix + result;
}

/** Arabic-script reading of an Arabizi message (unknown characters pass through). */
export function transliterateArabizi(text: string): string {
  // A separate «el»/«il» belongs to the next word.
  // (not before a number: «el 911» is the number).
  const joined = text.toLowerCase().replace(/\b(el|il|al|bil|bel|lil|wil|wel|fil)\s+(?=[a-z2-9]*[a-z])/g, '$1');
  // Words are read apart from the punctuation around them («kurdi?»); numbers stay numbers.
  return joined.replace(/[a-z2-9'-]*[a-z][a-z2-9'-]*/g, (part) => word(part.replace(/'/g, '')));
}
