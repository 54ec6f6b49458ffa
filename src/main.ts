// Entry point of `npm start`: the Telegram bot when TELEGRAM_BOT_TOKEN is set, otherwise a chat in
// the terminal on the same engine.
import { startBotProcess } from './bot/start-bot-process.js';
import { runTerminalChat } from './cli/chat.js';
import { runCommand } from './cli/run-command.js';

let botStarted = false;
await runCommand(async (app) => {
  const token = app.config.telegramBotToken;
  if (!token) return runTerminalChat(app);
  botStarted = true;
  return startBotProcess(app, token);
});
// The database is closed by now; an aborted long poll's socket must not keep a stopped bot alive.
if (botStarted) process.exit(process.exitCode ?? 0);
