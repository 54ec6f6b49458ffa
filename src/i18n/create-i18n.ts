import i18next, { type TFunction } from 'i18next';
import ar from './locales/ar.json' with { type: 'json' };
import ckb from './locales/ckb.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

export const LANGUAGES = ['ar', 'en', 'ckb'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

export type Translate = (language: UiLanguage) => TFunction;

/**
 * One i18next instance for the process; `translate(lang)` gives a t() fixed to a language, so that
 * concurrent conversations in different languages never share state. Arabic is the fallback.
 */
export async function createI18n(): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { ar: { translation: ar }, en: { translation: en }, ckb: { translation: ckb } },
    lng: 'ar',
    fallbackLng: 'ar',
    supportedLngs: [...LANGUAGES],
    // Messages are plain text here; the Telegram adapter escapes HTML itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // One fixed t() per language, made once: every answer asks for one, and making it costs more than
  // the lookups it then does.
  const fixed = new Map(LANGUAGES.map((language) => [language, instance.getFixedT(language)]));
  return (language) => fixed.get(language) ?? instance.getFixedT(language);
}
