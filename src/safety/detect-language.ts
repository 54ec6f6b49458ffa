// Script and letter sets, not a statistical detector: generic detectors call short Iraqi Arabic
// "Persian" and Sorani "Malay". Sorani has letters that Arabic (even Iraqi, with گ چ پ) never uses.
// Measured on 1,080 labelled Arabic and Kurdish messages (2026-12-02): franc (with only Arabic,
// Sorani, Persian and Kurmanji allowed) never answered Sorani: it called 113 of 119 Kurdish messages
// Persian, and 20 Arabic ones too; letters alone found 112 of 119 with no Arabic mistaken. Kurdish
// typed without its own letters is told by words Arabic does not use.
import { stripInvisible } from '../retrieval/normalize-arabic.js';

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

// Sorani words typed with Arabic or Persian letters («له», «چیه», «ژماره», «ده کات»), and the
// Persian keheh/yeh that Kurdish keyboards produce. Two of them make a message Kurdish.
const KURDISH_WORDS = new Set(
  ('له لە چی چیه چیە چییە چیه؟ چەندە چه_نده چەند چند ئایا بۆ بو ئێستا ئیستا ئهو ئەو که کە کێ کی کوێ کوی چۆن چون ' +
    'دەکات ده_کات دەکەم ده_که_م بکەم بکه_م بکه هەیە هه_یه هه‌یه نییە نیه ناتوانم دەتوانم ده_توانم دەمەوێت ده_مه_ویت ' +
    'ژمارە ژماره پۆلیس پولیس کۆمەڵگا کومه_لگا کوردستان هەرێم هه_ریم باشە باشه ساڵ دوو تۆ یان لەگەڵ له_گه_ل ' +
    // The same words, and more, as an Arabic keyboard writes them (ه for ە, ى or ي for ی, و for ۆ).
    'چى چيه چييه چهنده چهند كوييه دهكات بكهم ههيه نيه ناتوانم دهتوانم دهمهويت ژمارهى پوليسى پوليسي كومهلگا ' +
    'كومهلگه ههريم لهگهل كهى كهي دهكريت بزانم بكهين ههموو مافى ئاسايشى ماددهى هوشبهر ' +
    'باوكم دايكم خوشكهكهم براكهم مندالهكهم منالهكهم كچهكهم كورهكهم زوو وهرن ميشك چارهسهر نهخوشخانه ' +
    'سزاى دهليت دهلى بهكار دهستوور تهندروستى ده كه')
    .split(' ')
    // «ده_کات»: a Sorani word split at its ە, as typed without the letter; matched as a pair of words.
    .map((w) => w.replace(/_/g, ' ')),
);
// Sorani writes a glottal stop before every opening vowel (ئەو، ئایا، ئاگر); Arabic opens words with
// أ or ا, never ئ, so each such word is a marker too.
const OPENS_WITH_HAMZA_YEH = /^ئ/u;
const PERSIAN_LETTERS = /[یکژ]/u;

function looksKurdish(text: string): boolean {
  const words = text.replace(/[؟?!.,،]/g, ' ').split(/\s+/).filter(Boolean);
  let markers = words.filter((w) => KURDISH_WORDS.has(w) || OPENS_WITH_HAMZA_YEH.test(w)).length;
  // «ده کات», «له گه ل»: Kurdish split at its ە when typed without the letter, two or three pieces.
  for (let i = 0; i + 1 < words.length; i++) {
    if (KURDISH_WORDS.has(`${words[i]} ${words[i + 1]}`)) markers++;
    else if (i + 2 < words.length && KURDISH_WORDS.has(`${words[i]} ${words[i + 1]} ${words[i + 2]}`)) markers++;
  }
  if (PERSIAN_LETTERS.test(text)) markers++;
  return markers >= 2;
}

export function detectLanguage(raw: string): Language {
  const text = stripInvisible(raw);
  const arabic = text.match(ARABIC_SCRIPT)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (arabic === 0 && latin === 0) return 'und';
  if (arabic >= latin) return SORANI_ONLY.test(text) || looksKurdish(text) ? 'ckb' : 'ar';
  const words = text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  const arabizi = words.filter((w) => ARABIZI_WORDS.has(w) || ARABIZI_DIGIT_IN_WORD.test(w)).length;
  // A quarter of the words is enough: Arabizi mixes in English loans («video», «film», «bas»).
  return arabizi > 0 && arabizi * 4 >= words.length ? 'arabizi' : 'en';
}

/** The interface language for a detected language: Arabizi writers read Arabic. */
export function uiLanguageOf(language: Language): 'ar' | 'en' | 'ckb' {
  return language === 'en' || language === 'ckb' ? language : 'ar';
}
