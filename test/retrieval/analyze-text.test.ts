import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/retrieval/analyze-text.js';

describe('analyzeText', () => {
  it('drops MSA and Iraqi function words and keeps the subject', () => {
    expect(analyzeText('شنو يعني الامن المجتمعي؟').stems).toEqual(['امن', 'مجتمع']);
    expect(analyzeText('ما هو الأمن المجتمعي').stems).toEqual(['امن', 'مجتمع']);
  });

  it('gives the same stems to a question with or without hamza and ta marbuta', () => {
    expect(analyzeText('رقم الطوارئ في العراق').stems).toEqual(analyzeText('رقم الطواريء فى العراق').stems);
    expect(analyzeText('الشرطة المجتمعية').stems).toEqual(analyzeText('الشرطه المجتمعيه').stems);
  });

  it('adds the MSA word beside an Iraqi dialect word from the lexicon', () => {
    const { stems } = analyzeText('ضيعت هويتي');
    expect(stems).toContain('ضيعت');
    expect(stems).toContain('اضعت');
  });

  it('reads stretched and doubled letters of chat spelling once, and Sorani typed without its letters', () => {
    expect(analyzeText('علامااات الادمان شلووون').stems).toEqual(analyzeText('علامات الادمان شلون').stems);
    expect(analyzeText('هسهه ليشش').stems).toEqual(analyzeText('هسه ليش').stems);
    // A doubled letter inside a word is a real word («ممكن» is not «مكن»), and so is a final pair
    // of a consonant written Arabic ends words with: «عدد» (number) is not «عد», «السبب» not «السب».
    expect(analyzeText('ممكن').stems).not.toEqual(analyzeText('مكن').stems);
    expect(analyzeText('عدد').stems).not.toEqual(analyzeText('عد').stems);
    expect(analyzeText('السبب').stems).not.toEqual(analyzeText('السب').stems);
    expect(analyzeText('ژمارهى پوليسى كومهلگا').stems).toEqual(analyzeText('ژمارەی پۆلیسی کۆمەڵگا').stems);
  });

  it('keeps stem pairs in order, for phrase matches', () => {
    expect(analyzeText('وزير الداخلية').pairs).toEqual(['زير_داخل']);
  });

  it('shares most character n-grams between a word and its misspelling', () => {
    const right = new Set(analyzeText('المخدرات').grams);
    const typo = analyzeText('المخدرت').grams;
    const shared = typo.filter((g) => right.has(g)).length;
    expect(shared / typo.length).toBeGreaterThan(0.6);
  });

  it('returns nothing to search for when a message has no words', () => {
    for (const text of ['', '   ', '😀🙏', '؟؟؟ !!!']) {
      const a = analyzeText(text);
      expect(a.stems).toEqual([]);
      expect(a.grams).toEqual([]);
    }
  });
});

describe('transliterateArabizi', () => {
  it('writes Iraqi Arabizi in Arabic letters, article and prepositions joined', async () => {
    const { transliterateArabizi } = await import('../../src/retrieval/transliterate-arabizi.js');
    expect(transliterateArabizi('shlon at9il bil shorta el mujtama3ya')).toBe('شلون اتصل بالشرطة المجتمعيه');
    expect(transliterateArabizi('shnu ra8m el tawari2')).toContain('رقم');
  });

  it('spells common words as they are written, which letter rules cannot (ط, a long ا, 9 as ق)', async () => {
    const { transliterateArabizi } = await import('../../src/retrieval/transliterate-arabizi.js');
    expect(transliterateArabizi('shno ra9am el tawari2 bil 3iraq')).toBe('شنو رقم الطوارئ بالعراق');
    // A listed word with its own article gets no second one.
    expect(transliterateArabizi('il3iraq w el 3iraq')).toBe('العراق و العراق');
    // «9» stays ص where the word is not listed.
    expect(transliterateArabizi('at9il')).toBe('اتصل');
  });
});

describe('splitJoinedWords', () => {
  it('cuts words typed without spaces at the article, and leaves real words with «ال» inside alone', async () => {
    const { splitJoinedWords } = await import('../../src/retrieval/split-joined-words.js');
    expect(splitJoinedWords('رقمالشرطهالمجتمعيه شنو')).toBe('رقم الشرطه المجتمعيه');
    expect(splitJoinedWords('الابتزازالالكتروني')).toBe('الابتزاز الالكتروني');
    expect(splitJoinedWords('الاستقلال والاحتمالات بالكامل')).toBe('');
  });
});
