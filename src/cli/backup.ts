// npm run backup -- [PATH]    a consistent copy of the live database (safe while the bot runs), checked;
//                             without PATH, into BACKUP_DIR, keeping the newest BACKUP_KEEP there
// npm run restore -- PATH     replaces the database with a backup (refused while a bot uses it)
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { backupDatabase, backupName, pruneBackups, restoreDatabase } from '../database/backup.js';
import { openDatabase } from '../database/open-database.js';
import { OperatorError } from '../operator-error.js';

const [action, ...args] = process.argv.slice(2);
const fail = (message: string) => {
  console.error(message);
  process.exit(1);
};
try {
  const config = loadConfig();
  if (action === 'backup') {
    const db = openDatabase(config.databasePath);
    try {
      const path = args[0] ?? join(config.backup.dir, backupName());
      const { bytes } = await backupDatabase(db, path);
      const pruned = args[0] ? [] : pruneBackups(config.backup.dir, config.backup.keep);
      console.log(`Backed up ${config.databasePath} to ${path} (${(bytes / 1e6).toFixed(1)} MB, integrity ok)${pruned.length ? `; removed ${pruned.length} older backup(s)` : ''}.`);
    } finally {
      db.close();
    }
  } else if (action === 'restore') {
    if (!args[0]) fail('Usage: npm run restore -- PATH_OF_A_BACKUP');
    const { replaced } = restoreDatabase(args[0]!, config.databasePath);
    console.log(`Restored ${config.databasePath} from ${args[0]}${replaced ? `; the database it replaced is kept as ${replaced}` : ''}.`);
  } else fail('Usage: npm run backup -- [PATH]   or   npm run restore -- PATH');
} catch (error) {
  fail(error instanceof OperatorError ? error.message : `Not done: ${(error as Error).message}`);
}
