// Script and letter sets, not a statistical detector: generic detectors call short Iraqi Arabic
// "Persian" and Sorani "Malay". Sorani has letters that Arabic (even Iraqi, with گ چ پ) never uses.

export type Language = 'ar' | 'en' | 'ckb' | 'arabizi' | 'und';

const SORANI_ONLY = /[ڕڵۆێەھ]/u;
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const LATIN = /[a-z]/giu;
// Arabizi writes ع ح ء خ ق as 3 7 2 5 9 inside Latin words.
const ARABIZI_DIGIT_IN_WORD = /(?:[a-z][2-9]|[2-9][a-z])/iu;
const ARABIZI_WORDS = new Set([
  'shlon', 'shlonak', 'shno', 'shnu', 'shinu', 'wen', 'wein', 'mnu', 'minu', 'lesh', 'laish', 'shgad', 'shkad',
  'aku', 'ako', 'maku', 'mako', 'ani', 'ana', 'ahna', 'inta', 'inti', 'hassa', 'hesa', 'hwaya', 'zain', 'zein',
  'khosh', 'baachir', 'agdar', 'akdar', 'ariid', 'areed', 'arid', 'shurta', 'shorta', 'mukhadarat', 'amn',
  // Function words and family words that English does not use: «w» (and), «il/el» (the), «da» (-ing).
  'w', 'wa', 'il', 'el', 'bil', 'bel', 'lil', 'da', 'min', 'mn', 'ala', 'ya', 'yalla', 'hiya', 'huwa', 'hwa', 'hassa',
  'hessa', 'hasa', 'halla', 'ibni', 'binti', 'abuya', 'abooya', 'ummi', 'umi', 'omi', 'akhoya', 'ukhti', 'beit',
  'bait', 'baitna', 'beitna', 'idha', 'ida', 'kan', 'chan', 'mamindi', 'ma', 'mo', 'fe', 'fi', 'hal', 'lo', 'law',
]);

export function detectLanguage(text: string): Language {
  const arabic = text.match(ARABIC_SCRIPT)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (arabic === 0 && latin === 0) return 'und';
  if (arabic >= latin) return SORANI_ONLY.test(text) ? 'ckb' : 'ar';
  const words = text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  const arabizi = words.filter((w) => ARABIZI_WORDS.has(w) || ARABIZI_DIGIT_IN_WORD.test(w)).length;
  // A quarter of the words is enough: Arabizi mixes in English loans («video», «film», «bas»).
  return arabizi > 0 && arabizi * 4 >= words.length ? 'arabizi' : 'en';
}

/** The interface language for a detected language: Arabizi writers read Arabic. */
export function uiLanguageOf(language: Language): 'ar' | 'en' | 'ckb' {
  return language === 'en' || language === 'ckb' ? language : 'ar';
}
