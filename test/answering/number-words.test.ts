import { describe, expect, it } from 'vitest';
import { foldForGrading } from '../../src/answering/evaluate-answers.js';

// The knowledge base writes figures of three digits or more in words; a citizen who reads «ألف
// وخمسمئة» has the fact "1500", so grading must see it too, and must not invent figures.
describe('foldForGrading reads figures written in words', () => {
  it.each([
    ['عالجت أكثر من ألف وخمسمئة حالة ابتزاز', /\b1500 حاله/],
    ['تعاملت مع ألف وأربعمئة وخمس وخمسين ضحية', /\b1455\b/],
    ['أربعة آلاف وخمسمئة مدمن', /\b4500\b/],
    ['ثلاثمئة وستة عشر مليون شخص', /\b316000000\b/],
    ['ألف ومئتي مريض', /\b1200\b/],
    ['four thousand four hundred and forty-six, on 8 August', /\b4446\b/],
    ['three hundred and sixteen million people', /\b316000000\b/],
    ['نزیکەی سێسەد و شانزە ملیۆن کەس', /\b316000000\b/],
    ['هەزار و پێنجسەد حاڵەت', /\b1500\b/],
  ])('%s', (text, digits) => {
    expect(foldForGrading(text)).toMatch(digits);
  });

  it('leaves "thousands of" and text without figures as they were', () => {
    expect(foldForGrading('آلاف المدمنين وملايين الأشخاص')).toBe('الاف المدمنين وملايين الاشخاص');
    expect(foldForGrading('hundreds of thousands lose their lives')).toBe('hundreds of thousands lose their lives');
    expect(foldForGrading('اتصل بالرقم 911 مجاناً')).toBe('اتصل بالرقم 911 مجانا');
  });
});
