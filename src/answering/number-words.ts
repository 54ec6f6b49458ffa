// Figures written in words, read as numbers, for grading only: the knowledge base writes amounts of
// three digits or more in words (the phone-number allowlist, README "Knowledge"), so «أكثر من ألف
// وخمسمئة حالة» carries the fact "1500" as surely as the digits would. Works on text folded by
// foldForGrading (ا for أ إ آ, ه for ة, ي for ى, no diacritics) and on English.

const AR_UNITS: Record<string, number> = {
  واحد: 1, واحده: 1, اثنان: 2, اثنين: 2, اثنتان: 2, اثنتين: 2, اثنا: 2, اثني: 2, اثنتا: 2, ثلاث: 3, ثلاثه: 3,
  اربع: 4, اربعه: 4, خمس: 5, خمسه: 5, ست: 6, سته: 6, سبع: 7, سبعه: 7, ثمان: 8, ثماني: 8, ثمانيه: 8, تسع: 9, تسعه: 9,
  عشر: 10, عشره: 10, عشرون: 20, عشرين: 20, ثلاثون: 30, ثلاثين: 30, اربعون: 40, اربعين: 40, خمسون: 50, خمسين: 50,
  ستون: 60, ستين: 60, سبعون: 70, سبعين: 70, ثمانون: 80, ثمانين: 80, تسعون: 90, تسعين: 90,
  مئه: 100, مائه: 100, مئتان: 200, مئتين: 200, مئتي: 200, مائتان: 200, مائتين: 200, مائتي: 200,
  الفان: 2000, الفين: 2000, الفا: 2000, مليونان: 2e6, مليونين: 2e6,
};
// Kurdish Sorani, as the translations write it («سێسەد و شانزە ملیۆن»).
const CKB_UNITS: Record<string, number> = {
  یەک: 1, دوو: 2, سێ: 3, چوار: 4, پێنج: 5, شەش: 6, حەوت: 7, هەشت: 8, نۆ: 9, دە: 10, یازدە: 11, دوازدە: 12,
  سیازدە: 13, چواردە: 14, پازدە: 15, شانزە: 16, حەڤدە: 17, هەژدە: 18, نۆزدە: 19, بیست: 20, سی: 30, چل: 40,
  پەنجا: 50, شەست: 60, حەفتا: 70, هەشتا: 80, نەوەد: 90, سەد: 100,
};
const EN_UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
/** Words that multiply what came before them (or stand for one of themselves). */
const SCALES: Record<string, number> = { الف: 1e3, الاف: 1e3, مليون: 1e6, مليونا: 1e6, ملايين: 1e6, thousand: 1e3, million: 1e6, هەزار: 1e3, ملیۆن: 1e6 };
/** Plurals that mean "thousands of" when no number comes before them. */
const PLURAL_SCALES = new Set(['الاف', 'ملايين']);

/** The value of one word, or undefined when it is not a number word. */
function wordValue(word: string): { unit?: number; scale?: number; hundred?: true } | undefined {
  if (AR_UNITS[word] !== undefined) return { unit: AR_UNITS[word] };
  if (EN_UNITS[word] !== undefined) return { unit: EN_UNITS[word] };
  if (CKB_UNITS[word] !== undefined) return { unit: CKB_UNITS[word] };
  const kurdishHundreds = /^(.+)سەد$/.exec(word);
  if (kurdishHundreds && CKB_UNITS[kurdishHundreds[1]!]! < 10) return { unit: CKB_UNITS[kurdishHundreds[1]!]! * 100 };
  if (SCALES[word] !== undefined) return { scale: SCALES[word] };
  if (word === 'hundred') return { hundred: true };
  // «خمسمئه», «ثلاثمائه»: a unit and a hundred written as one word.
  const hundreds = /^(.+?)(مئه|مائه)$/.exec(word);
  if (hundreds && AR_UNITS[hundreds[1]!] !== undefined && AR_UNITS[hundreds[1]!]! < 10) return { unit: AR_UNITS[hundreds[1]!]! * 100 };
  if (hundreds && hundreds[1] === 'ثمان') return { unit: 800 };
  return undefined;
}

/** Adds the digits after every run of number words: «الف وخمسمئه حاله» → «الف وخمسمئه 1500 حاله». */
export function numberWordsToDigits(text: string): string {
  const tokens = text.split(/(\s+)/);
  const out: string[] = [];
  let run: { total: number; current: number; words: number; plural: boolean } | undefined;
  const close = () => {
    if (run && !(run.plural && run.words === 1)) {
      // Right after the run's last word, before the space that followed it.
      const at = /^\s+$/.test(out.at(-1) ?? '') ? out.length - 1 : out.length;
      out.splice(at, 0, ` ${run.total + run.current}`);
    }
    run = undefined;
  };
  for (const token of tokens) {
    if (/^\s+$/.test(token) || token === '') {
      out.push(token);
      continue;
    }
    const bare = token.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, '');
    const parts = bare.split('-');
    const connector = bare === 'and' || bare === 'و';
    const word = (part: string) => wordValue(part) ?? (part.startsWith('و') ? wordValue(part.slice(1)) : undefined);
    const values = parts.map(word);
    if (connector && run) {
      out.push(token);
      continue;
    }
    if (!bare || values.some((v) => v === undefined)) {
      // A connector that led nowhere is left as it was; the run ends before this word.
      close();
      out.push(token);
      continue;
    }
    run ??= { total: 0, current: 0, words: 0, plural: false };
    for (const v of values) {
      run.words++;
      if (v!.unit !== undefined) run.current += v!.unit;
      else if (v!.hundred) run.current = (run.current || 1) * 100;
      else {
        run.plural ||= PLURAL_SCALES.has(parts[0]!.replace(/^و/, ''));
        run.total += (run.current || 1) * v!.scale!;
        run.current = 0;
      }
    }
    out.push(token);
  }
  close();
  return out.join('');
}
