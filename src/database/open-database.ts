import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations } from './migrations/index.js';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the one SQLite file that holds the knowledge index and, later, the
 * conversation log, and brings its schema up to date.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path);
  } catch (error) {
    throw new Error(
      `Cannot open the SQLite database at ${path}: ${(error as Error).message}. ` +
        'Check DATABASE_PATH and that its folder is writable.',
    );
  }
  // WAL lets readers (review tools) work while the bot writes, and survives crashes;
  // the busy timeout makes a second process wait for a lock instead of failing at once.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
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
