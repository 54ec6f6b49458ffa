import { Api, GrammyError, HttpError } from 'grammy';
import type { BotCommand } from 'grammy/types';
import { LANGUAGES } from '../i18n/create-i18n.js';
import type { BotDeps } from './bot-deps.js';
import { BotStartError } from './bot-start-error.js';
import { clientOptions, createBot, handleWithBoundary } from './create-bot.js';
import { createDispatcher } from './dispatch-updates.js';
import { createOutbox } from './outbox.js';
import { ALLOWED_UPDATES, pollUpdates, type Polling } from './poll-updates.js';
import { webhookRoutes } from './receive-webhook.js';
import { createReviewDesk } from './review-desk.js';
import { notifyAnsweredGaps } from './notify-gaps.js';
import { createBroadcastSender, type BroadcastSender } from './broadcast-sender.js';
import { startConsole, type RunningConsole } from '../console/console-server.js';
import { createMetrics } from '../ops/metrics.js';

const COMMANDS = ['start', 'contact', 'language', 'subscribe', 'stop', 'governorate', 'privacy', 'forget', 'human'] as const;
// Shown only in the private chat of a staff member (setMyCommands with a chat scope), by role.
const STAFF_COMMANDS = { admin: ['staff', 'duty', 'broadcast', 'broadcasts', 'console'], moderator: ['duty', 'console'], broadcaster: ['broadcast', 'broadcasts', 'console'] } as const;
// Telegram's default command list is the Arabic one: most users are Arabic speakers.
const DEFAULT_LANGUAGE = 'ar';
// Start-up calls that get no answer in this time point at a wrong TELEGRAM_API_ROOT.
const START_TIMEOUT_MS = 15_000;

