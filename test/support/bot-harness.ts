import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { runBot, type RunningBot } from '../../src/bot/run-bot.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startFakeTelegram, type FakeTelegram, type RecordedCall } from './fake-telegram.js';
import { tempDir } from './temp-dir.js';

export const TOKEN = '123456:TEST-token-for-the-fake-bot-api';

export interface Harness {
  fake: FakeTelegram;
  app: App;
  bot: RunningBot;
  /** Texts of successful sendMessage calls to `chatId`, in order. */
  repliesTo(chatId: number): string[];
  /** The last successful sendMessage call to `chatId`. */
  lastReply(chatId: number): RecordedCall['payload'] | undefined;
  /** Waits until `chatId` has received at least `count` messages. */
  waitForReplies(chatId: number, count: number, timeoutMs?: number): Promise<void>;
  /** Stops the bot and closes the database and the fake API now (as a restart would). */
  close(): Promise<void>;
}

const running: Harness[] = [];
afterEach(async () => {
  for (const h of running.splice(0)) await h.close();
});

/** The production app and bot (createBot + runner) on a fresh database, against a fake Bot API. */
export async function startBotHarness(env: Record<string, string> = {}, opts: { forum?: boolean } = {}): Promise<Harness> {
  const fake = await startFakeTelegram();
  if (opts.forum === false) fake.setForum(false);
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_PATH: join(tempDir(), 'aman.sqlite'),
    KNOWLEDGE_DIR: 'knowledge',
    ...env,
  });
  const app = await createApp(config, createLogger('silent'));
  const bot = await runBot({ ...app, token: TOKEN, apiRoot: config.telegramApiRoot, retentionDays: config.retentionDays, rateLimit: config.rateLimit });
  const sent = (chatId: number) => fake.callsTo('sendMessage').filter((c) => c.payload.chat_id === chatId);
  const harness: Harness = {
    fake,
    app,
    bot,
    repliesTo: (chatId) => sent(chatId).map((c) => String(c.payload.text)),
    lastReply: (chatId) => sent(chatId).at(-1)?.payload,
    waitForReplies: (chatId, count, timeoutMs = 5000) =>
      fake.waitFor((calls) => calls.filter((c) => c.method === 'sendMessage' && c.status === 200 && c.payload.chat_id === chatId).length >= count, timeoutMs),
    close: async () => {
      if (!running.includes(harness)) return;
      running.splice(running.indexOf(harness), 1);
      await bot.stop();
      app.close();
      await fake.close();
    },
  };
  running.push(harness);
  return harness;
}

/** callback_data of every inline button in a sent message. */
export function buttonData(payload: RecordedCall['payload'] | undefined): string[] {
  const rows = (payload?.reply_markup?.inline_keyboard ?? []) as { callback_data?: string }[][];
  return rows.flat().map((b) => b.callback_data ?? '');
}
