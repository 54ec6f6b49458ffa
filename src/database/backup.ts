import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './open-database.js';

// Backups use SQLite's online backup: a consistent copy of the database as of the moment it began,
// taken page by page while the bot keeps writing. A copy is checked before it counts.

/** The name of a backup taken at `at`: sorts by time, e.g. aman-20261202-231500.sqlite. */
export function backupName(at = new Date()): string {
  return `aman-${at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.sqlite`;
}

/** SQLite's own verdict on a database file: 'ok', or what is wrong. */
export function integrityOf(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
  } finally {
    db.close();
  }
}

/** Copies the live database to `path` (safe while it is being written) and checks the copy. */
export async function backupDatabase(db: Db, path: string): Promise<{ path: string; bytes: number }> {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  await db.backup(partial);
  // The copy is one self-contained file: out of WAL mode, with no -wal or -shm beside it to lose.
  const copy = new Database(partial);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  const verdict = integrityOf(partial);
  if (verdict !== 'ok') {
    rmSync(partial, { force: true });
    throw new Error(`the backup copy failed its integrity check: ${verdict}`);
  }
  // Only a finished, checked copy takes the final name: a crash midway leaves no half backup.
  renameSync(partial, path);
  return { path, bytes: statSync(path).size };
}

/** Deletes all but the newest `keep` backups in `dir` (those named by backupName). */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!existsSync(dir)) return [];
  const backups = readdirSync(dir).filter((f) => /^aman-\d{8}-\d{6}\.sqlite$/.test(f)).sort();
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const f of removed) unlinkSync(join(dir, f));
  // Left by a copy that a crash interrupted (an hour old: not one being made right now).
  for (const f of readdirSync(dir).filter((f) => /\.partial(-wal|-shm)?$/.test(f))) {
    if (Date.now() - statSync(join(dir, f)).mtimeMs > 3_600_000) rmSync(join(dir, f), { force: true });
  }
  return removed;
}

// The running bot marks the database as in use with a file holding its process id, so that a
// restore never replaces a database under a running bot.
export const lockPath = (databasePath: string) => `${databasePath}.pid`;

export function markInUse(databasePath: string): () => void {
  if (databasePath === ':memory:') return () => undefined;
  writeFileSync(lockPath(databasePath), String(process.pid));
  return () => rmSync(lockPath(databasePath), { force: true });
}

/** The id of a live process using the database, if one is. */
export function userOf(databasePath: string): number | undefined {
  const file = lockPath(databasePath);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/**
 * Replaces the database with a backup, after checking the backup's integrity; refuses while a
 * running bot uses the database. The replaced file is kept beside it (.before-restore).
 */
export function restoreDatabase(backupPath: string, databasePath: string): { replaced: string | undefined } {
  if (!existsSync(backupPath)) throw new Error(`${backupPath} does not exist`);
  const pid = userOf(databasePath);
  if (pid !== undefined) throw new Error(`the database ${databasePath} is in use by a running bot (process ${pid}): stop it first`);
  const verdict = integrityOf(backupPath);
  if (verdict !== 'ok') throw new Error(`${backupPath} failed its integrity check: ${verdict}`);
  let replaced: string | undefined;
  if (existsSync(databasePath)) {
    replaced = `${databasePath}.before-restore`;
    copyFileSync(databasePath, replaced);
    if (existsSync(`${databasePath}-wal`)) copyFileSync(`${databasePath}-wal`, `${replaced}-wal`);
  }
  const incoming = `${databasePath}.restoring`;
  copyFileSync(backupPath, incoming);
  // The old write-ahead log belongs to the old database: left beside the new one it would be replayed.
  for (const suffix of ['-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
  renameSync(incoming, databasePath);
  return { replaced };
}
