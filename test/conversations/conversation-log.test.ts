import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerQuestion } from '../../src/answering/answer-question.js';
import { createExchangeStore } from '../../src/conversations/exchange-store.js';
import { expireConversations } from '../../src/conversations/expire-conversations.js';
import { listOpenFlags } from '../../src/conversations/review-flags.js';
import { openDatabase } from '../../src/database/open-database.js';
import { createCaseStore } from '../../src/moderation/case-store.js';
import { shippedEngine } from '../support/knowledge-app.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

let answerQuestion: AnswerQuestion;
beforeAll(async () => ({ answerQuestion } = await shippedEngine()));

function logQuestion(path: string, question: string, updateId: number) {
  const db = openDatabase(path);
  const id = createExchangeStore(db).record({ updateId, chatId: 5, userId: 5, answer: answerQuestion(question), answerText: 'text', latencyMs: 1 });
  db.close();
  return id;
}

describe('the conversation log', () => {
  it('refuses a second exchange for the same Telegram update', () => {
    const path = join(tempDir(), 'aman.sqlite');
    logQuestion(path, 'منو وزير الداخليه', 1);
    expect(() => logQuestion(path, 'منو وزير الداخليه', 1)).toThrow(/UNIQUE/);
  });

  it('expires old exchanges with their flags once their case is resolved, and keeps the daily counts', () => {
    const path = join(tempDir(), 'aman.sqlite');
    logQuestion(path, 'شلون اطبخ دولمه', 1);
    const db = openDatabase(path);
    db.prepare("UPDATE exchanges SET created_at = datetime('now', '-100 days')").run();
    expect(listOpenFlags(db)).toHaveLength(1);
    // The fallback opened a case: while it is unresolved, a moderator must still be able to read it.
    const cases = createCaseStore(db);
    const open = cases.openOf(5)!;
    expect(open.status).toBe('open');
    expect(expireConversations(db, 90)).toBe(0);
    cases.resolve(open.id, 77, 'no-action');
    db.prepare("UPDATE cases SET resolved_at = resolved_at - 100 * 86400000").run();
    expect(expireConversations(db, 90)).toBe(1);
    expect(listOpenFlags(db)).toHaveLength(0);
    expect(cases.get(open.id)).toBeUndefined();
    expect(db.prepare('SELECT sum(count) FROM daily_counts').pluck().get()).toBe(1);
    db.close();
  });
});

describe('npm run review', () => {
  it('lists open cases with their question and closes one by id', async () => {
    const path = join(tempDir(), 'aman.sqlite');
    logQuestion(path, 'شلون اطبخ دولمه', 1);
    const list = await runCli('src/cli/review.ts', ['list'], '', { DATABASE_PATH: path });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/#1 fallback \(open, open \d+ s\) citizen \d{4}, chat 5\n  question: شلون اطبخ دولمه/);

    expect((await runCli('src/cli/review.ts', ['resolve', '1', '--outcome', 'spam'], '', { DATABASE_PATH: path })).stdout).toContain('Case 1 resolved (spam).');
    const again = await runCli('src/cli/review.ts', ['resolve', '1'], '', { DATABASE_PATH: path });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('No open case with id 1');
    expect((await runCli('src/cli/review.ts', ['list'], '', { DATABASE_PATH: path })).stdout).toContain('No open cases.');
    const db = openDatabase(path);
    expect(listOpenFlags(db)).toHaveLength(0);
    db.close();
  });

  it('explains its usage on a bad command', async () => {
    const { code, stderr } = await runCli('src/cli/review.ts', ['delete', 'everything']);
    expect(code).toBe(2);
    expect(stderr).toContain('npm run review -- resolve CASE_ID');
  });
});
