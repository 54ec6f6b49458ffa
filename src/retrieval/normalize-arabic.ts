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

/** NFKC, strip diacritics and tatweel, fold letter variants and digits, lower-case Latin. */
export function normalizeArabic(text: string): string {
  return text
    .normalize('NFKC')
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
