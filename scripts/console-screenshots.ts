// Screenshots of the staff console for the README (docs/console-*.png): the production bot against
// a local fake Bot API, a few citizens' messages, a moderator's reply, then Debian's Chromium.
//   npm run screenshots:console
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createApp } from '../src/app.js';
import { runBot } from '../src/bot/run-bot.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startFakeTelegram, textUpdate } from '../test/support/fake-telegram.js';

const TOKEN = '123456:screenshots-token';
const MODERATOR = 7301;
const fake = await startFakeTelegram();
const dir = mkdtempSync(join(tmpdir(), 'aman-screenshots-'));
const config = loadConfig({
  TELEGRAM_BOT_TOKEN: TOKEN,
  TELEGRAM_API_ROOT: fake.apiRoot,
  DATABASE_PATH: join(dir, 'aman.sqlite'),
  MODERATOR_IDS: String(MODERATOR),
  HTTP_PORT: '0',
  SESSION_SECRET: 'screenshots-secret-of-at-least-32-characters',
  LOG_LEVEL: 'silent',
});
const app = await createApp(config, createLogger('silent'));
const bot = await runBot({ ...app, token: TOKEN, apiRoot: config.telegramApiRoot, retentionDays: config.retentionDays, rateLimit: config.rateLimit });
const sent = (chat: number) => fake.callsTo('sendMessage').filter((c) => c.payload.chat_id === chat && c.status === 200).length;
async function say(chat: number, text: string) {
  const before = sent(chat);
  fake.queueUpdates(textUpdate(chat, text, { userId: chat }));
  await fake.waitFor(() => sent(chat) > before, 10_000);
}
await say(5001, 'شلون اتصل بالشرطة المجتمعية؟');
await say(5002, 'شكد راتب الشرطي بالعراق؟');
await say(5003, 'اخوي بلع علبة حبوب هسه وما يتنفس زين');
await say(5003, 'اتصلت بالاسعاف بس بعدهم ما وصلوا');
await say(5004, 'عنوان مستشفى ابن رشد بالضبط');
await say(5005, 'رقم الطوارئ مجاني؟');
await say(MODERATOR, '/console');
const link = /\/console\/login\/[\w-]+/.exec(String(fake.callsTo('sendMessage').filter((c) => c.payload.chat_id === MODERATOR).at(-1)!.payload.text))![0];

const out = 'docs';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
await page.goto(bot.consoleUrl + link);
await page.screenshot({ path: join(out, 'console-queue.png'), fullPage: true });
await page.locator('tbody tr').first().locator('a').click();
await page.locator('textarea[name="text"]').first().fill('نحن معك. ابقَ بجانبه وإذا توقف عن التنفس اتصل بـ911 مرة أخرى فوراً.');
await page.getByRole('button', { name: 'إرسال الرد إلى المواطن' }).click();
await page.screenshot({ path: join(out, 'console-case.png'), fullPage: true });
await page.goto(`${bot.consoleUrl}/console/figures?days=7`);
await page.screenshot({ path: join(out, 'console-figures.png'), fullPage: true });
await browser.close();
await bot.stop();
app.close();
await fake.close();
rmSync(dir, { recursive: true, force: true });
console.log(`wrote ${out}/console-queue.png, console-case.png, console-figures.png`);
process.exit(0);
