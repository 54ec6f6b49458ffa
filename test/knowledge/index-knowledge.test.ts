import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/database/open-database.js';
import { indexKnowledge, KnowledgeError } from '../../src/knowledge/index-knowledge.js';
import { createLogger } from '../../src/logger.js';
import { entryFile, tempDir } from '../support/temp-dir.js';

const silent = createLogger('silent');

describe('indexKnowledge', () => {
  it('rebuilds the index only when the knowledge changes, and serves the new text', () => {
    const dir = tempDir({ 'police/a.md': entryFile({ questions: '\n  - "منو يحمي المحلة"' }, 'الجواب الأول.') });
    const db = openDatabase(join(tempDir(), 'aman.sqlite'));
    expect(indexKnowledge(db, dir, silent).rebuilt).toBe(true);
    expect(indexKnowledge(db, dir, silent).rebuilt).toBe(false);

    writeFileSync(join(dir, 'police/a.md'), entryFile({ questions: '\n  - "منو يحمي المحلة"' }, 'الجواب الثاني.'));
    const again = indexKnowledge(db, dir, silent);
    expect(again.rebuilt).toBe(true);
    expect(again.entries.get('police-test-entry')?.body).toBe('الجواب الثاني.');
    expect(again.search('منو يحمي المحلة').hits[0]?.id).toBe('police-test-entry');
    db.close();
  });

  it('never serves draft entries', () => {
    const dir = tempDir({
      'police/a.md': entryFile({ id: 'police-draft', status: 'draft', questions: '\n  - "سؤال المسودة"' }),
      'police/b.md': entryFile({ id: 'police-live', questions: '\n  - "سؤال منشور"' }),
    });
    const knowledge = indexKnowledge(openDatabase(':memory:'), dir, silent);
    expect([...knowledge.entries.keys()]).toEqual(['police-live']);
    expect(knowledge.search('سؤال المسودة').hits.map((h) => h.id)).not.toContain('police-draft');
  });

  it('refuses to start on a malformed entry, naming the file and the field', () => {
    const dir = tempDir({ 'police/a.md': entryFile({ title: null }) });
    expect(() => indexKnowledge(openDatabase(':memory:'), dir, silent)).toThrow(KnowledgeError);
    expect(() => indexKnowledge(openDatabase(':memory:'), dir, silent)).toThrow('police/a.md: title is missing');
  });
});
