import { describe, expect, it } from 'vitest';
import { buttonData, startBotHarness } from '../support/bot-harness.js';
import { callbackUpdate, kickedUpdate, mediaUpdate, textUpdate } from '../support/fake-telegram.js';

const db = (h: Awaited<ReturnType<typeof startBotHarness>>) => h.app.db;

describe('the bot, end to end over HTTP', () => {
  it('starts by clearing the webhook and publishing its commands in Arabic, English and Kurdish', async () => {
    const h = await startBotHarness();
    expect(h.fake.callsTo('deleteWebhook')).toHaveLength(1);
    const commands = h.fake.callsTo('setMyCommands');
    expect(commands.map((c) => c.payload.language_code ?? 'default').sort()).toEqual(['default', 'en', 'ku']);
    expect(commands[0]!.payload.commands.map((c: { command: string }) => c.command)).toContain('forget');
  });

  it('greets /start in Arabic with a privacy line and the six topics as buttons', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(textUpdate(1, '/start'));
    await h.waitForReplies(1, 1);
    const reply = h.lastReply(1)!;
    expect(reply.text).toContain('أمان');
    expect(reply.text).toContain('/privacy');
    expect(buttonData(reply)).toEqual(['topic:rights', 'topic:duties', 'topic:drugs', 'topic:police', 'topic:security', 'topic:emergency']);
  });

  it('answers a dialect question with 911 and its source, logs the exchange, and offers 👍 👎 and a person', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(textUpdate(2, 'شلون اتصل بالشرطة المجتمعية'));
    await h.waitForReplies(2, 1);
    const reply = h.lastReply(2)!;
    expect(reply.text).toContain('911');
    expect(reply.text).toMatch(/<a href="https:\/\/[^"]+">/);
    expect(reply.parse_mode).toBe('HTML');
    // Marked delivered once Telegram accepted the reply.
    await h.fake.waitFor(() => db(h).prepare('SELECT delivered_at FROM exchanges').pluck().get() !== null);
    const row = db(h).prepare('SELECT id, update_id, question, answer_kind, entry_id FROM exchanges').get() as Record<string, unknown>;
    expect(row).toMatchObject({ update_id: 1, question: 'شلون اتصل بالشرطة المجتمعية', answer_kind: 'answered', entry_id: 'police-contact-community-police' });
    // The entry has more sources than the two shown: the rest are one tap away.
    expect(buttonData(reply)).toEqual([`fb:up:${row.id}`, `fb:down:${row.id}`, `src:${row.id}`, `human:${row.id}`]);
    h.fake.queueUpdates(callbackUpdate(2, `src:${row.id}`));
    await h.waitForReplies(2, 2);
    expect(h.lastReply(2)!.text).toMatch(/مصادر هذا الجواب[\s\S]*<a href=/);
  });

  it('answers a Kurdish question in Kurdish, with the Arabic original one tap away', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(textUpdate(14, 'ژمارەی فریاکەوتن لە عێراق چەندە؟', { languageCode: 'ckb' }));
    await h.waitForReplies(14, 1);
    const reply = h.lastReply(14)!;
    expect(reply.text).toContain('911');
    expect(reply.text).toMatch(/[ەێۆ]/);
    const original = buttonData(reply).find((b) => b.startsWith('orig:'))!;
    expect(original).toBeDefined();
    h.fake.queueUpdates(callbackUpdate(14, original));
    await h.waitForReplies(14, 2);
    expect(h.lastReply(14)!.text).toMatch(/النص العربي الأصلي|دەقە عەرەبییە/);
    expect(h.lastReply(14)!.text).toContain('الموحد');
  });

  it('answers an English question in English, and small talk warmly', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(textUpdate(15, 'What is the emergency number in Iraq?', { languageCode: 'en' }), textUpdate(15, 'thanks!', { languageCode: 'en' }));
    await h.waitForReplies(15, 2);
    expect(h.repliesTo(15)[0]).toMatch(/911[\s\S]*free/i);
    expect(h.repliesTo(15)[1]).toContain('welcome');
    expect(db(h).prepare('SELECT answer_kind FROM exchanges WHERE chat_id = 15 ORDER BY id').pluck().all()).toEqual(['answered', 'smalltalk']);
    expect(db(h).prepare('SELECT count(*) FROM flags').pluck().get()).toBe(0);
  });

  it('puts 911 on top of the answer to a question near danger, and flags it for a look', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(textUpdate(16, 'شلون احمي اطفالي من الخطف'));
    await h.waitForReplies(16, 1);
    expect(h.lastReply(16)!.text.split('\n')[0]).toMatch(/911/);
    expect(db(h).prepare('SELECT answer_kind FROM exchanges WHERE chat_id = 16').pluck().get()).toBe('possibly-urgent');
    expect(db(h).prepare('SELECT reason FROM flags').pluck().all()).toContain('possibly-urgent');
  });

  it('falls back honestly on a question it cannot answer and flags the knowledge gap', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(textUpdate(3, 'شلون اطبخ دولمه'));
    await h.waitForReplies(3, 1);
    expect(h.lastReply(3)!.text).toContain('ليس لديّ جواب معتمد');
    expect(h.lastReply(3)!.text).toContain('911');
    expect(buttonData(h.lastReply(3))).toEqual([expect.stringMatching(/^notify:\d+$/), expect.stringMatching(/^human:\d+$/)]);
    expect(db(h).prepare("SELECT reason, status FROM flags").all()).toEqual([{ reason: 'fallback', status: 'open' }]);
  });

  it('offers the entries that came close under a fallback, and a tap answers the question with that entry', async () => {
    const h = await startBotHarness();
    const question = 'اذا المتعاطي اجه للعلاج بنفسه يفرق عن اللي ينلزم بالسيطرة؟';
    h.fake.queueUpdates(textUpdate(31, question));
    await h.waitForReplies(31, 1);
    const reply = h.lastReply(31)!;
    expect(reply.text).toContain('ليس لديّ جواب معتمد');
    expect(reply.text).toContain('ربما تقصد');
    const buttons = buttonData(reply);
    expect(buttons).toEqual([
      expect.stringMatching(/^pick:\d+:1$/),
      expect.stringMatching(/^pick:\d+:2$/),
      expect.stringMatching(/^notify:\d+$/),
      expect.stringMatching(/^human:\d+$/),
    ]);
    // Someone else's button does nothing for them; a rank that was never offered is an expired button.
    const [first] = buttons;
    const exchangeId = first!.split(':')[1];
    h.fake.queueUpdates(callbackUpdate(32, first!), callbackUpdate(31, `pick:${exchangeId}:3`));
    h.fake.queueUpdates(callbackUpdate(31, first!));
    await h.waitForReplies(31, 2);
    const picked = h.lastReply(31)!;
    // Article 40: a user who comes forward for treatment is not prosecuted.
    expect(picked.text).toMatch(/المادة 40|لا تُقام/);
    expect(picked.text).toMatch(/<a href="https:\/\//);
    const rows = db(h).prepare('SELECT chat_id, question, answer_kind, entry_id FROM exchanges ORDER BY id').all();
    expect(rows).toEqual([
      { chat_id: 31, question, answer_kind: 'fallback', entry_id: null },
      { chat_id: 31, question, answer_kind: 'answered', entry_id: 'drugs-treatment-no-prosecution' },
    ]);
    expect(h.repliesTo(32)).toEqual([]);
  });

  it('answers a message that signals danger with 911 first and the approved advice, and flags it as urgent', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(textUpdate(5, 'اريد انتحر'));
    await h.waitForReplies(5, 1);
    const reply = h.lastReply(5)!;
    expect(reply.text.split('\n')[0]).toContain('911');
    expect(reply.text).toMatch(/<a href="https:\/\/[^"]+">/);
    expect(buttonData(reply)).toEqual([expect.stringMatching(/^human:\d+$/)]);
    expect(db(h).prepare('SELECT answer_kind, entry_id FROM exchanges').get()).toEqual({ answer_kind: 'urgent', entry_id: 'emergency-urgent-suicide' });
    expect(db(h).prepare('SELECT reason, status FROM flags').all()).toEqual([{ reason: 'urgent', status: 'open' }]);
  });

  it('records 👍 against the exchange, and after 👎 flags it and takes a "what was wrong?" reply', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(textUpdate(4, 'منو وزير الداخليه'));
    await h.waitForReplies(4, 1);
    const [up, down] = buttonData(h.lastReply(4));
    h.fake.queueUpdates(callbackUpdate(4, up!));
    await h.fake.waitFor(() => h.fake.callsTo('answerCallbackQuery').length === 1);
    expect(db(h).prepare('SELECT rating FROM feedback').pluck().get()).toBe(1);

    h.fake.queueUpdates(callbackUpdate(4, down!));
    await h.waitForReplies(4, 2);
    expect(h.lastReply(4)!.text).toContain('ما الخطأ');
    h.fake.queueUpdates(textUpdate(4, 'الوزير تغيّر', { replyToBot: true }));
    await h.waitForReplies(4, 3);
    expect(db(h).prepare('SELECT rating, comment FROM feedback').get()).toEqual({ rating: -1, comment: 'الوزير تغيّر' });
    expect(db(h).prepare("SELECT reason FROM flags").pluck().all()).toEqual(['thumbs-down']);
    expect(db(h).prepare('SELECT count(*) FROM exchanges').pluck().get()).toBe(1);
  });

  it('flags "talk to a person" once and says honestly that it is not instant', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(textUpdate(5, 'منو وزير الداخليه'));
    await h.waitForReplies(5, 1);
    const human = buttonData(h.lastReply(5)).find((d) => d.startsWith('human:'))!;
    h.fake.queueUpdates(callbackUpdate(5, human));
    await h.waitForReplies(5, 2);
    expect(h.lastReply(5)!.text).toContain('ليست خدمة فورية');
    expect(h.lastReply(5)!.text).toContain('911');
    expect(db(h).prepare("SELECT reason FROM flags WHERE status = 'open'").pluck().all()).toEqual(['asked-for-human']);
  });

  it('switches to English when asked, and remembers it', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(textUpdate(6, '/language'));
    await h.waitForReplies(6, 1);
    expect(buttonData(h.lastReply(6))).toEqual(['lang:ar', 'lang:en', 'lang:ckb']);
    h.fake.queueUpdates(callbackUpdate(6, 'lang:en'));
    await h.waitForReplies(6, 2);
    expect(h.lastReply(6)!.text).toBe('Done. I will speak English with you.');
    h.fake.queueUpdates(textUpdate(6, 'منو وزير الداخليه'));
    await h.waitForReplies(6, 3);
    // Answered in English from the entry's translation, marked as one, the Arabic a button away.
    expect(h.lastReply(6)!.text).toContain('Shammari');
    expect(h.lastReply(6)!.text).toContain('<i>Translation pending review by a native speaker.</i>');
    expect(buttonData(h.lastReply(6))).toEqual(expect.arrayContaining([expect.stringMatching(/^orig:/)]));
    expect(db(h).prepare('SELECT language FROM users WHERE telegram_id = 6').pluck().get()).toBe('en');
  });

  it('guesses the first language from Telegram, Kurdish included', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(textUpdate(7, '/start', { languageCode: 'ckb' }));
    await h.waitForReplies(7, 1);
    expect(h.lastReply(7)!.text).toContain('بەخێربێیت');
  });

  it('deletes the user\'s messages and profile after /forget is confirmed, keeping only counts', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(textUpdate(8, 'منو وزير الداخليه'), textUpdate(8, '/forget'));
    await h.waitForReplies(8, 2);
    expect(buttonData(h.lastReply(8))).toEqual(['forget:yes', 'forget:no']);
    h.fake.queueUpdates(callbackUpdate(8, 'forget:yes'));
    await h.waitForReplies(8, 3);
    expect(h.lastReply(8)!.text).toContain('حُذفت');
    expect(db(h).prepare('SELECT count(*) FROM exchanges WHERE user_id = 8').pluck().get()).toBe(0);
    expect(db(h).prepare('SELECT count(*) FROM users WHERE telegram_id = 8').pluck().get()).toBe(0);
    expect(db(h).prepare("SELECT count FROM daily_counts WHERE kind = 'answered'").pluck().get()).toBe(1);
  });

  it('answers a photo, a voice note and a sticker with a polite text-only reply and stores nothing', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(mediaUpdate(9, 'photo'), mediaUpdate(9, 'voice'), mediaUpdate(9, 'sticker'));
    await h.waitForReplies(9, 3);
    expect(h.repliesTo(9)).toEqual(Array(3).fill('أستطيع قراءة الرسائل النصية فقط. اكتب سؤالك بالكلمات من فضلك.'));
    expect(db(h).prepare('SELECT count(*) FROM exchanges').pluck().get()).toBe(0);
  });

  it('answers a topic button with its overview and example questions that ask them', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(callbackUpdate(10, 'topic:emergency'));
    await h.waitForReplies(10, 1);
    const buttons = buttonData(h.lastReply(10));
    expect(buttons[0]).toBe('ask:emergency-unified-number-911');
    expect(buttons.length).toBeGreaterThan(1);
    expect(buttons.filter((b) => b.startsWith('ask:emergency-urgent-'))).toEqual([]);
    h.fake.queueUpdates(callbackUpdate(10, 'ask:emergency-unified-number-911'));
    await h.waitForReplies(10, 2);
    expect(h.lastReply(10)!.text).toContain('911');
    expect(db(h).prepare('SELECT entry_id FROM exchanges').pluck().get()).toBe('emergency-unified-number-911');
  });

  it('answers malformed or foreign button data with a note, and keeps working', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(callbackUpdate(11, 'fb:up:999999'), callbackUpdate(11, '💥'.repeat(20)), callbackUpdate(11, 'topic:weather'), textUpdate(11, '/contact'));
    await h.waitForReplies(11, 1);
    const answers = h.fake.callsTo('answerCallbackQuery');
    expect(answers).toHaveLength(3);
    for (const a of answers) expect(a.payload.text).toContain('لم يعد يعمل');
    expect(h.lastReply(11)!.text).toContain('911');
  });

  it('marks a user blocked when Telegram answers 403, and when they block the bot', async () => {
    const h = await startBotHarness();
    h.fake.failNext('sendMessage', { status: 403 });
    h.fake.queueUpdates(textUpdate(12, '/start'), kickedUpdate(13));
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'sendMessage' && c.status === 403));
    await h.fake.waitFor(() => (db(h).prepare('SELECT count(*) FROM users WHERE blocked = 1').pluck().get() as number) === 1);
    expect(db(h).prepare('SELECT telegram_id FROM users WHERE blocked = 1').pluck().all()).toEqual([12]);
    // Kicked by a user who never wrote: nothing to store, nothing to send.
    h.fake.queueUpdates(textUpdate(12, '/start'));
    await h.waitForReplies(12, 1);
    expect(db(h).prepare('SELECT blocked FROM users WHERE telegram_id = 12').pluck().get()).toBe(0);
  });
});

