import { Api, GrammyError, HttpError } from 'grammy';
import type { BotCommand } from 'grammy/types';
import { LANGUAGES } from '../i18n/create-i18n.js';
import type { BotDeps } from './bot-deps.js';
import { BotStartError } from './bot-start-error.js';
import { clientOptions, createBot, handleWithBoundary } from './create-bot.js';
import { createDispatcher } from './dispatch-updates.js';
import { createOutbox } from './outbox.js';
import { pollUpdates } from './poll-updates.js';

const COMMANDS = ['start', 'contact', 'language', 'subscribe', 'stop', 'privacy', 'forget'] as const;
// Telegram's default command list is the Arabic one: most users are Arabic speakers.
const DEFAULT_LANGUAGE = 'ar';
// Start-up calls that get no answer in this time point at a wrong TELEGRAM_API_ROOT.
const START_TIMEOUT_MS = 15_000;

export interface RunningBot {
  /** Stops polling, lets updates and sends in flight finish, resolves when the bot is idle. */
  stop(): Promise<void>;
  /** Settles when polling stops: resolves after stop(), rejects with a BotStartError (401, 409). */
  finished: Promise<void>;
}

/** Turns what the first call to Telegram says into a sentence an operator can act on. */
function explainStartFailure(error: unknown, apiRoot: string): BotStartError {
  if (error instanceof BotStartError) return error;
  if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
    return new BotStartError(`Telegram rejected TELEGRAM_BOT_TOKEN (${error.error_code} ${error.description}): the token is wrong or was revoked. Copy the current one from @BotFather into .env.`);
  }
  if (error instanceof GrammyError) return new BotStartError(`The Bot API at ${apiRoot} refused to start the bot (${error.error_code} ${error.description}).`);
  const cause = error instanceof HttpError ? (error.error as { code?: string; message?: string }) : (error as { code?: string; message?: string });
  const detail = cause?.code ?? cause?.message ?? String(error);
  return new BotStartError(`Cannot reach a Telegram Bot API at ${apiRoot} (${detail}). Check TELEGRAM_API_ROOT (leave it empty for Telegram's) and the network.`);
}

async function withTimeout<T>(work: Promise<T>, apiRoot: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BotStartError(`No answer from the Bot API at ${apiRoot} within ${START_TIMEOUT_MS / 1000} s: is TELEGRAM_API_ROOT the address of a Telegram Bot API server?`)), START_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts the bot: checks the token, clears any webhook, publishes the commands, finishes what the
 * inbox and the outbox hold from before, then long-polls into the inbox.
 */
export async function runBot(deps: Omit<BotDeps, 'outbox'>): Promise<RunningBot> {
  const apiRoot = deps.apiRoot ?? 'https://api.telegram.org';
  // Answers are sent by the outbox through an Api of their own, without auto-retry (see outbox.ts).
  const outbox = createOutbox({ api: new Api(deps.token, clientOptions(deps.apiRoot)), store: deps.outboxStore, users: deps.users, logger: deps.logger });
  const bot = createBot({ ...deps, outbox });
  try {
    await withTimeout(
      (async () => {
        // Not bot.init(): it retries network errors forever, and a wrong address must say so at once.
        bot.botInfo = await bot.api.getMe();
        // A webhook left from another deployment would make getUpdates fail with 409.
        await bot.api.deleteWebhook();
        for (const language of LANGUAGES) {
          const t = deps.translate(language);
          const commands: BotCommand[] = COMMANDS.map((command) => ({ command, description: t(`commands.${command}`) }));
          await bot.api.setMyCommands(commands, language === DEFAULT_LANGUAGE ? {} : { language_code: language === 'ckb' ? 'ku' : language });
        }
      })(),
      apiRoot,
    );
  } catch (error) {
    throw explainStartFailure(error, apiRoot);
  }

  const dispatcher = createDispatcher({ handle: (update) => handleWithBoundary(bot, update as never), markHandled: deps.inbox.markHandled, logger: deps.logger });
  await outbox.start();
  // What a crash or a stop left in the inbox is handled first, in order.
  const left = deps.inbox.pending();
  if (left.length) deps.logger.info({ updates: left.length }, 'finishing updates stored before the last stop');
  dispatcher.enqueue(left);
  const polling = pollUpdates({ api: bot.api, inbox: deps.inbox, dispatcher, logger: deps.logger });
  deps.logger.info({ bot: bot.botInfo.username }, 'bot is polling for updates');
  return {
    stop: async () => {
      await polling.stop();
      dispatcher.stop();
      await dispatcher.idle();
      await outbox.stop();
    },
    finished: polling.finished,
  };
}
