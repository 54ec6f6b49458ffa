import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { buttonData, startBotHarness } from '../support/bot-harness.js';
import { callbackUpdate, textUpdate } from '../support/fake-telegram.js';
import { runCli } from '../support/run-cli.js';
import { entryFile, tempDir } from '../support/temp-dir.js';

describe('knowledge gaps', () => {
  it('groups near-identical unanswered questions, drafts an entry, and tells a waiting citizen once an entry answers', async () => {
    const knowledgeDir = join(tempDir(), 'knowledge');
    cpSync('knowledge', knowledgeDir, { recursive: true });
    const databasePath = join(tempDir(), 'aman.sqlite');
    const env = { KNOWLEDGE_DIR: knowledgeDir, DATABASE_PATH: databasePath };
    const first = await startBotHarness(env);

    // Two spellings of one question (dialect, hamza, ta marbuta) and one other question.
    first.fake.queueUpdates(textUpdate(11, 'شوكت تبدي مسابقة الرسم للمدارس مال الحمله'));
    first.fake.queueUpdates(textUpdate(12, 'شوكت تبدأ مسابقة الرسم للمدارس مال الحملة؟'));
    first.fake.queueUpdates(textUpdate(13, 'شلون اطبخ دولمه'));
    for (const chat of [11, 12, 13]) await first.waitForReplies(chat, 1);
    // Only the citizen who presses the button is stored as waiting.
    const notify = buttonData(first.lastReply(11)).find((d) => d.startsWith('notify:'))!;
    expect(notify).toBeDefined();
    first.fake.queueUpdates(callbackUpdate(11, notify));
    await first.waitForReplies(11, 2);
    expect(first.repliesTo(11)[1]).toContain('سنخبرك');
    const gaps = first.app.gaps.list();
    expect(gaps.map((g) => g.count)).toEqual([2, 1]);
    expect(gaps[0]!.watchers).toBe(1);

    const listed = await runCli('src/cli/gaps.ts', [], '', env);
    expect(listed.stdout).toMatch(/#1 asked 2× .* open, 1 waiting to be told/);
    // The draft is a valid entry that is never served: knowledge still loads, with it as a draft.
    const drafted = await runCli('src/cli/gaps.ts', ['draft', '1'], '', env);
    expect(drafted.code).toBe(0);
    const draftPath = /Wrote (\S+\.md)/.exec(drafted.stdout)![1]!;
    expect(readFileSync(draftPath, 'utf8')).toContain('status: draft');
    const base = loadKnowledge(knowledgeDir);
    expect(base.problems).toEqual([]);
    expect(base.entries.find((e) => e.id === 'gap-1')?.status).toBe('draft');
    await first.close();

    // A person writes and approves the entry; at the next start the waiting citizen is told, once.
    writeFileSync(
      join(knowledgeDir, 'security', 'security-school-drawing-contest.md'),
      entryFile(
        { id: 'security-school-drawing-contest', topic: 'security', title: '"متى تبدأ مسابقة الرسم للمدارس؟"', questions: '\n  - "شوكت تبدي مسابقة الرسم للمدارس مال الحملة"\n  - "متى تبدأ مسابقة الرسم للمدارس"' },
        'تبدأ مسابقة الرسم للمدارس في موعد تعلنه الحملة في قناتها الرسمية.',
      ),
    );
    const second = await startBotHarness(env);
    await second.waitForReplies(11, 1);
    const told = second.repliesTo(11);
    expect(told[0]).toContain('صار لدينا جواب موثّق');
    expect(told[0]).toContain('موعد تعلنه الحملة');
    expect(second.repliesTo(12)).toEqual([]);
    expect(second.app.gaps.get(1)!.entryId).toBe('security-school-drawing-contest');
    await second.close();
    const third = await startBotHarness(env);
    await new Promise((r) => setTimeout(r, 500));
    expect(third.repliesTo(11)).toEqual([]);
  });
});
