import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginLinks } from '../../src/console/login-links.js';
import { startBotHarness, type Harness } from '../support/bot-harness.js';
import { textUpdate } from '../support/fake-telegram.js';

// Debian's Chromium (.ci/run installs it when missing); no test tool downloads a browser of its own.
const CHROMIUM = '/usr/bin/chromium';
const MODERATOR = 7201;
const CITIZEN_URGENT = 6161;
const CITIZEN_FALLBACK = 6262;
const ENV = { MODERATOR_IDS: String(MODERATOR), HTTP_PORT: '0', SESSION_SECRET: 'browser-test-secret-of-at-least-32-chars' };

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // As root in a container, and on a machine with no network: no sandbox, no background calls.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
afterAll(async () => browser?.close());

async function loginLink(h: Harness): Promise<string> {
  h.fake.queueUpdates(textUpdate(MODERATOR, '/console', { userId: MODERATOR }));
  await h.waitForReplies(MODERATOR, 1);
  const path = /\/console\/login\/[\w-]+/.exec(h.repliesTo(MODERATOR).at(-1)!)![0];
  return h.bot.consoleUrl + path;
}

describe('the staff console in a real browser', () => {
  it('logs in from the bot\'s link, shows the urgent case on top, sends a reply the citizen receives, and draws the figures', async () => {
    const h = await startBotHarness(ENV);
    h.fake.queueUpdates(textUpdate(CITIZEN_FALLBACK, 'شلون اطبخ دولمه', { userId: CITIZEN_FALLBACK }));
    await h.waitForReplies(CITIZEN_FALLBACK, 1);
    h.fake.queueUpdates(textUpdate(CITIZEN_URGENT, 'اخوي بلع علبة حبوب هسه وما يتنفس زين', { userId: CITIZEN_URGENT }));
    await h.waitForReplies(CITIZEN_URGENT, 1);

    const page = await browser.newPage();
    const scriptErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && scriptErrors.push(m.text()));
    await page.goto(await loginLink(h));
    expect(new URL(page.url()).pathname).toBe('/console/cases');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    // The first row of the queue is the urgent case.
    const firstRow = page.locator('tbody tr').first();
    await expect.poll(() => firstRow.getAttribute('class')).toContain('urgent');
    await firstRow.locator('a').click();
    await page.locator('textarea[name="text"]').first().fill('نحن معك الآن، اتصل بـ911 فوراً');
    await page.getByRole('button', { name: 'إرسال الرد إلى المواطن' }).click();
    await expect.poll(() => page.locator('[role="status"]').textContent()).toContain('أُرسل الرد');
    await h.waitForReplies(CITIZEN_URGENT, 2);
    expect(h.repliesTo(CITIZEN_URGENT).at(-1)).toContain('نحن معك الآن، اتصل بـ911 فوراً');

    await page.goto(`${h.bot.consoleUrl}/console/figures`);
    const charts = page.locator('svg[role="img"]');
    expect(await charts.count()).toBeGreaterThanOrEqual(2);
    expect(await charts.first().locator('rect').count()).toBeGreaterThan(5);
    // The page kept to its policy: nothing was blocked, nothing needed a script.
    expect(scriptErrors).toEqual([]);
    await page.close();
  });

  it('refuses a used link, an expired one, one made for someone not on the staff, and a form without its token', async () => {
    const h = await startBotHarness(ENV);
    const link = await loginLink(h);
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(link);
    const refused = async (url: string) => {
      const page = await browser.newPage();
      const response = await page.goto(url);
      const text = await page.textContent('body');
      await page.close();
      return { status: response?.status(), text };
    };
    expect(await refused(link)).toMatchObject({ status: 403, text: expect.stringContaining('استُعمل من قبل') });
    const expired = createLoginLinks(h.app.db, () => Date.now() - 11 * 60 * 1000).create(MODERATOR);
    expect((await refused(`${h.bot.consoleUrl}/console/login/${expired}`)).status).toBe(403);
    const stranger = createLoginLinks(h.app.db).create(CITIZEN_URGENT);
    expect((await refused(`${h.bot.consoleUrl}/console/login/${stranger}`)).status).toBe(403);
    // The logged-in browser posts a form without its token: refused, and nothing reaches anyone.
    const sent = h.fake.callsTo('sendMessage').length;
    const forged = await context.request.post(`${h.bot.consoleUrl}/console/cases/1/reply`, { form: { text: 'مزور' }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    expect(h.fake.callsTo('sendMessage').length).toBe(sent);
    await context.close();
  });
});
