import type { Context } from 'grammy';
import type { TFunction } from 'i18next';
import type { UserRecord } from '../conversations/user-store.js';
import type { UiLanguage } from '../i18n/create-i18n.js';

/** What the bot's own middleware adds to grammY's context before any feature runs. */
export interface AmanFlavor {
  /** The interface language for this update: the user's choice, else a guess. */
  lang: UiLanguage;
  /** Whether the user picked `lang` themselves (then it overrides the question's language). */
  langChosen: boolean;
  t: TFunction;
  /** The stored user, when the update comes from a person. */
  account: UserRecord | undefined;
  /** When the update reached the bot, for the answer's latency. */
  receivedAt: number;
}

export type BotContext = Context & AmanFlavor;
