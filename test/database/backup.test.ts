import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDatabase, lockPath, pruneBackups, restoreDatabase } from '../../src/database/backup.js';
import { openDatabase } from '../../src/database/open-database.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const rows = (path: string, sql: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('backups', () => {
  it('copies the live database while it is being written, losing nothing committed before the backup began, and restores it', async () => {
    const dir = tempDir();
    const live = join(dir, 'aman.sqlite');
    const db = openDatabase(live);
    db.exec('CREATE TABLE load (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO load (v) VALUES (?)');
    // Enough data that the copy takes many steps, with writes landing between them.
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run('x'.repeat(200));
    })();
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        insert.run(`during ${written++}`);
        await new Promise((r) => setImmediate(r));
      }
    })();
    await new Promise((r) => setTimeout(r, 20));
    const committedBefore = db.prepare('SELECT max(id) FROM load').pluck().get() as number;
    const copy = join(dir, 'backups', 'copy.sqlite');
    await backupDatabase(db, copy);
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    expect(rows(copy, `SELECT count(*) FROM load WHERE id <= ${committedBefore}`)).toBe(committedBefore);

    // Restoring: refused while a live process holds the database, then done, keeping the old one.
    writeFileSync(lockPath(live), String(process.ppid));
    expect(() => restoreDatabase(copy, live)).toThrow(/in use by a running bot/);
    db.close();
    writeFileSync(lockPath(live), '999999999');
    const before = rows(live, 'SELECT count(*) FROM load');
    const { replaced } = restoreDatabase(copy, live);
    expect(rows(live, 'SELECT count(*) FROM load')).toBe(rows(copy, 'SELECT count(*) FROM load'));
    expect(rows(replaced!, 'SELECT count(*) FROM load')).toBe(before);
  });

  it('refuses to restore a file that is not a sound database, and keeps only the newest backups', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.sqlite');
    writeFileSync(bad, 'not a database at all, just text that someone copied here by mistake');
    expect(() => restoreDatabase(bad, join(dir, 'aman.sqlite'))).toThrow();
    expect(existsSync(join(dir, 'aman.sqlite'))).toBe(false);
    for (const name of ['aman-20261201-000000.sqlite', 'aman-20261202-000000.sqlite', 'aman-20261203-000000.sqlite', 'notes.txt']) writeFileSync(join(dir, name), '');
    expect(pruneBackups(dir, 2)).toEqual(['aman-20261201-000000.sqlite']);
    expect(readdirSync(dir).sort()).toEqual(['aman-20261202-000000.sqlite', 'aman-20261203-000000.sqlite', 'bad.sqlite', 'notes.txt']);
  });

  it('runs as npm run backup and npm run restore', async () => {
    const dir = tempDir();
    const env = { DATABASE_PATH: join(dir, 'aman.sqlite'), BACKUP_DIR: join(dir, 'backups'), BACKUP_KEEP: '1' };
    const first = await runCli('src/cli/backup.ts', ['backup'], '', env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Backed up .* integrity ok/);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await runCli('src/cli/backup.ts', ['backup'], '', env)).stdout).toContain('removed 1 older backup');
    const [kept] = readdirSync(env.BACKUP_DIR);
    const restored = await runCli('src/cli/backup.ts', ['restore', join(env.BACKUP_DIR, kept!)], '', env);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('Restored');
    expect((await runCli('src/cli/backup.ts', ['restore'], '', env)).stderr).toContain('Usage: npm run restore');
  });
});
