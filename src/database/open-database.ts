import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations } from './migrations/index.js';
import { OperatorError } from '../operator-error.js';

export type Db = Database.Database;

/** The database cannot be used; the message names DATABASE_PATH and says what to do. */
export class DatabaseError extends OperatorError {
  override name = 'DatabaseError';
}

// better-sqlite3 waits out busy_timeout on the event loop: a lock held by another process (a review
// command, a backup) would freeze every chat for that long. So the wait is short and a write that
// still finds the database locked is retried asynchronously (retry-busy.ts) while other work goes on.
export const BUSY_TIMEOUT_MS = 50;

function explain(path: string, error: unknown): DatabaseError {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message;
  const why =
    code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /malformed|not a database/.test(message)
      ? 'is not a readable SQLite database (corrupt or truncated, or another kind of file). Restore it from a backup, or move it away to start with an empty one'
      : code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || /readonly|unable to open/.test(message)
        ? 'cannot be opened for writing. Check that the file and its folder exist and are writable by this user'
        : code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED'
          ? 'is locked by another process that keeps it busy. Stop that process, or wait and start again'
          : `cannot be used (${code || message})`;
  return new DatabaseError(`The database at DATABASE_PATH=${path} ${why}. (${message})`);
}

/**
 * Opens (creating if needed) the one SQLite file that holds the knowledge index and the conversation
 * log, and brings its schema up to date. Any failure is a DatabaseError naming DATABASE_PATH.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') {
    try {
      if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
        throw new DatabaseError(`DATABASE_PATH=${path} is a folder: give the path of a file inside it, such as ${path.replace(/\/+$/, '')}/aman.sqlite.`);
      }
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      if (error instanceof DatabaseError) throw error;
      throw new DatabaseError(`DATABASE_PATH=${path}: its folder cannot be created (${(error as Error).message}). Check the path and permissions.`);
    }
  }
  let db: Db | undefined;
  try {
    db = new Database(path);
    // WAL lets readers (review tools) work while the bot writes, and survives crashes.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Deleted text (a /forget, an expired conversation) is overwritten with zeros, not left in free pages.
    db.pragma('secure_delete = ON');
    migrate(db);
    // A file that opens but cannot be written (read-only, immutable, a read-only mount) fails here,
    // with its name, rather than at the first citizen's message.
    db.exec('BEGIN IMMEDIATE; ROLLBACK');
    return db;
  } catch (error) {
    db?.close();
    throw explain(path, error);
  }
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/**
 * Writes the WAL back into the database file and truncates it, so that text just deleted with
 * secure_delete is gone from the WAL as well. Best effort: a reader holding the WAL lets it wait.
 */
export function checkpoint(db: Db): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return result?.busy === 0;
}
