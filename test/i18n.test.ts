import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../src/i18n/create-i18n.js';
import { findNumbers, loadPhoneAllowlist } from '../src/knowledge/check-phone-numbers.js';

const keysOf = (o: Record<string, unknown>, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keysOf(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`]));
const locale = (lang: string) => JSON.parse(readFileSync(`src/i18n/locales/${lang}.json`, 'utf8'));

describe('translations', () => {
  it('have the same keys in Arabic, English and Kurdish Sorani', () => {
    const ar = new Set(keysOf(locale('ar')));
    for (const lang of ['en', 'ckb']) expect(new Set(keysOf(locale(lang)))).toEqual(ar);
  });

  it('use Arabic plural forms for counts', async () => {
    const t = (await createI18n())('ar');
    expect(t('privacy.days', { count: 1 })).toBe('يوم واحد');
    expect(t('privacy.days', { count: 2 })).toBe('يومين');
    expect(t('privacy.days', { count: 7 })).toBe('7 أيام');
    expect(t('privacy.days', { count: 90 })).toBe('90 يوماً');
    expect(t('privacy.days', { count: 100 })).toBe('100 يوم');
  });

  it('fall back to Arabic for a key a locale lacks', async () => {
    const t = (await createI18n())('en');
    expect(t('fallback.contact')).toContain('911');
  });
});

describe('phone numbers in interface strings', () => {
  it('are all in the sourced allowlist that entries are checked against', () => {
    const problems: { file: string; field: string; message: string }[] = [];
    const allowlist = loadPhoneAllowlist('knowledge', problems);
    expect(problems).toEqual([]);
    for (const lang of ['ar', 'en', 'ckb']) {
      const strings = JSON.stringify(locale(lang));
      const unlisted = findNumbers(strings).filter((n) => !allowlist.phones.has(n) && !allowlist.notPhones.has(n));
      expect(unlisted, lang).toEqual([]);
    }
    expect(findNumbers(JSON.stringify(locale('ar')))).toEqual(expect.arrayContaining(['911', '122', '115', '119']));
  });
});
