import type { MiddlewareFn } from 'grammy';
import type { UserStore } from '../../conversations/user-store.js';
import { LANGUAGES, type Translate, type UiLanguage } from '../../i18n/create-i18n.js';
import type { BotContext } from '../context.js';

/** Telegram's language_code is the first guess ('ku' is how some clients report Kurdish). */
export function guessLanguage(code: string | undefined): UiLanguage {
  const base = code?.toLowerCase().split('-')[0];
  if (base === 'ku' || base === 'ckb') return 'ckb';
  return LANGUAGES.includes(base as UiLanguage) ? (base as UiLanguage) : 'ar';
}

/** Loads (or creates) the user and fixes the interface language for this update. */
export function attachUser(users: UserStore, translate: Translate): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.receivedAt = performance.now();
    const from = ctx.from;
    const guess = guessLanguage(from?.language_code);
    ctx.account = from && !from.is_bot ? users.touch(from.id, guess) : undefined;
    ctx.lang = ctx.account?.language ?? guess;
    ctx.langChosen = ctx.account?.languageChosen ?? false;
    ctx.t = translate(ctx.lang);
    return next();
  };
}
