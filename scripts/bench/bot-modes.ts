// The ways bench:bot runs the same bot (createBot, the same features and database), so that the
// cost and the guarantees of the inbox can be compared with what came before, in one run.
import { run, sequentialize } from '@grammyjs/runner';
import { Api, Bot } from 'grammy';
import type { App } from '../../src/app.js';
import { clientOptions, createBot } from '../../src/bot/create-bot.js';
import type { BotContext } from '../../src/bot/context.js';
import { createOutbox } from '../../src/bot/outbox.js';
import { ALLOWED_UPDATES } from '../../src/bot/poll-updates.js';
import { runBot } from '../../src/bot/run-bot.js';

export type Mode = 'inbox' | 'runner' | 'bot.start';
export const MODES: Mode[] = ['inbox', 'runner', 'bot.start'];
export const MODE_LABELS: Record<Mode, string> = {
  inbox: 'inbox + dispatcher (ours)',
  runner: '@grammyjs/runner, no inbox (before)',
  'bot.start': 'bot.start(), one at a time',
};

export async function startMode(mode: Mode, app: App, token: string): Promise<{ stop(): Promise<void> }> {
  const deps = { ...app, token, apiRoot: app.config.telegramApiRoot, retentionDays: 90, rateLimit: app.config.rateLimit };
  if (mode === 'inbox') return runBot(deps);
  const outbox = createOutbox({ api: new Api(token, clientOptions(deps.apiRoot)), store: app.outboxStore, users: app.users, logger: app.logger });
  const bot = createBot({ ...deps, outbox });
  bot.botInfo = await bot.api.getMe();
  if (mode === 'runner') {
    // How the bot ran before the inbox: the runner fetches ahead and confirms offsets as it goes.
    const outer = new Bot<BotContext>(token, { client: clientOptions(deps.apiRoot), botInfo: bot.botInfo });
    outer.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
    outer.use(bot);
    outer.catch(bot.errorHandler);
    const handle = run(outer, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true } });
    return { stop: () => handle.stop() };
  }
  // What a grammY user gets by default: bot.start(), one update at a time.
  void bot.start({ allowed_updates: [...ALLOWED_UPDATES] });
  await new Promise<void>((resolve) => {
    const check = () => (bot.isRunning() ? resolve() : setTimeout(check, 10));
    check();
  });
  return { stop: () => bot.stop() };
}
