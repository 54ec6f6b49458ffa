import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/database/open-database.js';
import { indexKnowledge } from '../../src/knowledge/index-knowledge.js';
import { createLogger } from '../../src/logger.js';
import { loadPostings, readFtsPostings, type InvertedIndex } from '../../src/retrieval/load-postings.js';
import { DEFAULT_WEIGHTS } from '../../src/retrieval/search-index.js';
import { tempDir } from '../support/temp-dir.js';

/** Every term's postings as «rowid:tf» strings, whatever the term numbering. */
function byTerm(index: InvertedIndex): Map<string, string> {
  return new Map(
    [...index.terms].map(([term, n]) => {
      const postings: string[] = [];
      for (let i = index.offsets[n]!; i < index.offsets[n + 1]!; i++) postings.push(`${index.rowids[index.docs[i]!]}:${index.tfs[i]}`);
      return [term, postings.join(' ')];
    }),
  );
}

describe('the postings written with the index', () => {
  it('are exactly what FTS5 holds, for the shipped knowledge, and are what search reads', () => {
    const db = openDatabase(join(tempDir(), 'aman.sqlite'));
    indexKnowledge(db, 'knowledge', createLogger('silent'));
    for (const instances of ['stem_instances', 'gram_instances'] as const) {
      const stored = loadPostings(db, instances, DEFAULT_WEIGHTS.columns);
      const fts = readFtsPostings(db, instances, DEFAULT_WEIGHTS.columns);
      expect(stored.rowids).toEqual(fts.rowids);
      expect(Array.from(stored.lengths)).toEqual(Array.from(fts.lengths));
      expect(stored.averageLength).toBeCloseTo(fts.averageLength, 9);
      expect(byTerm(stored)).toEqual(byTerm(fts));
      expect(stored.terms.size).toBeGreaterThan(1000);
    }
    // Without them (an index written before they were), search reads FTS5 itself.
    db.exec('DELETE FROM postings');
    expect(loadPostings(db, 'stem_instances', DEFAULT_WEIGHTS.columns).terms.size).toBeGreaterThan(1000);
    db.close();
  });
});
