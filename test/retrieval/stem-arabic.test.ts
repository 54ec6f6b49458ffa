import { describe, expect, it } from 'vitest';
import { stemArabic } from '../../src/retrieval/stem-arabic.js';

describe('stemArabic', () => {
  it('removes articles and conjunctions so that «والشرطه» and «الشرطه» share a stem', () => {
    expect(stemArabic('والشرطه')).toBe(stemArabic('الشرطه'));
    expect(stemArabic('بالشرطه')).toBe(stemArabic('شرطه'));
    expect(stemArabic('للشرطه')).toBe(stemArabic('شرطه'));
  });

  it('removes plural and feminine suffixes', () => {
    expect(stemArabic('المخدرات')).toBe('مخدر');
    expect(stemArabic('المجتمعيه')).toBe('مجتمع');
    expect(stemArabic('مواطنون')).toBe(stemArabic('مواطنين'));
  });

  it('keeps short words whole instead of cutting them to one letter', () => {
    expect(stemArabic('به')).toBe('به');
    expect(stemArabic('بيت')).toBe('بيت');
    expect(stemArabic('ولد')).toBe('ولد');
  });

  it('leaves Latin, numbers and Kurdish words untouched', () => {
    expect(stemArabic('police')).toBe('police');
    expect(stemArabic('911')).toBe('911');
    expect(stemArabic('پۆلیس')).toBe('پۆلیس');
  });
});
