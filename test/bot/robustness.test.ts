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
    await h.fake.waitFor(() => h.app.db.prepare('SELECT count(*) FROM handled_updates WHERE update_id = 500').pluck().get() === 1);
    h.fake.queueUpdates({ ...update }, textUpdate(28, '/start'));
    await h.waitForReplies(28, 2);
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
  it('apologizes instead of staying silent, and answers again once the lock is gone', async () => {
    const h = await startBotHarness();
    const other = new Database(h.app.db.name);
    other.exec('BEGIN EXCLUSIVE');
    h.fake.queueUpdates(textUpdate(70, 'منو وزير الداخليه'));
    // The bot waits out SQLite's 5 s busy timeout before giving up on this update.
    await h.waitForReplies(70, 1, 10_000);
    expect(h.lastReply(70)!.text).toContain('خلل مؤقت');
    other.exec('ROLLBACK');
    other.close();
    h.fake.queueUpdates(textUpdate(70, 'منو وزير الداخليه'));
    await h.waitForReplies(70, 2);
    expect(h.lastReply(70)!.text).toContain('الشمري');
  }, 20_000);
});
