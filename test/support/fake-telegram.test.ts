import { Bot, GrammyError } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BOT_USER,
  callbackUpdate,
  kickedUpdate,
  mediaUpdate,
  startFakeTelegram,
  textUpdate,
  type FakeTelegram,
} from './fake-telegram.js';

const TOKEN = '123:abc';
const fakes: FakeTelegram[] = [];
const bots: Bot[] = [];

afterEach(async () => {
  for (const bot of bots.splice(0)) if (bot.isRunning()) await bot.stop();
  for (const fake of fakes.splice(0)) await fake.close();
});

async function fakeTelegram(): Promise<FakeTelegram> {
  const fake = await startFakeTelegram();
  fakes.push(fake);
  return fake;
}

function botFor(fake: FakeTelegram): Bot {
  const bot = new Bot(TOKEN, { client: { apiRoot: fake.apiRoot } });
  bots.push(bot);
  return bot;
}

/** POSTs a JSON body and returns the HTTP status and the parsed Bot API answer. */
async function call(fake: FakeTelegram, method: string, payload: object = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(`${fake.apiRoot}/bot${TOKEN}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: await response.json() };
}

describe('fake Telegram over plain HTTP', () => {
  it('listens on 127.0.0.1 with an ephemeral port and no trailing slash', async () => {
    const fake = await fakeTelegram();
    expect(fake.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers getMe with the bot user and records the method, token, payload and status', async () => {
    const fake = await fakeTelegram();
    const { status, body } = await call(fake, 'getMe');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, result: BOT_USER });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toMatchObject({ method: 'getMe', token: TOKEN, payload: {}, status: 200 });
    expect(Math.abs(fake.calls[0]!.at - Date.now())).toBeLessThan(5000);
  });

  it('returns a Message for sendMessage with incrementing message ids and reads urlencoded bodies too', async () => {
    const fake = await fakeTelegram();
    const first = await call(fake, 'sendMessage', { chat_id: 42, text: 'مرحبا' });
    expect(first.body).toMatchObject({
      ok: true,
      result: { chat: { id: 42, type: 'private' }, from: BOT_USER, text: 'مرحبا' },
    });
    expect(typeof first.body.result.date).toBe('number');

    const form = await fetch(`${fake.apiRoot}/bot${TOKEN}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ chat_id: '42', text: 'second', reply_markup: '{"inline_keyboard":[]}' }),
    });
    const second = (await form.json()) as any;
    expect(second.result.message_id).toBe(first.body.result.message_id + 1);
    expect(second.result.chat.id).toBe(42);
    expect(fake.callsTo('sendMessage')[1]!.payload).toEqual({ chat_id: '42', text: 'second', reply_markup: { inline_keyboard: [] } });
  });

  it('answers other methods with true and unknown paths with a Bot API 404', async () => {
    const fake = await fakeTelegram();
    expect((await call(fake, 'sendChatAction', { chat_id: 1, action: 'typing' })).body).toEqual({ ok: true, result: true });
    expect((await call(fake, 'setMyCommands', { commands: [] })).body).toEqual({ ok: true, result: true });
    const missing = await fetch(`${fake.apiRoot}/nothing-here`, { method: 'POST' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found' });
    expect(fake.calls.at(-1)).toMatchObject({ status: 404 });
  });

  it('redelivers an update until a later offset confirms it, then never again', async () => {
    const fake = await fakeTelegram();
    fake.queueUpdates(textUpdate(7, 'first'), textUpdate(7, 'second'));

    const all = await call(fake, 'getUpdates');
    expect(all.body.result.map((u: any) => u.update_id)).toEqual([1, 2]);
    expect((await call(fake, 'getUpdates', { limit: 1 })).body.result.map((u: any) => u.update_id)).toEqual([1]);

    const afterConfirm = await call(fake, 'getUpdates', { offset: 2 });
    expect(afterConfirm.body.result.map((u: any) => u.message.text)).toEqual(['second']);
    expect((await call(fake, 'getUpdates')).body.result.map((u: any) => u.update_id)).toEqual([2]);

    fake.queueUpdates(textUpdate(7, 'third'), { update_id: 50, message: { message_id: 1, date: 0, chat: { id: 7, type: 'private' }, text: 'x' } });
    expect((await call(fake, 'getUpdates', { offset: 3 })).body.result.map((u: any) => u.update_id)).toEqual([3, 50]);
    fake.queueUpdates(textUpdate(7, 'fourth'));
    expect((await call(fake, 'getUpdates', { offset: 51 })).body.result.map((u: any) => u.update_id)).toEqual([51]);
  });

  it('holds a long poll until an update is queued', async () => {
    const fake = await fakeTelegram();
    const started = Date.now();
    const poll = call(fake, 'getUpdates', { timeout: 30 });
    await fake.waitFor((calls) => calls.some((c) => c.method === 'getUpdates'));
    setTimeout(() => fake.queueUpdates(textUpdate(5, 'late')), 100);
    const { body } = await poll;
    expect(body.result.map((u: any) => u.message.text)).toEqual(['late']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('caps an empty long poll at one second and then answers with no updates', async () => {
    const fake = await fakeTelegram();
    const started = Date.now();
    const { status, body } = await call(fake, 'getUpdates', { timeout: 30 });
    const elapsed = Date.now() - started;
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true, result: [] });
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(2000);
  });

  it('ends a pending long poll with an empty result when closed', async () => {
    const fake = await fakeTelegram();
    const poll = call(fake, 'getUpdates', { timeout: 30 });
    await fake.waitFor((calls) => calls.length === 1);
    const started = Date.now();
    await fake.close();
    expect((await poll).body).toEqual({ ok: true, result: [] });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('does not deliver chat_member updates unless allowed_updates asks for them', async () => {
    const fake = await fakeTelegram();
    fake.queueUpdates({ chat_member: { chat: { id: -5, type: 'group' } } }, textUpdate(5, 'hi'));
    const { body } = await call(fake, 'getUpdates', { allowed_updates: [] });
    expect(body.result.map((u: any) => Object.keys(u))).toEqual([['message', 'update_id']]);
  });
});

describe('fault injection', () => {
  it('returns a 429 with retry_after, records it, and keeps it out of callsTo', async () => {
    const fake = await fakeTelegram();
    fake.failNext('sendMessage', { status: 429, retryAfter: 7 });
    const limited = await call(fake, 'sendMessage', { chat_id: 1, text: 'a' });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 7',
      parameters: { retry_after: 7 },
    });
    expect((await call(fake, 'sendMessage', { chat_id: 1, text: 'b' })).status).toBe(200);
    expect(fake.calls.map((c) => c.status)).toEqual([429, 200]);
    expect(fake.callsTo('sendMessage').map((c) => c.payload.text)).toEqual(['b']);
  });

  it('surfaces a 429 to grammY as a GrammyError carrying retry_after', async () => {
    const fake = await fakeTelegram();
    const bot = botFor(fake);
    fake.failNext('sendMessage', { status: 429, retryAfter: 3 });
    const error = await bot.api.sendMessage(1, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(429);
    expect((error as GrammyError).parameters.retry_after).toBe(3);
  });

  it('applies a wildcard fault the given number of times to every method but getUpdates', async () => {
    const fake = await fakeTelegram();
    fake.failNext('*', { status: 403 }, 2);
    expect((await call(fake, 'getUpdates')).status).toBe(200);
    const blocked = await call(fake, 'sendMessage', { chat_id: 1, text: 'a' });
    expect(blocked.status).toBe(403);
    expect(blocked.body).toEqual({ ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    expect((await call(fake, 'sendChatAction', { chat_id: 1, action: 'typing' })).status).toBe(403);
    expect((await call(fake, 'sendMessage', { chat_id: 1, text: 'b' })).status).toBe(200);
  });

  it('uses a custom 403 description and answers a 500 fault with Internal Server Error', async () => {
    const fake = await fakeTelegram();
    fake.failNext('sendMessage', { status: 403, description: 'Forbidden: user is deactivated' });
    fake.failNext('editMessageText', { status: 500 });
    expect((await call(fake, 'sendMessage', { chat_id: 1, text: 'a' })).body.description).toBe('Forbidden: user is deactivated');
    const broken = await call(fake, 'editMessageText', { chat_id: 1, message_id: 3, text: 'b' });
    expect(broken.status).toBe(500);
    expect(broken.body).toEqual({ ok: false, error_code: 500, description: 'Internal Server Error' });
  });

  it('answers 401 and 409 with Telegram\'s descriptions, even on getUpdates', async () => {
    const fake = await fakeTelegram();
    fake.failNext('getMe', { status: 401 });
    fake.failNext('getUpdates', { status: 409 });
    expect((await call(fake, 'getMe')).body).toMatchObject({ ok: false, error_code: 401, description: 'Unauthorized' });
    expect((await call(fake, 'getUpdates')).body).toMatchObject({ ok: false, error_code: 409, description: expect.stringContaining('Conflict') });
  });

  it('drops a connection before or after handling a call, and counts only the one handled as delivered', async () => {
    const fake = await fakeTelegram();
    fake.failNext('sendMessage', { drop: 'before' });
    fake.failNext('sendMessage', { drop: 'after' }, 1);
    await expect(call(fake, 'sendMessage', { chat_id: 1, text: 'a' })).rejects.toThrow();
    await expect(call(fake, 'sendMessage', { chat_id: 1, text: 'b' })).rejects.toThrow();
    expect(fake.callsTo('sendMessage').map((c) => c.payload.text)).toEqual(['b']);
  });

  it('keeps a fault for good with Infinity until cleared, and can let some calls through first', async () => {
    const fake = await fakeTelegram();
    fake.failNext('sendMessage', { status: 500 }, Infinity, 1);
    expect((await call(fake, 'sendMessage', { chat_id: 1, text: 'ok' })).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await call(fake, 'sendMessage', { chat_id: 1, text: 'x' })).status).toBe(500);
    fake.clearFaults();
    expect((await call(fake, 'sendMessage', { chat_id: 1, text: 'ok' })).status).toBe(200);
  });

  it('delays a call by delayMs and then answers it normally', async () => {
    const fake = await fakeTelegram();
    fake.failNext('sendMessage', { delayMs: 300 });
    const started = Date.now();
    const slow = await call(fake, 'sendMessage', { chat_id: 1, text: 'slow' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(slow.status).toBe(200);
    expect(slow.body.result.text).toBe('slow');
    const fastStart = Date.now();
    await call(fake, 'sendMessage', { chat_id: 1, text: 'fast' });
    expect(Date.now() - fastStart).toBeLessThan(250);
    expect(fake.callsTo('sendMessage')).toHaveLength(2);
  });
});

describe('waitFor', () => {
  it('rejects after the timeout with the methods it saw', async () => {
    const fake = await fakeTelegram();
    fake.failNext('sendMessage', { status: 500 });
    await call(fake, 'getMe');
    await call(fake, 'sendMessage', { chat_id: 1, text: 'a' });
    await expect(fake.waitFor((calls) => calls.length > 5, 100)).rejects.toThrow(
      /waitFor timed out after 100 ms; 2 calls seen: getMe, sendMessage\(500\)/,
    );
  });
});

describe('a real grammY bot long polling the fake', () => {
  it('delivers a text update to a handler whose ctx.reply is recorded as sendMessage', async () => {
    const fake = await fakeTelegram();
    const bot = botFor(fake);
    const seen: string[] = [];
    bot.on('message:text', async (ctx) => {
      seen.push(`${ctx.from.id}:${ctx.from.language_code}:${ctx.message.text}`);
      await ctx.reply(`echo: ${ctx.message.text}`);
    });
    fake.queueUpdates(textUpdate(42, 'كيف أبلغ عن سرقة؟'));

    const running = bot.start();
    await fake.waitFor(() => fake.callsTo('sendMessage').length === 1);
    await bot.stop();
    await running;

    expect(seen).toEqual(['42:ar:كيف أبلغ عن سرقة؟']);
    expect(fake.callsTo('sendMessage')[0]!.payload).toMatchObject({ chat_id: 42, text: 'echo: كيف أبلغ عن سرقة؟' });
    expect(fake.callsTo('getMe')).toHaveLength(1);
    expect(fake.callsTo('deleteWebhook')).toHaveLength(1);
    expect(fake.calls.every((c) => c.token === TOKEN)).toBe(true);
  });

  it('does not redeliver an update confirmed by bot.stop() to the next bot', async () => {
    const fake = await fakeTelegram();
    const handled: string[] = [];

    const first = botFor(fake);
    first.on('message:text', (ctx) => void handled.push(`first:${ctx.message.text}`));
    fake.queueUpdates(textUpdate(1, 'one'));
    const firstRun = first.start();
    await fake.waitFor(() => handled.length === 1);
    await first.stop();
    await firstRun;

    const second = botFor(fake);
    second.on('message:text', async (ctx) => {
      handled.push(`second:${ctx.message.text}`);
      await ctx.reply('ok');
    });
    fake.queueUpdates(textUpdate(1, 'two'));
    const secondRun = second.start();
    await fake.waitFor(() => fake.callsTo('sendMessage').length === 1);
    await second.stop();
    await secondRun;

    expect(handled).toEqual(['first:one', 'second:two']);
  });

  it('routes commands, callback queries, media and blocks to the matching handlers', async () => {
    const fake = await fakeTelegram();
    const bot = botFor(fake);
    const seen: string[] = [];
    bot.command('start', (ctx) => void seen.push(`command:${ctx.match}`));
    bot.callbackQuery(/^lang:(\w+)$/, async (ctx) => {
      seen.push(`callback:${ctx.match[1]}:${ctx.callbackQuery.message?.message_id}`);
      await ctx.answerCallbackQuery();
    });
    bot.on('message:voice', (ctx) => void seen.push(`voice:${ctx.chat.id}`));
    bot.on('message:text', (ctx) => void seen.push(`text:${ctx.chat.type}:${ctx.message.reply_to_message?.from?.id}`));
    bot.on('my_chat_member', (ctx) => void seen.push(`member:${ctx.myChatMember.new_chat_member.status}`));

    fake.queueUpdates(
      textUpdate(3, '/start ref'),
      callbackUpdate(3, 'lang:en', { messageId: 77 }),
      mediaUpdate(3, 'voice'),
      textUpdate(-100, 'سؤال', { chatType: 'supergroup', replyToBot: true }),
      kickedUpdate(3),
    );
    const running = bot.start();
    await fake.waitFor(() => seen.length === 5);
    await bot.stop();
    await running;

    expect(seen).toEqual(['command:ref', 'callback:en:77', 'voice:3', 'text:supergroup:999000', 'member:kicked']);
    expect(fake.callsTo('answerCallbackQuery')).toHaveLength(1);
  });
});

describe('update builders', () => {
  it('marks only Latin commands as bot_command, as Telegram does', () => {
    expect((textUpdate(1, '/start@aman_test_bot') as any).message.entities).toEqual([{ type: 'bot_command', offset: 0, length: 20 }]);
    expect((textUpdate(1, '/منو وزير الداخلية') as any).message.entities).toBeUndefined();
  });

  it('adds a bot_command entity, user defaults and a reply from the bot', () => {
    const update = textUpdate(9, '/help@aman_test_bot now', { replyToBot: true, languageCode: 'ckb', firstName: 'Sara' }) as any;
    expect(update.update_id).toBeUndefined();
    expect(update.message.entities).toEqual([{ type: 'bot_command', offset: 0, length: 19 }]);
    expect(update.message.from).toEqual({ id: 9, is_bot: false, first_name: 'Sara', language_code: 'ckb' });
    expect(update.message.chat).toMatchObject({ id: 9, type: 'private' });
    expect(update.message.reply_to_message).toMatchObject({ from: BOT_USER, text: 'previous answer' });
    expect(typeof update.message.message_id).toBe('number');
    expect((textUpdate(9, 'plain') as any).message.entities).toBeUndefined();
    expect((textUpdate(9, 'plain', { languageCode: null }) as any).message.from.language_code).toBeUndefined();
  });

  it('builds callback, media and kicked updates in Bot API shape', () => {
    const callback = (callbackUpdate(4, 'more', { userId: 8 }) as any).callback_query;
    expect(callback).toMatchObject({ from: { id: 8, is_bot: false }, data: 'more', message: { chat: { id: 4 }, from: BOT_USER } });
    expect(typeof callback.id).toBe('string');
    expect(typeof callback.chat_instance).toBe('string');

    for (const kind of ['photo', 'voice', 'sticker', 'location', 'contact', 'document'] as const) {
      expect((mediaUpdate(4, kind) as any).message[kind]).toBeDefined();
    }

    expect((kickedUpdate(4) as any).my_chat_member).toMatchObject({
      chat: { id: 4, type: 'private' },
      from: { id: 4 },
      new_chat_member: { user: BOT_USER, status: 'kicked' },
    });
  });
});