export interface RunningBot {
  /** Stops polling, lets updates and sends in flight finish, resolves when the bot is idle. */
  stop(): Promise<void>;
  /** Settles when polling stops: resolves after stop(), rejects with a BotStartError (401, 409). */
  finished: Promise<void>;
  /** The staff console's own address (HTTP_HOST:HTTP_PORT, the port chosen when 0), when it is on. */
  consoleUrl: string | undefined;
  /** Tells citizens waiting on a knowledge gap that an entry now answers it; how many were told. */
  recheckGaps(): Promise<number>;
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
  const metrics = createMetrics(deps.db, deps.config.databasePath);
  // Every Bot API call that fails is counted by its code (and a 429's wait), whoever made it.
  const counted = (api: Api) => {
    api.config.use(async (prev, method, payload, signal) => {
      const result = await prev(method, payload, signal);
      if (!result.ok) metrics.telegramError(result.error_code, result.parameters?.retry_after);
      return result;
    });
    return api;
  };
  const outbox = createOutbox({ api: counted(new Api(deps.token, clientOptions(deps.apiRoot))), store: deps.outboxStore, users: deps.users, logger: deps.logger });
  const api = counted(new Api(deps.token, clientOptions(deps.apiRoot)));
  const desk =
    deps.reviewChatId === undefined ? undefined
    : createReviewDesk({ api, chatId: deps.reviewChatId, cases: deps.cases, staff: deps.staff, translate: deps.translate, logger: deps.logger, urgentAckSeconds: deps.urgentAckSeconds });
  if (!desk) deps.logger.warn('REVIEW_CHAT_ID is not set: cases are kept in the database (npm run review) but no moderator sees them in Telegram');
  /** A staff member's commands in their own chat: the citizens' list plus their role's; withdrawn when they leave. */
  const publishCommands = async (userId: number) => {
    const member = deps.staff.find(userId);
    const scope = { type: 'chat' as const, chat_id: userId };
    try {
      if (!member) return void (await api.deleteMyCommands({ scope }));
      const t = deps.translate(DEFAULT_LANGUAGE);
      const names = [...COMMANDS, ...STAFF_COMMANDS[member.role]];
      await api.setMyCommands(names.map((command) => ({ command, description: t(`commands.${command}`) })), { scope });
    } catch (error) {
      // A staff member who never opened a chat with the bot: their commands wait for the next start.
      deps.logger.warn({ staff: userId, error: error instanceof GrammyError ? error.description : String(error) }, 'could not publish staff commands');
    }
  };
  let sender: BroadcastSender | undefined;
  const bot = createBot({ ...deps, outbox, metrics, ...(desk ? { desk } : {}), publishCommands, wakeBroadcasts: () => sender?.wake() });
  counted(bot.api);
  if (!deps.config.broadcast.approvals) deps.logger.warn('BROADCAST_APPROVALS=0: broadcasts go out without a second person approving them');
  try {
    await withTimeout(
      (async () => {
        // Not bot.init(): it retries network errors forever, and a wrong address must say so at once.
        bot.botInfo = await bot.api.getMe();
        // Polling: a webhook left from webhook mode or another deployment would make getUpdates
        // fail with 409. Webhook mode sets its own once the server listens (below).
        if (!deps.config.webhook) await bot.api.deleteWebhook();
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

  for (const member of deps.staff.list()) await publishCommands(member.userId);
  await desk?.start();
  const dispatcher = createDispatcher({ handle: (update) => handleWithBoundary(bot, update as never), markHandled: deps.inbox.markHandled, logger: deps.logger });
  await outbox.start();
  // New or changed entries may answer questions citizens asked to be told about.
  if (deps.knowledge.rebuilt) await notifyAnsweredGaps({ ...deps, outbox }).catch((error: unknown) => deps.logger.error({ err: error as Error }, 'checking knowledge gaps failed'));
  // What a crash or a stop left in the inbox is handled first, in order.
  const left = deps.inbox.pending();
  if (left.length) deps.logger.info({ updates: left.length }, 'finishing updates stored before the last stop');
  dispatcher.enqueue(left);
  sender = createBroadcastSender({
    api,
    store: deps.broadcasts,
    users: deps.users,
    translate: deps.translate,
    logger: deps.logger,
    rate: deps.config.broadcast.rate,
    paid: deps.config.broadcast.paid,
    quietHours: deps.config.broadcast.quietHours,
    backlog: dispatcher.backlog,
  });
  await sender.start();
  let staffConsole: RunningConsole | undefined;
  let polling: Polling | undefined;
  let webhookSet = false;
  /** Stops what has started, in order: on stop(), and when start-up fails after this point. */
  const stopWorkers = async () => {
    // The broadcast message in flight finishes; the rest waits for the next start.
    await sender.stop();
    dispatcher.stop();
    await dispatcher.idle();
    await staffConsole?.stop();
    await outbox.stop();
    await desk?.stop();
  };
  if (deps.config.http) {
    try {
      const ops = {
        db: deps.db,
        databasePath: deps.config.databasePath,
        knowledge: deps.knowledge,
        metrics,
        metricsToken: deps.config.http.metricsToken,
        // In webhook mode updates flow once Telegram accepted the webhook; silence is not a fault.
        lastPollAt: () => (deps.config.webhook ? (webhookSet ? Date.now() : 0) : (polling?.lastPollAt() ?? 0)),
        lastBroadcastTickAt: () => sender.lastTickAt(),
      };
      const hook = deps.config.webhook;
      const webhook = hook && webhookRoutes({ path: hook.path, secret: hook.secret, inbox: deps.inbox, dispatcher, logger: deps.logger, onUpdates: metrics.updatesReceived });
      staffConsole = await startConsole({ ...deps, http: deps.config.http, flushChat: outbox.flushChat, wakeDesk: () => desk?.wake(), wakeBroadcasts: () => sender?.wake(), ops, ...(webhook ? { webhook } : {}) });
    } catch (error) {
      await stopWorkers();
      const code = (error as { code?: string }).code;
      throw new BotStartError(`The staff console cannot listen on ${deps.config.http.host}:${deps.config.http.port} (${code ?? String(error)}). Choose another HTTP_PORT, or leave it empty to turn the console off.`);
    }
  }
  let finished: Promise<void>;
  let stopReceiving: () => Promise<void>;
  if (deps.config.webhook) {
    const hook = deps.config.webhook;
    try {
      await bot.api.setWebhook(hook.url, { secret_token: hook.secret, max_connections: hook.maxConnections, allowed_updates: [...ALLOWED_UPDATES] });
    } catch (error) {
      await stopWorkers();
      throw explainStartFailure(error, apiRoot);
    }
    webhookSet = true;
    // Nothing ends webhook mode but stop(): Telegram keeps posting, and queues while we are down.
    let end = () => undefined as void;
    finished = new Promise<void>((resolve) => (end = resolve));
    stopReceiving = async () => end();
    deps.logger.info({ bot: bot.botInfo.username, path: hook.path }, 'bot receives updates by webhook');
  } else {
    polling = pollUpdates({ api: bot.api, inbox: deps.inbox, dispatcher, logger: deps.logger, onUpdates: metrics.updatesReceived });
    finished = polling.finished;
    stopReceiving = () => polling!.stop();
    deps.logger.info({ bot: bot.botInfo.username }, 'bot is polling for updates');
  }
  return {
    stop: async () => {
      await stopReceiving();
      await stopWorkers();
    },
    finished,
    consoleUrl: staffConsole?.url,
    recheckGaps: () => notifyAnsweredGaps({ ...deps, outbox }),
  };
}
