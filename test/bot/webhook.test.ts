import { describe, expect, it } from 'vitest';
import { startBotHarness } from '../support/bot-harness.js';
import { textUpdate } from '../support/fake-telegram.js';

const SECRET = 'webhook-secret-0123456789';
const ENV = { HTTP_PORT: '0', SESSION_SECRET: 'webhook-test-secret-of-at-least-32-chars', WEBHOOK_URL: 'https://aman.example.org/telegram/updates', WEBHOOK_SECRET: SECRET, WEBHOOK_MAX_CONNECTIONS: '20' };

describe('webhook mode', () => {
  it('sets the webhook, answers what Telegram posts once, refuses a post without the secret, and answers a redelivery once', async () => {
    const h = await startBotHarness(ENV);
    const [set] = h.fake.callsTo('setWebhook');
    expect(set?.payload).toMatchObject({ url: 'https://aman.example.org/telegram/updates', secret_token: SECRET, max_connections: 20 });
    // No polling in webhook mode, and the old webhook is not deleted.
    expect(h.fake.callsTo('getUpdates')).toHaveLength(0);
    expect(h.fake.callsTo('deleteWebhook')).toHaveLength(0);

    const post = (update: object, secret?: string) =>
      fetch(`${h.bot.consoleUrl}/telegram/updates`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
        body: JSON.stringify(update),
      });
    const update = { ...textUpdate(9191, 'رقم الطوارئ شنو؟', { userId: 9191 }), update_id: 5001 };
    const started = Date.now();
    const first = await post(update, SECRET);
    expect(first.status).toBe(200);
    // Telegram's request returns before the answer is computed and sent.
    expect(Date.now() - started).toBeLessThan(3000);
    await h.waitForReplies(9191, 1);
    expect(h.repliesTo(9191)[0]).toContain('911');

    // Telegram delivers it again (it did not see our 200 in time): answered once.
    expect((await post(update, SECRET)).status).toBe(200);
    // A post without the secret, or with a wrong one, is refused and does nothing.
    expect((await post({ ...textUpdate(9292, 'مرحبا', { userId: 9292 }), update_id: 5002 })).status).toBe(401);
    expect((await post({ ...textUpdate(9292, 'مرحبا', { userId: 9292 }), update_id: 5003 }, 'wrong-secret-0123456789')).status).toBe(401);
    await new Promise((r) => setTimeout(r, 500));
    expect(h.repliesTo(9191)).toHaveLength(1);
    expect(h.repliesTo(9292)).toHaveLength(0);
    expect((await fetch(`${h.bot.consoleUrl}/readyz`)).status).toBe(200);
  });

  it('goes back to polling: without WEBHOOK_URL the webhook is deleted and getUpdates runs', async () => {
    const h = await startBotHarness({ HTTP_PORT: '0', SESSION_SECRET: 'webhook-test-secret-of-at-least-32-chars' });
    expect(h.fake.callsTo('deleteWebhook').length).toBeGreaterThan(0);
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'getUpdates'), 5000);
    expect(h.fake.callsTo('setWebhook')).toHaveLength(0);
  });
});
