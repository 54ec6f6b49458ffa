import { describe, expect, it } from 'vitest';
import { normalizeArabic, tokenize } from '../../src/retrieval/normalize-arabic.js';

describe('normalizeArabic', () => {
  it('strips diacritics and tatweel so vocalized and plain spellings meet', () => {
    expect(normalizeArabic('الأَمْنُ المُجْتَمَعِيّ')).toBe(normalizeArabic('الامن المجتمعي'));
    expect(normalizeArabic('الشـــرطة')).toBe('الشرطه');
  });

  it('folds hamza forms, alef maqsura, ta marbuta and Persian letters the way citizens mix them', () => {
    expect(normalizeArabic('أإآٱ')).toBe('اااا');
    expect(normalizeArabic('مستشفى')).toBe('مستشفي');
    expect(normalizeArabic('الشرطة المجتمعية')).toBe('الشرطه المجتمعيه');
    expect(normalizeArabic('مؤتمر')).toBe('موتمر');
    expect(normalizeArabic('طوارئ')).toBe('طواري');
    expect(normalizeArabic('کتاب')).toBe('كتاب');
  });

  it('turns Arabic-Indic and Persian digits into ASCII digits', () => {
    expect(normalizeArabic('٩١١')).toBe('911');
    expect(normalizeArabic('۹۱۱')).toBe('911');
  });

  it('lower-cases Latin and keeps Kurdish Sorani letters intact', () => {
    expect(normalizeArabic('Community POLICE')).toBe('community police');
    for (const letter of ['ڕ', 'ڵ', 'ۆ', 'ێ', 'ە']) expect(normalizeArabic(`پۆلیس${letter}`)).toContain(letter);
  });

  it('turns presentation forms (NFKC) into ordinary letters', () => {
    expect(normalizeArabic('ﻻ')).toBe('لا');
  });
});

describe('tokenize', () => {
  it('splits on punctuation including Arabic comma and question mark', () => {
    expect(tokenize(normalizeArabic('شلون، اتصل؟ بالشرطة!'))).toEqual(['شلون', 'اتصل', 'بالشرطه']);
  });
});

describe('normalizeArabic and the bare hamza', () => {
  it('drops a bare hamza so that «الطواريء» and «الطوارئ» are one word', () => {
    expect(normalizeArabic('الطواريء')).toBe(normalizeArabic('الطوارئ'));
    expect(normalizeArabic('شيء')).toBe('شي');
  });
});

describe('normalizeArabic and invisible characters', () => {
  it('drops format characters so they never split a word', () => {
    expect(tokenize(normalizeArabic('الشر\u200cطة المجت\u200bمعية\u200f'))).toEqual(['الشرطه', 'المجتمعيه']);
  });

  it('reads ه followed by a zero-width non-joiner as the Sorani ە', () => {
    expect(normalizeArabic('ژماره\u200cی فریاکه\u200cوتن')).toBe(normalizeArabic('ژمارەی فریاکەوتن'));
  });
});
