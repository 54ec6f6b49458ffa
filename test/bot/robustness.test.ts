import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startBotHarness } from '../support/bot-harness.js';
import { textUpdate } from '../support/fake-telegram.js';

describe('the bot under pressure', () => {
  it('delivers every answer exactly once through a storm of 429s', async () => {
    const h = await startBotHarness();
    h.fake.failNext('sendMessage', { status: 429, retryAfter: 1 }, 4);
    const chats = [21, 22, 23, 24, 25, 26];
    h.fake.queueUpdates(...chats.map((chat) => textUpdate(chat, 'منو وزير الداخليه')));
    for (const chat of chats) await h.waitForReplies(chat, 1, 15_000);
    await new Promise((r) => setTimeout(r, 300));
    for (const chat of chats) expect(h.repliesTo(chat)).toHaveLength(1);
    expect(h.fake.calls.filter((c) => c.method === 'sendMessage' && c.status === 429)).toHaveLength(4);
    expect(h.app.db.prepare('SELECT count(*) FROM exchanges WHERE delivered_at IS NOT NULL').pluck().get()).toBe(6);
  });

  it('retries a 500 from Telegram instead of losing the answer', async () => {
    const h = await startBotHarness();
    // auto-retry waits 3 s before retrying a 5xx (it cannot be shortened), so one failure only.
    h.fake.failNext('sendMessage', { status: 500 }, 1);
    h.fake.queueUpdates(textUpdate(27, 'منو وزير الداخليه'));
    await h.waitForReplies(27, 1, 10_000);
    expect(h.lastReply(27)!.text).toContain('الشمري');
  });

  it('does not answer a redelivered update twice', async () => {
    const h = await startBotHarness();
    const update = { ...textUpdate(28, 'منو وزير الداخليه'), update_id: 500 };
    h.fake.queueUpdates(update);
    await h.waitForReplies(28, 1);
    await h.fake.waitFor(() => h.app.db.prepare('SELECT count(*) FROM inbox WHERE update_id = 500 AND handled_at IS NOT NULL').pluck().get() === 1);
    h.fake.queueUpdates({ ...update }, textUpdate(28, '/start'));
    await h.waitForReplies(28, 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.repliesTo(28)).toHaveLength(2);
    expect(h.repliesTo(28)[1]).toContain('أهلاً');
    expect(h.app.db.prepare('SELECT count(*) FROM exchanges').pluck().get()).toBe(1);
  });

  it('tells a flooding user once to slow down and keeps answering after the window', async () => {
    const h = await startBotHarness({ RATE_LIMIT_MESSAGES: '3', RATE_LIMIT_WINDOW_SECONDS: '1' });
    h.fake.queueUpdates(...Array.from({ length: 6 }, () => textUpdate(29, 'منو وزير الداخليه')));
    await h.waitForReplies(29, 4);
    await new Promise((r) => setTimeout(r, 300));
    const replies = h.repliesTo(29);
    expect(replies).toHaveLength(4);
    expect(replies.filter((r) => r.includes('رسائلك كثيرة'))).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1000));
    h.fake.queueUpdates(textUpdate(29, 'منو وزير الداخليه'));
    await h.waitForReplies(29, 5);
    expect(h.lastReply(29)!.text).toContain('الشمري');
  });

  it('answers a question over 1,000 characters from its start, with a note', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(textUpdate(30, 'منو وزير الداخليه '.repeat(250)));
    await h.waitForReplies(30, 1);
    expect(h.lastReply(30)!.text).toMatch(/^<i>سؤالك طويل/);
    expect(h.lastReply(30)!.text).toContain('الشمري');
  });

  it('asks for words when a message is empty after the mention or only emoji', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(textUpdate(31, '😀😀😀'));
    await h.waitForReplies(31, 1);
    expect(h.lastReply(31)!.text).toContain('اكتب سؤالك بالكلمات');
  });

  it('in a group, answers only commands, mentions and replies to the bot', async () => {
    const h = await startBotHarness();
    const group = -100123;
    h.fake.queueUpdates(
      textUpdate(group, 'منو وزير الداخليه', { chatType: 'supergroup', userId: 41 }),
      textUpdate(group, '@aman_test_bot منو وزير الداخليه', { chatType: 'supergroup', userId: 41 }),
      textUpdate(group, 'منو وزير الداخليه', { chatType: 'supergroup', userId: 42, replyToBot: true }),
      textUpdate(group, '/start', { chatType: 'supergroup', userId: 43 }),
    );
    await h.waitForReplies(group, 3);
    await new Promise((r) => setTimeout(r, 300));
    const replies = h.repliesTo(group);
    expect(replies).toHaveLength(3);
    expect(replies.filter((r) => r.includes('الشمري'))).toHaveLength(2);
    expect(h.app.db.prepare('SELECT user_id FROM exchanges ORDER BY id').pluck().all()).toEqual([41, 42]);
  });
});

describe('the bot and a locked database', () => {
  it('does not freeze while another process holds the lock, then answers once, with no apology', async () => {
    const h = await startBotHarness();
    const other = new Database(h.app.db.name);
    other.exec('BEGIN EXCLUSIVE');
    h.fake.queueUpdates(textUpdate(70, 'منو وزير الداخليه'), textUpdate(71, 'رقم الطوارئ شنو'));
    await h.fake.waitFor((calls) => calls.filter((c) => c.method === 'getUpdates' && c.status === 200).length >= 1);
    // The bot shares this process: were it waiting on the lock, these ticks would stall with it.
    const ticks: number[] = [];
    const ticker = setInterval(() => ticks.push(Date.now()), 50);
    await new Promise((r) => setTimeout(r, 2000));
    clearInterval(ticker);
    const longestGap = Math.max(...ticks.slice(1).map((t, i) => t - ticks[i]!));
    expect(longestGap).toBeLessThan(500);
    expect(h.repliesTo(70)).toEqual([]);
    other.exec('ROLLBACK');
    other.close();
    await h.waitForReplies(70, 1);
    await h.waitForReplies(71, 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.repliesTo(70)).toHaveLength(1);
    expect(h.lastReply(70)!.text).toContain('الشمري');
    expect(h.repliesTo(71)).toHaveLength(1);
    expect([...h.repliesTo(70), ...h.repliesTo(71)].join()).not.toContain('خلل مؤقت');
  }, 20_000);

  it('does not apologize or resend when the lock comes while the answer is being sent', async () => {
    const h = await startBotHarness();
    h.fake.failNext('sendMessage', { delayMs: 700 });
    h.fake.queueUpdates(textUpdate(72, 'منو وزير الداخليه'));
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'sendMessage'));
    // Telegram is holding the send; another process locks the database until after it is accepted.
    const other = new Database(h.app.db.name);
    other.exec('BEGIN EXCLUSIVE');
    await h.waitForReplies(72, 1);
    await new Promise((r) => setTimeout(r, 1000));
    other.exec('ROLLBACK');
    other.close();
    await h.fake.waitFor(() => h.app.db.prepare("SELECT delivery FROM exchanges").pluck().get() === 'sent');
    await new Promise((r) => setTimeout(r, 1500));
    expect(h.repliesTo(72)).toHaveLength(1);
    expect(h.lastReply(72)!.text).toContain('الشمري');
  }, 20_000);
});
