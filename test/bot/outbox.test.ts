import { describe, expect, it } from 'vitest';
import { startBotHarness, type Harness } from '../support/bot-harness.js';
import { textUpdate } from '../support/fake-telegram.js';

const exchange = (h: Harness, chatId: number) =>
  h.app.db.prepare('SELECT id, delivery, parts_sent, last_error FROM exchanges WHERE chat_id = ? ORDER BY id DESC').get(chatId) as
    | { id: number; delivery: string; parts_sent: number; last_error: string | null }
    | undefined;
const flags = (h: Harness, exchangeId: number) => h.app.db.prepare('SELECT reason FROM flags WHERE exchange_id = ? ORDER BY reason').pluck().all(exchangeId);
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

describe('the outbox: stored answers reach the citizen once Telegram accepts them', () => {
  it('waits out a 429 whatever its retry_after, then delivers once', async () => {
    const h = await startBotHarness();
    // Longer than auto-retry would wait inline for a reply: the outbox reschedules instead.
    h.fake.failNext('sendMessage', { status: 429, retryAfter: 2 });
    const asked = Date.now();
    h.fake.queueUpdates(textUpdate(80, 'منو وزير الداخليه'));
    await h.fake.waitFor(() => exchange(h, 80)?.last_error?.includes('429') === true);
    expect(exchange(h, 80)).toMatchObject({ delivery: 'pending' });
    await h.waitForReplies(80, 1, 6000);
    expect(h.fake.callsTo('sendMessage').find((c) => c.payload.chat_id === 80)!.at - asked).toBeGreaterThanOrEqual(2000);
    await settle();
    expect(h.repliesTo(80)).toHaveLength(1);
    expect(exchange(h, 80)).toMatchObject({ delivery: 'sent' });
  });

  it('keeps an answer through repeated 500s and sends it once Telegram recovers', async () => {
    const h = await startBotHarness();
    h.fake.failNext('sendMessage', { status: 500 }, Infinity);
    h.fake.queueUpdates(textUpdate(81, 'منو وزير الداخليه'));
    await h.fake.waitFor((calls) => calls.filter((c) => c.method === 'sendMessage' && c.status === 500).length >= 2, 8000);
    await h.fake.waitFor(() => exchange(h, 81)?.delivery === 'pending');
    h.fake.clearFaults();
    await h.waitForReplies(81, 1, 10_000);
    await settle();
    expect(h.repliesTo(81)).toHaveLength(1);
    expect(h.lastReply(81)!.text).toContain('الشمري');
  }, 20_000);

  it('never resends an answer whose connection dropped after Telegram took it, and flags it for moderators', async () => {
    const h = await startBotHarness();
    h.fake.failNext('sendMessage', { drop: 'after' });
    h.fake.queueUpdates(textUpdate(82, 'منو وزير الداخليه'));
    await h.fake.waitFor(() => exchange(h, 82)?.delivery === 'unknown');
    await settle(2500);
    // Telegram has it once; the bot does not know, so it sends nothing more (no apology either).
    expect(h.repliesTo(82)).toHaveLength(1);
    expect(flags(h, exchange(h, 82)!.id)).toContain('undelivered');
  });

  it('gives up on an answer Telegram refuses for good, tells moderators, and says nothing wrong to the citizen', async () => {
    const h = await startBotHarness();
    h.fake.failNext('sendMessage', { status: 400, description: 'Bad Request: chat not found' });
    h.fake.queueUpdates(textUpdate(83, 'منو وزير الداخليه'));
    await h.fake.waitFor(() => exchange(h, 83)?.delivery === 'failed');
    await settle(1500);
    expect(h.repliesTo(83)).toEqual([]);
    expect(flags(h, exchange(h, 83)!.id)).toContain('undelivered');
  });

  it('marks a citizen who blocked the bot and does not flag their unsent answer', async () => {
    const h = await startBotHarness();
    h.fake.failNext('sendMessage', { status: 403 });
    h.fake.queueUpdates(textUpdate(84, 'منو وزير الداخليه'));
    await h.fake.waitFor(() => exchange(h, 84)?.delivery === 'failed');
    expect(h.app.db.prepare('SELECT blocked FROM users WHERE telegram_id = 84').pluck().get()).toBe(1);
    expect(flags(h, exchange(h, 84)!.id)).toEqual([]);
  });

  it('resumes a long answer at the part that failed, without repeating the parts already sent', async () => {
    const h = await startBotHarness();
    // An answer over Telegram's 4,096 characters goes in three parts; the second meets a 429.
    const paragraph = (n: number) => `${n} ${'الشرطة المجتمعية في خدمة المواطن. '.repeat(110)}`;
    h.fake.failNext('sendMessage', { status: 429, retryAfter: 1 }, 1, 1);
    h.app.exchanges.record({
      updateId: null,
      chatId: 87,
      userId: 87,
      answer: { kind: 'fallback', reason: 'no-match', suggestions: [], question: 'q', normalized: 'q', language: 'ar', uiLanguage: 'ar', confidence: 0, hits: [] },
      answerText: [paragraph(1), paragraph(2), paragraph(3)].join('\n\n'),
      latencyMs: 1,
    });
    await h.waitForReplies(87, 3, 8000);
    await settle();
    const parts = h.repliesTo(87);
    expect(parts.map((p) => p.split(' ')[0])).toEqual(['1', '2', '3']);
    expect(h.fake.calls.filter((c) => c.method === 'sendMessage' && c.status === 429)).toHaveLength(1);
    expect(exchange(h, 87)).toMatchObject({ delivery: 'sent', parts_sent: 3 });
  });

  it('keeps a chat’s answers in order when the first one has to wait', async () => {
    const h = await startBotHarness();
    h.fake.failNext('sendMessage', { status: 429, retryAfter: 1 });
    h.fake.queueUpdates(textUpdate(86, 'منو وزير الداخليه'), textUpdate(86, 'رقم الطوارئ شنو'));
    await h.waitForReplies(86, 2, 6000);
    const [first, second] = h.repliesTo(86);
    expect(first).toContain('الشمري');
    expect(second).toContain('911');
  });
});
