import { run, type RunnerHandle } from '@grammyjs/runner';
import type { BotCommand } from 'grammy/types';
import type { BotDeps } from './bot-deps.js';
import { createBot } from './create-bot.js';
import { LANGUAGES } from '../i18n/create-i18n.js';

const COMMANDS = ['start', 'contact', 'language', 'subscribe', 'stop', 'privacy', 'forget'] as const;
// Telegram's default command list is the Arabic one: most users are Arabic speakers.
const DEFAULT_LANGUAGE = 'ar';

export interface RunningBot {
  /** Stops polling, waits for updates in flight, resolves when the bot is idle. */
  stop(): Promise<void>;
  /** Settles when the runner stops, by stop() or by crashing. */
  finished: Promise<void>;
}

/** Starts long polling with the runner after clearing any webhook and publishing the commands. */
export async function runBot(deps: BotDeps): Promise<RunningBot> {
  const { bot, idle } = createBot(deps);
  await bot.init();
  // A webhook left from another deployment would make getUpdates fail with 409.
  await bot.api.deleteWebhook();
  for (const language of LANGUAGES) {
    const t = deps.translate(language);
    const commands: BotCommand[] = COMMANDS.map((command) => ({ command, description: t(`commands.${command}`) }));
    await bot.api.setMyCommands(commands, language === DEFAULT_LANGUAGE ? {} : { language_code: language === 'ckb' ? 'ku' : language });
  }
  const handle: RunnerHandle = run(bot, {
    runner: {
      fetch: { allowed_updates: ['message', 'callback_query', 'my_chat_member'] },
      silent: true,
    },
  });
  deps.logger.info({ bot: bot.botInfo.username }, 'bot is polling for updates');
  return {
    stop: async () => {
      await handle.stop();
      await idle();
    },
    finished: handle.task() ?? Promise.resolve(),
  };
}
