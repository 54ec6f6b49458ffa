import { stripInvisible } from '../retrieval/normalize-arabic.js';

// One spelling for the many ways a frightened person types the same word, applied to messages and
// to the lexicon alike: Iraqi گ and ق and ک all become ك (يگعد = يقعد, يكتل = يقتل), چ becomes ج,
// hamza and taa marbuta forms fold, Kurdish ی ە ھ fold to ي ه ه, and repeated letters collapse
// («الحقوووني», "heeelp") so elongation and doubled letters never decide a match.
export const TASHKEEL_TATWEEL = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const FOLDS: Record<string, string> = {
  أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ى: 'ي', ی: 'ي', ئ: 'ي', ؤ: 'و', ة: 'ه', ە: 'ه', ھ: 'ه',
  گ: 'ك', ق: 'ك', ک: 'ك', ڭ: 'ك', چ: 'ج', ڤ: 'ف', پ: 'ب', ڕ: 'ر', ڵ: 'ل', ێ: 'ي', ۆ: 'و',
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g');
const ARABIC_DIGITS = /[٠-٩۰-۹]/g;

export function foldForSafety(text: string): string {
  // The same first step as retrieval's: invisible characters never split or hide a word.
  return stripInvisible(text)
    .toLowerCase()
    .replace(TASHKEEL_TATWEEL, '')
    .replace(FOLDABLE, (c) => FOLDS[c]!)
    .replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(\p{L}|\p{N})\1+/gu, '$1')
    .trim();
}
