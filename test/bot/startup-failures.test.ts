// An operator who gets something wrong sees one line saying what and what to do, and exit 1:
// never a hang, never a stack trace.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN } from '../support/bot-harness.js';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const fakes: FakeTelegram[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
  for (const server of servers.splice(0)) server.close();
});

const bot = (env: Record<string, string>) => runCli('src/main.ts', [], '', { TELEGRAM_BOT_TOKEN: TOKEN, ...env });

function expectOneClearLine(stderr: string, ...mustSay: RegExp[]) {
  for (const pattern of mustSay) expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain(TOKEN.split(':')[1]);
}

async function fake() {
  const f = await startFakeTelegram();
  fakes.push(f);
  return f;
}

describe('starting the bot with a problem', () => {
  it('names TELEGRAM_API_ROOT when nothing listens there', async () => {
    const started = Date.now();
    const { code, stderr } = await bot({ TELEGRAM_API_ROOT: 'http://127.0.0.1:9' });
    expect(code).toBe(1);
    expectOneClearLine(stderr, /TELEGRAM_API_ROOT/, /ECONNREFUSED/);
    // No retrying: start-up itself (building the knowledge index, about 7 s on the 2-core CI machine
    // alone and up to 10 s beside the other test files) then one refused connection; a bot that kept
    // retrying would take grammY's minute.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('names TELEGRAM_API_ROOT when what listens there does not speak HTTP', async () => {
    const server = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.end('SSH-2.0-OpenSSH_9.2\r\n');
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const { code, stderr } = await bot({ TELEGRAM_API_ROOT: `http://127.0.0.1:${port}` });
    expect(code).toBe(1);
    expectOneClearLine(stderr, /TELEGRAM_API_ROOT/);
  });

  it('says the token was refused (401) and where to get a good one', async () => {
    const f = await fake();
    f.failNext('getMe', { status: 401 });
    const { code, stderr } = await bot({ TELEGRAM_API_ROOT: f.apiRoot });
    expect(code).toBe(1);
    expectOneClearLine(stderr, /TELEGRAM_BOT_TOKEN/, /@BotFather/);
  });

  it('says another instance is polling when Telegram answers 409 while polling', async () => {
    const f = await fake();
    f.failNext('getUpdates', { status: 409 });
    const { code, stderr } = await bot({ TELEGRAM_API_ROOT: f.apiRoot, DATABASE_PATH: join(tempDir(), 'a.sqlite') });
    expect(code).toBe(1);
    expectOneClearLine(stderr, /another instance is polling/i, /409/);
  });

  it('says the token was revoked when Telegram answers 401 while polling', async () => {
    const f = await fake();
    f.failNext('getUpdates', { status: 401 });
    const { code, stderr } = await bot({ TELEGRAM_API_ROOT: f.apiRoot, DATABASE_PATH: join(tempDir(), 'a.sqlite') });
    expect(code).toBe(1);
    expectOneClearLine(stderr, /TELEGRAM_BOT_TOKEN/, /401/);
  });
});

describe('a database file that cannot be used', () => {
  const ask = (databasePath: string) => runCli('src/cli/ask.ts', ['منو وزير الداخليه'], '', { DATABASE_PATH: databasePath });

  it('names DATABASE_PATH when it is a folder', async () => {
    const dir = tempDir();
    const { code, stderr } = await ask(dir);
    expect(code).toBe(1);
    expectOneClearLine(stderr, /DATABASE_PATH=.* is a folder/);
  });

  it('names DATABASE_PATH when the file is not a database or is truncated', async () => {
    const dir = tempDir();
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, 'this is not a database '.repeat(500));
    const notDb = await ask(garbage);
    expect(notDb.code).toBe(1);
    expectOneClearLine(notDb.stderr, /DATABASE_PATH=.*garbage\.sqlite/, /backup/);

    // A real database cut short, as a full disk or an interrupted copy leaves it.
    const good = join(dir, 'good.sqlite');
    expect((await ask(good)).code).toBe(0);
    const truncated = join(dir, 'truncated.sqlite');
    writeFileSync(truncated, readFileSync(good).subarray(0, 8192));
    const cut = await ask(truncated);
    expect(cut.code).toBe(1);
    expectOneClearLine(cut.stderr, /DATABASE_PATH=.*truncated\.sqlite/);
  });

  it('names DATABASE_PATH when its folder cannot be created', async () => {
    // The "folder" is a file: a misplaced path, as when a variable is set one level off.
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'x');
    const { code, stderr } = await ask(join(file, 'aman.sqlite'));
    expect(code).toBe(1);
    expectOneClearLine(stderr, /DATABASE_PATH=.*notes\.txt\/aman\.sqlite/, /folder/);
  });

  // Root ignores file modes, so the file is made immutable instead (where the file system allows it).
  const canLock = (() => {
    try {
      const probe = join(tempDir(), 'probe');
      writeFileSync(probe, '');
      execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
      execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!canLock)('names DATABASE_PATH when the file cannot be written', async () => {
    const dir = tempDir();
    const good = join(dir, 'good.sqlite');
    expect((await ask(good)).code).toBe(0);
    const folder = join(dir, 'locked');
    const locked = join(folder, 'aman.sqlite');
    mkdirSync(folder);
    copyFileSync(good, locked);
    // Neither the file nor its folder (where the WAL would go) can be written.
    execFileSync('chattr', ['+i', locked, folder]);
    try {
      const { code, stderr } = await ask(locked);
      expect(code).toBe(1);
      expectOneClearLine(stderr, /DATABASE_PATH=.*locked/, /writ/);
    } finally {
      execFileSync('chattr', ['-i', locked, folder]);
    }
  });
});
