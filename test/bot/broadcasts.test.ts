import { describe, expect, it } from 'vitest';
import { buttonData, startBotHarness, type Harness } from '../support/bot-harness.js';
import { callbackUpdate, textUpdate } from '../support/fake-telegram.js';
import { runCli } from '../support/run-cli.js';

const ADMIN = 9100;
const BROADCASTER = 9101;
const ENV = { ADMIN_IDS: String(ADMIN), BROADCAST_QUIET_HOURS: 'off', BROADCAST_RATE: '30' };

const waitUntil = async (check: () => boolean, timeoutMs = 10_000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};
const cli = (h: Harness, args: string[]) => runCli('src/cli/broadcast.ts', args, '', { DATABASE_PATH: h.app.config.databasePath, ADMIN_IDS: String(ADMIN), BROADCAST_QUIET_HOURS: 'off' });
const deliveredTo = (h: Harness, chat: number, text: string) => h.fake.callsTo('sendMessage').filter((c) => c.payload.chat_id === chat && c.payload.text === text).length;

async function subscribe(h: Harness, chat: number, language = 'ar') {
  h.fake.queueUpdates(textUpdate(chat, '/subscribe', { languageCode: language }));
  // Subscribed, the topic toggles, the governorate question.
  await h.waitForReplies(chat, 3);
}

describe('broadcasts', () => {
  it('reaches every subscriber of its segment exactly once, after a second staff member approves it; skips the unsubscribed; unsubscribes a 403', { timeout: 90_000 }, async () => {
    const h = await startBotHarness(ENV);
    h.app.staff.add(ADMIN, BROADCASTER, 'broadcaster');
    const arabic = [301, 302, 303, 304, 305];
    for (const chat of arabic) await subscribe(h, chat);
    await subscribe(h, 306, 'en');
    await subscribe(h, 307);
    h.fake.queueUpdates(textUpdate(307, '/stop'));
    await h.waitForReplies(307, 4);
    // 305 has blocked the bot: Telegram answers 403.
    h.fake.failChat(305, { status: 403, description: 'Forbidden: bot was blocked by the user' });

    const text = 'تذكير من حملة الأمن المجتمعي: الرقم الموحد للطوارئ 911 مجاني.';
    const created = await cli(h, ['create', '--by', String(BROADCASTER), '--text', text, '--language', 'ar']);
    expect(created.code).toBe(0);
    const { id, recipients } = JSON.parse(created.stdout);
    expect(recipients).toBe(5);
    // The author cannot approve their own broadcast.
    const self = await cli(h, ['approve', String(id), '--by', String(BROADCASTER)]);
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('another admin or broadcaster must');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.callsTo('sendMessage').filter((c) => c.payload.text === text)).toHaveLength(0);

    expect((await cli(h, ['approve', String(id), '--by', String(ADMIN)])).code).toBe(0);
    await waitUntil(() => h.app.broadcasts.status(id)?.state === 'done').catch((e) => {
      throw new Error(`${e}: ${JSON.stringify(h.app.broadcasts.status(id))}`);
    });
    for (const chat of [301, 302, 303, 304]) expect(deliveredTo(h, chat, text)).toBe(1);
    expect(deliveredTo(h, 306, text)).toBe(0);
    expect(deliveredTo(h, 307, text)).toBe(0);
    expect(h.app.users.get(305)).toMatchObject({ subscribed: false, blocked: true });
    const status = JSON.parse((await cli(h, ['status', String(id), '--json'])).stdout);
    expect(status).toEqual({ id, state: 'done', total: 5, sent: 4, failed: 0, stopped: 1, unknown: 0, pending: 0 });
    // The author's progress message ends as the report (edited in place).
    const toAuthor = () => [...h.fake.callsTo('sendMessage'), ...h.fake.callsTo('editMessageText')].filter((c) => c.payload.chat_id === BROADCASTER).map((c) => String(c.payload.text));
    await waitUntil(() => toAuthor().some((r) => r.includes(`#${id}`) && r.includes('وصلت 4') && r.includes('توقفت 1')));
  });

  it('is composed, previewed, aimed and approved in Telegram, and copied as composed', async () => {
    const h = await startBotHarness(ENV);
    h.app.staff.add(ADMIN, BROADCASTER, 'broadcaster');
    for (const chat of [401, 402]) await subscribe(h, chat);
    await subscribe(h, 403, 'en');
    // Not staff: /broadcast is an unknown command.
    h.fake.queueUpdates(textUpdate(401, '/broadcast'));
    await h.waitForReplies(401, 4);
    expect(h.repliesTo(401)[3]).toBe(h.app.translate('ar')('unknownCommand'));

    h.fake.queueUpdates(textUpdate(BROADCASTER, '/broadcast'));
    await h.waitForReplies(BROADCASTER, 1);
    h.fake.queueUpdates(textUpdate(BROADCASTER, 'رسالة *منسقة* للمشتركين'));
    await h.waitForReplies(BROADCASTER, 2);
    expect(h.fake.callsTo('copyMessage').at(-1)!.payload).toMatchObject({ chat_id: BROADCASTER, from_chat_id: BROADCASTER });
    expect(h.repliesTo(BROADCASTER)[1]).toContain(': 3');
    const data = buttonData(h.lastReply(BROADCASTER));
    h.fake.queueUpdates(callbackUpdate(BROADCASTER, data.find((d) => d.endsWith(':ar'))!));
    await waitUntil(() => h.fake.callsTo('editMessageText').some((c) => String(c.payload.text).includes(': 2')));
    h.fake.queueUpdates(callbackUpdate(BROADCASTER, data.find((d) => d.endsWith(':request'))!));
    await h.waitForReplies(ADMIN, 1);
    const approve = buttonData(h.lastReply(ADMIN)).find((d) => d.endsWith(':approve'))!;
    h.fake.queueUpdates(callbackUpdate(ADMIN, approve));
    const copies = () => h.fake.callsTo('copyMessage').filter((c) => [401, 402, 403].includes(c.payload.chat_id));
    await waitUntil(() => copies().length === 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(copies().map((c) => c.payload.chat_id).sort()).toEqual([401, 402]);
    expect(copies()[0]!.payload.from_chat_id).toBe(BROADCASTER);
  });

  it('answers citizens as fast during a broadcast as when idle', async () => {
    const h = await startBotHarness({ ...ENV, BROADCAST_RATE: '30', RATE_LIMIT_MESSAGES: '1000' });
    h.app.staff.add(ADMIN, BROADCASTER, 'broadcaster');
    const insert = h.app.db.prepare('INSERT INTO users (telegram_id, subscribed) VALUES (?, 1)');
    h.app.db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(1_000_000 + i);
    })();
    const latency = async (chat: number, n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const before = h.repliesTo(chat).length;
        const start = performance.now();
        h.fake.queueUpdates(textUpdate(chat, 'شلون اتصل بالشرطة المجتمعية'));
        await h.waitForReplies(chat, before + 1);
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
    };
    await latency(500, 5);
    const idle = await latency(501, 15);
    const b = h.app.broadcasts.create(BROADCASTER, { text: 'رسالة الحملة' }, {});
    h.app.broadcasts.approve(b.id, ADMIN);
    await waitUntil(() => (h.app.broadcasts.status(b.id)?.sent ?? 0) > 30);
    const busy = await latency(502, 15);
    expect(h.app.broadcasts.status(b.id)!.state).toBe('sending');
    expect(busy - idle).toBeLessThan(10);
  });
});
