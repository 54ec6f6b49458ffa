// Orthographic normalization shared by documents and queries. Citizens type without diacritics,
// with or without hamza, with ة/ه and ى/ي used interchangeably, and with Arabic-Indic digits, so
// every such variant is folded to one form before anything is compared.

const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
const TATWEEL = /\u0640/g;
// A bare hamza is dropped: citizens write «الطواريء» and «الطوارئ», «شي» and «شيء», «سما» and «سماء».
const BARE_HAMZA = /\u0621/g;

// Kurdish Sorani letters (ڕ ڵ ۆ ێ ە ھ) are deliberately absent: folding them would merge distinct
// Sorani words. Only Arabic variants and Persian/Urdu look-alikes of Arabic letters are folded.
const LETTER_FOLDS: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ى': 'ي', 'ی': 'ي', 'ئ': 'ي',
  'ة': 'ه',
  'ؤ': 'و',
  'ک': 'ك',
};
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

function foldDigit(ch: string): string {
  const code = ch.charCodeAt(0);
  // U+0660..0669 Arabic-Indic, U+06F0..06F9 Extended (Persian/Urdu) digits.
  const base = code >= 0x06f0 ? 0x06f0 : 0x0660;
  return String(code - base);
}

// Persian and Arabic keyboard layouts have no ە: Sorani writers type ه followed by a zero-width
// non-joiner (Lucene's Sorani normalizer reads it as ە). Other invisible format characters (ZWNJ,
// ZWJ, zero-width space, word joiner, direction marks, soft hyphen: Unicode category Cf) split or
// join nothing a reader can see, so they are dropped before words are split: «ان‌تحر» is «انتحر».
const HEH_ZWNJ = /\u0647\u200C/g;
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** The first step of every normalization, for safety and retrieval alike: what the eye sees. */
export function stripInvisible(text: string): string {
  return text.normalize('NFKC').replace(HEH_ZWNJ, '\u06D5').replace(FORMAT_CHARACTERS, '');
}

/** NFKC, strip diacritics and tatweel, fold letter variants and digits, lower-case Latin. */
export function normalizeArabic(text: string): string {
  return stripInvisible(text)
    .replace(TASHKEEL, '')
    .replace(TATWEEL, '')
    .replace(BARE_HAMZA, '')
    .replace(FOLDABLE, (ch) => LETTER_FOLDS[ch] ?? ch)
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, foldDigit)
    .toLowerCase();
}

/** Split normalized text into word tokens: runs of letters and digits. */
export function tokenize(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}]+/gu) ?? [];
}
