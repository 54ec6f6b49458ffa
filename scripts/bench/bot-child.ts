// A bot in a process of its own, for bench:bot's crash phase (which kills it with SIGKILL):
//   tsx scripts/bench/bot-child.ts inbox|runner   (TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT, DATABASE_PATH from the environment)
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startMode, type Mode } from './bot-modes.js';

const mode = process.argv[2] as Mode;
const config = loadConfig();
const app = await createApp(config, createLogger('silent'));
const bot = await startMode(mode, app, config.telegramBotToken!);
process.stdout.write('ready\n');
process.once('SIGTERM', () => void bot.stop().then(() => process.exit(0)));
