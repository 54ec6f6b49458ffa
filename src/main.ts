// Entry point of `npm start`. Without TELEGRAM_BOT_TOKEN it opens a chat in the terminal on the
// same engine the bot will use (the Telegram adapter is the next milestone).
import { runTerminalChat } from './cli/chat.js';
import { runCommand } from './cli/run-command.js';

await runCommand(async (app) => {
  if (app.config.telegramBotToken) {
    app.logger.warn('TELEGRAM_BOT_TOKEN is set, but the Telegram adapter is not built yet; opening the terminal chat.');
  }
  await runTerminalChat(app);
});