describe('the bot on privacy', () => {
  it('says what it stores and for how long, with /forget', async () => {
    const h = await startBotHarness({ RETENTION_DAYS: '30' });
    h.fake.queueUpdates(textUpdate(60, '/privacy'));
    await h.waitForReplies(60, 1);
    expect(h.lastReply(60)!.text).toContain('30 يوماً');
    expect(h.lastReply(60)!.text).toContain('/forget');
  });

  it('subscribes and unsubscribes a user from broadcasts', async () => {
    const h = await startBotHarness();
    h.fake.queueUpdates(textUpdate(61, '/subscribe'));
    // Subscribed, then the six topics as toggles, then (once, skippable) the governorate.
    await h.waitForReplies(61, 3);
    expect(h.app.db.prepare('SELECT subscribed FROM users WHERE telegram_id = 61').pluck().get()).toBe(1);
    const topics = buttonData(h.fake.callsTo('sendMessage').filter((c) => c.payload.chat_id === 61)[1]!.payload);
    expect(topics).toHaveLength(6);
    // Switching one topic off keeps the five others.
    h.fake.queueUpdates(callbackUpdate(61, topics.find((d) => d.endsWith(':drugs'))!));
    await h.fake.waitFor(() => h.fake.callsTo('editMessageReplyMarkup').length > 0);
    expect(JSON.parse(h.app.db.prepare('SELECT topics FROM users WHERE telegram_id = 61').pluck().get() as string)).toHaveLength(5);
    const governorates = buttonData(h.lastReply(61));
    expect(governorates).toHaveLength(19);
    h.fake.queueUpdates(callbackUpdate(61, 'gov:basra'));
    await h.waitForReplies(61, 4);
    expect(h.app.users.governorateOf(61)).toBe('basra');
    h.fake.queueUpdates(textUpdate(61, '/stop'));
    await h.waitForReplies(61, 5);
    expect(h.app.db.prepare('SELECT subscribed FROM users WHERE telegram_id = 61').pluck().get()).toBe(0);
    // Subscribing again does not ask for the governorate a second time.
    h.fake.queueUpdates(textUpdate(61, '/subscribe'));
    await h.waitForReplies(61, 7);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.repliesTo(61)).toHaveLength(7);
  });
});
