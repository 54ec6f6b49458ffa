import { createHash } from 'node:crypto';
import type { Db } from '../database/open-database.js';
import type { Logger } from '../logger.js';
import { analysisDataHash } from '../retrieval/load-analysis-data.js';
import { buildIndex, indexedContentHash } from '../retrieval/build-index.js';
import { createSearcher, type Searcher } from '../retrieval/search-index.js';
import type { UrgentCategory } from '../safety/urgent-categories.js';
import type { KnowledgeEntry } from './knowledge-entry.js';
import { formatProblems, loadKnowledge } from './load-knowledge.js';
import { OperatorError } from '../operator-error.js';

// Bump when build-index.ts changes what it writes, so that old index files are rebuilt.
const INDEX_FORMAT = 1;

export class KnowledgeError extends OperatorError {
  override name = 'KnowledgeError';
}

export interface KnowledgeIndex {
  search: Searcher;
  /** Approved entries by id: the only ones ever served. */
  entries: Map<string, KnowledgeEntry>;
  /** The approved advice entry for each kind of emergency (front matter `urgent:`). */
  urgentEntryIds: Map<UrgentCategory, string>;
  rebuilt: boolean;
}

/**
 * Loads knowledge/, refuses to start on any malformed entry, and rebuilds the SQLite index only
 * when the entries, the analysis data or the index format changed since the last build.
 */
export function indexKnowledge(db: Db, dir: string, logger: Logger): KnowledgeIndex {
  const knowledge = loadKnowledge(dir);
  if (knowledge.problems.length) {
    throw new KnowledgeError(
      `The knowledge base has ${knowledge.problems.length} problem(s); fix them (npm run knowledge:check):\n` +
        formatProblems(knowledge.problems),
    );
  }
  const approved = knowledge.entries.filter((e) => e.status === 'approved');
  const hash = createHash('sha256')
    .update(`${INDEX_FORMAT}\0${analysisDataHash()}\0${knowledge.contentHash}`)
    .digest('hex');
  const rebuilt = indexedContentHash(db) !== hash;
  if (rebuilt) {
    const started = performance.now();
    buildIndex(db, approved, hash);
    logger.info({ entries: approved.length, ms: Math.round(performance.now() - started) }, 'knowledge index rebuilt');
  }
  const urgentEntryIds = new Map(approved.flatMap((e) => (e.urgent ? [[e.urgent, e.id] as const] : [])));
  return { search: createSearcher(db), entries: new Map(approved.map((e) => [e.id, e])), urgentEntryIds, rebuilt };
}
