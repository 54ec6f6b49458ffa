import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/cli/printable.js';
import { buttonData, startBotHarness } from '../support/bot-harness.js';
import { callbackUpdate, textUpdate } from '../support/fake-telegram.js';

const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

describe('Telegram’s quirks', () => {
  it('in a group, ignores commands addressed to another bot and commands sent by bots', async () => {
    const h = await startBotHarness();
    const group = -100500;
    h.fake.queueUpdates(
      textUpdate(group, '/start@other_bot', { chatType: 'supergroup', userId: 51 }),
      textUpdate(group, '/help@other_bot', { chatType: 'supergroup', userId: 51 }),
      { message: { ...(textUpdate(group, '/start', { chatType: 'supergroup', userId: 52 }) as any).message, from: { id: 52, is_bot: true, first_name: 'Other bot' } } },
      textUpdate(group, '/start@aman_test_bot', { chatType: 'supergroup', userId: 53 }),
    );
    await h.waitForReplies(group, 1);
    await settle(600);
    expect(h.repliesTo(group)).toHaveLength(1);
    expect(h.repliesTo(group)[0]).toContain('أهلاً');
  });

  it('does not take a longer username that starts with its own for a mention', async () => {
    const h = await startBotHarness();
    const group = -100501;
    h.fake.queueUpdates(
      textUpdate(group, '@aman_test_bot_fake منو وزير الداخليه', { chatType: 'supergroup', userId: 54 }),
      textUpdate(group, 'سؤال: @aman_test_bot، منو وزير الداخليه', { chatType: 'supergroup', userId: 55 }),
    );
    await h.waitForReplies(group, 1);
    await settle(600);
    expect(h.repliesTo(group)).toHaveLength(1);
    expect(h.app.db.prepare('SELECT user_id FROM exchanges').pluck().all()).toEqual([55]);
  });

  it('answers a question that starts with a slash but is not a command', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(textUpdate(56, '/منو وزير الداخلية'));
    await h.waitForReplies(56, 1);
    expect(h.lastReply(56)!.text).toContain('الشمري');
    h.fake.queueUpdates(textUpdate(56, '/nosuchcommand'));
    await h.waitForReplies(56, 2);
    expect(h.lastReply(56)!.text).not.toContain('الشمري');
  });
});

describe('privacy on disk', () => {
  it('after /forget, the question and a 👎 comment with a phone number are gone from the database file and its WAL', async () => {
    const h = await startBotHarness();
    const question = 'منو وزير الداخليه الحالي يا جماعة';
    const phone = '07701234567';
    h.fake.queueUpdates(textUpdate(57, question));
    await h.waitForReplies(57, 1);
    const [, thumbsDown] = buttonData(h.lastReply(57));
    h.fake.queueUpdates(callbackUpdate(57, thumbsDown!));
    await h.waitForReplies(57, 2);
    h.fake.queueUpdates(textUpdate(57, `الرقم غلط، اتصلوا بي على ${phone}`, { replyToBot: true }));
    await h.waitForReplies(57, 3);
    const bytes = () => ['', '-wal'].map((s) => { try { return readFileSync(h.app.db.name + s); } catch { return Buffer.alloc(0); } });
    expect(bytes().some((b) => b.includes(Buffer.from(phone)))).toBe(true);

    h.fake.queueUpdates(textUpdate(57, '/forget'));
    await h.waitForReplies(57, 4);
    h.fake.queueUpdates(callbackUpdate(57, 'forget:yes'));
    await h.waitForReplies(57, 5);
    await settle();
    for (const file of bytes()) {
      expect(file.includes(Buffer.from(phone))).toBe(false);
      expect(file.includes(Buffer.from(question))).toBe(false);
    }
  });
});

describe('npm run review output', () => {
  it('shows line breaks, terminal escapes and direction overrides from citizens as visible marks', () => {
    expect(printable('سطر\nثاني\u001b[2J\u0007\u202eabc')).toBe('سطر ⏎ ثاني�[2J��abc');
  });
});
