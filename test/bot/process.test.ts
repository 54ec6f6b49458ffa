import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN } from '../support/bot-harness.js';
import { callbackUpdate, startFakeTelegram, textUpdate, type FakeTelegram } from '../support/fake-telegram.js';
import { tempDir } from '../support/temp-dir.js';

const fakes: FakeTelegram[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  // The whole process group, so a failed test leaves no bot behind npm.
  for (const child of children.splice(0)) if (child.exitCode === null) try { process.kill(-child.pid!, 'SIGKILL'); } catch {}
  for (const fake of fakes.splice(0)) await fake.close();
});

/**
 * `npm start` as an operator runs it, with a token and a Bot API root. Signals go to npm itself,
 * as `docker stop` or systemd send them: npm must pass them on to the bot, not orphan it.
 */
function startBot(fake: FakeTelegram, databasePath: string, env: Record<string, string> = {}) {
  const child = spawn('npm', ['start', '--silent'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_PATH: databasePath, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, log: () => log };
}

const polling = (fake: FakeTelegram, n: number) => fake.waitFor((calls) => calls.filter((c) => c.method === 'setMyCommands' && c.status === 200).length >= 3 * n, 20_000);

describe('npm start with TELEGRAM_BOT_TOKEN', () => {
  it('finishes the answer in flight on SIGTERM, exits 0 within 5 s, and never answers the same update twice', async () => {
    const fake = await startFakeTelegram();
    fakes.push(fake);
    const databasePath = join(tempDir(), 'aman.sqlite');
    const first = startBot(fake, databasePath);
    await polling(fake, 1);

    // Telegram is slow to accept this reply: SIGTERM arrives while it is in flight.
    fake.failNext('sendMessage', { delayMs: 1500 });
    const question = { ...textUpdate(50, 'شلون اتصل بالشرطة المجتمعية'), update_id: 7001 };
    fake.queueUpdates(question);
    await fake.waitFor((calls) => calls.some((c) => c.method === 'sendMessage'));
    const stoppedAt = Date.now();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(5000);
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
    expect(fake.callsTo('sendMessage')[0]!.payload.text).toContain('911');
    expect(first.log()).not.toContain(TOKEN.split(':')[1]);

    const db = new Database(databasePath, { readonly: true });
    expect(db.prepare('SELECT update_id, answer_kind, delivered_at IS NOT NULL AS delivered FROM exchanges').all()).toEqual([
      { update_id: 7001, answer_kind: 'answered', delivered: 1 },
    ]);
    db.close();

    // After a restart Telegram redelivers the update whose offset was never confirmed.
    const second = startBot(fake, databasePath);
    await polling(fake, 2);
    fake.queueUpdates({ ...question }, { ...textUpdate(50, '/start'), update_id: 7002 });
    await fake.waitFor(() => fake.callsTo('sendMessage').length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.callsTo('sendMessage').map((c) => String(c.payload.text).slice(0, 8))).toEqual([
      expect.stringContaining('للتواصل'),
      expect.stringContaining('أهلاً'),
    ]);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('loses and doubles nothing when killed with SIGKILL during a 600-message backlog with slow sends', async () => {
    const fake = await startFakeTelegram();
    fakes.push(fake);
    const databasePath = join(tempDir(), 'aman.sqlite');
    const first = startBot(fake, databasePath);
    await polling(fake, 1);
    // Telegram takes 200 ms to accept each message: the backlog builds up behind the sends.
    fake.failNext('sendMessage', { delayMs: 200 }, Infinity);
    const questions = ['منو وزير الداخليه', 'رقم الطوارئ شنو', 'شنو يعني الامن المجتمعي', 'شلون اتصل بالشرطة المجتمعية', 'اريد انتحر', 'شلون اطبخ دولمه'];
    const chats = Array.from({ length: 100 }, (_, i) => 9000 + i);
    fake.queueUpdates(...questions.flatMap((q) => chats.map((chat) => textUpdate(chat, q))));
    await fake.waitFor(() => fake.callsTo('sendMessage').length >= 100, 30_000);
    process.kill(-first.child.pid!, 'SIGKILL');
    await first.exited;
    const beforeKill = fake.callsTo('sendMessage').length;
    expect(beforeKill).toBeLessThan(600);

    fake.clearFaults();
    const second = startBot(fake, databasePath);
    const settled = () => {
      const db = new Database(databasePath, { readonly: true });
      try {
        const left = db.prepare("SELECT (SELECT count(*) FROM inbox WHERE handled_at IS NULL) + (SELECT count(*) FROM exchanges WHERE delivery IN ('pending', 'sending'))").pluck().get() as number;
        const stored = db.prepare('SELECT count(*) FROM exchanges').pluck().get() as number;
        return stored === 600 && left === 0;
      } finally {
        db.close();
      }
    };
    await fake.waitFor(settled, 60_000);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const db = new Database(databasePath, { readonly: true });
    // Every question was stored once (none lost), and its answer was sent or is known to be in doubt.
    const rows = db.prepare('SELECT id, chat_id, delivery, answer_text FROM exchanges').all() as { id: number; chat_id: number; delivery: string; answer_text: string }[];
    expect(rows).toHaveLength(600);
    expect(new Set(rows.map((r) => r.delivery))).toEqual(new Set(rows.some((r) => r.delivery === 'unknown') ? ['sent', 'unknown'] : ['sent']));
    const unknownIds = rows.filter((r) => r.delivery === 'unknown').map((r) => r.id);
    const flagged = db.prepare("SELECT exchange_id FROM flags WHERE reason = 'undelivered'").pluck().all() as number[];
    expect(flagged).toEqual(expect.arrayContaining(unknownIds));
    db.close();
    for (const chat of chats) {
      const mine = rows.filter((r) => r.chat_id === chat);
      expect(mine).toHaveLength(6);
      // The six answers of a chat differ, so each accepted message names its exchange.
      const accepted = fake.callsTo('sendMessage').filter((c) => c.payload.chat_id === chat).map((c) => String(c.payload.text));
      expect(new Set(accepted).size).toBe(accepted.length); // nothing doubled
      for (const row of mine) {
        const times = accepted.filter((t) => t === row.answer_text).length;
        // Sent: Telegram has it once. Unknown (the kill came mid-send): once or not at all, never twice.
        if (row.delivery === 'sent') expect(times).toBe(1);
        else expect(times).toBeLessThanOrEqual(1);
      }
    }
  }, 120_000);

  it('sends an answer once after a SIGTERM that came while it waited out a 429', async () => {
    const fake = await startFakeTelegram();
    fakes.push(fake);
    const databasePath = join(tempDir(), 'aman.sqlite');
    const first = startBot(fake, databasePath);
    await polling(fake, 1);
    fake.failNext('sendMessage', { status: 429, retryAfter: 3 });
    fake.queueUpdates(textUpdate(77, 'منو وزير الداخليه'));
    await fake.waitFor((calls) => calls.some((c) => c.method === 'sendMessage' && c.status === 429));
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fake.callsTo('sendMessage')).toHaveLength(0);

    const second = startBot(fake, databasePath);
    await fake.waitFor(() => fake.callsTo('sendMessage').length >= 1, 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
    expect(fake.callsTo('sendMessage')[0]!.payload.text).toContain('الشمري');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 60_000);

  it('relays a moderator\'s message exactly once when killed with SIGKILL before the relay went out', async () => {
    const fake = await startFakeTelegram();
    fakes.push(fake);
    const databasePath = join(tempDir(), 'aman.sqlite');
    const group = -1005;
    const env = { MODERATOR_IDS: '9001', REVIEW_CHAT_ID: String(group) };
    const first = startBot(fake, databasePath, env);
    await polling(fake, 1);
    fake.queueUpdates({ ...textUpdate(60, 'شلون اطبخ دولمه'), update_id: 100 });
    await fake.waitFor((calls) => calls.some((c) => c.method === 'sendMessage' && c.status === 200 && c.payload.chat_id === group), 10_000);
    const thread = Number(fake.callsTo('sendMessage').find((c) => c.payload.chat_id === group)!.payload.message_thread_id);
    expect(thread).toBeGreaterThan(0);

    // Telegram refuses the relay for now (500): it is stored, waiting, when the bot is killed.
    fake.failNext('sendMessage', { status: 500 }, Infinity);
    const relay = { ...textUpdate(group, 'رسالة من المشرف: نحن هنا للمساعدة', { chatType: 'supergroup', userId: 9001, threadId: thread }), update_id: 101 };
    fake.queueUpdates(relay);
    await fake.waitFor((calls) => calls.some((c) => c.method === 'sendMessage' && c.status === 500 && c.payload.chat_id === 60), 10_000);
    first.child.kill('SIGKILL');
    await first.exited;
    fake.clearFaults();

    // Restarted, with Telegram redelivering the moderator's update: relayed once.
    const second = startBot(fake, databasePath, env);
    await polling(fake, 2);
    fake.queueUpdates({ ...relay });
    await fake.waitFor(() => fake.callsTo('sendMessage').some((c) => c.payload.chat_id === 60 && String(c.payload.text).includes('نحن هنا للمساعدة')), 10_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.callsTo('sendMessage').filter((c) => c.payload.chat_id === 60 && String(c.payload.text).includes('نحن هنا للمساعدة'))).toHaveLength(1);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
