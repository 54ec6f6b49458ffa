import { createHash } from 'node:crypto';
import type { Db } from '../database/open-database.js';
import type { Logger } from '../logger.js';
import { analysisDataHash } from '../retrieval/load-analysis-data.js';
import { buildIndex, indexedContentHash } from '../retrieval/build-index.js';
import { loadEntryModel } from '../retrieval/entry-model.js';
import { createSearcher, DEFAULT_WEIGHTS, type Searcher } from '../retrieval/search-index.js';
import type { UrgentCategory } from '../safety/urgent-categories.js';
import type { KnowledgeEntry, TranslationLanguage } from './knowledge-entry.js';
import { indexPassages, type PassageStats, type PassageTerms } from '../retrieval/rank-passages.js';
import type { IndexDocument } from '../retrieval/build-index.js';
import { formatProblems, loadKnowledge } from './load-knowledge.js';
import { OperatorError } from '../operator-error.js';

// Bump when build-index.ts changes what it writes, so that old index files are rebuilt.
// 2: translations are indexed with their entry. 3: one unit per paragraph. 4: paragraph questions.
// 5: Sorani letters folded in the analysis. 6: stretched letters read once. 7: a final pair only of
// the letters chat doubles. 8: postings written with the index.
const INDEX_FORMAT = 8;

export class KnowledgeError extends OperatorError {
  override name = 'KnowledgeError';
}

export interface KnowledgeIndex {
  search: Searcher;
  /** Approved entries by id: the only ones ever served. */
  entries: Map<string, KnowledgeEntry>;
  /** The approved advice entry for each kind of emergency (front matter `urgent:`). */
  urgentEntryIds: Map<UrgentCategory, string>;
  /** Each entry's paragraphs, analyzed, per language (Arabic and its translations). */
  passages: Map<string, Partial<Record<'ar' | TranslationLanguage, PassageTerms[]>>>;
  passageStats: PassageStats;
  rebuilt: boolean;
}

/** What the search index holds of an entry: its Arabic text and every translation of it. */
function indexDocument(entry: KnowledgeEntry): IndexDocument {
  const translations = Object.values(entry.translations);
  return {
    id: entry.id,
    title: [entry.title, ...translations.map((t) => t.title)].join('\n'),
    questions: [...entry.questions, ...translations.flatMap((t) => t.questions)],
    // Paragraph i in every language is one unit: a question in any of them finds the same paragraph.
    passages: entry.passages.map((p, i) => [p.text, ...translations.map((t) => t.passages[i]!.text)].join('\n')),
    paragraphQuestions: entry.passages.map((_, i) =>
      [entry, ...translations].flatMap((version) => version.paragraph_questions[String(i + 1)] ?? []),
    ),
    topic: entry.topic,
    sources: entry.sources,
    file: entry.file,
  };
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
    buildIndex(db, approved.map(indexDocument), hash);
    logger.info({ entries: approved.length, ms: Math.round(performance.now() - started) }, 'knowledge index rebuilt');
  }
  const urgentEntryIds = new Map(approved.flatMap((e) => (e.urgent ? [[e.urgent, e.id] as const] : [])));
  // Every paragraph of every language, indexed together (for IDF), then handed back by entry.
  const versions = approved.map((e) => [['ar', e.passages] as const, ...Object.values(e.translations).map((t) => [t.language, t.passages] as const)]);
  const { terms, stats: passageStatsAll } = indexPassages(versions.flat().flatMap(([, list]) => list.map((p) => p.text)));
  let next = 0;
  const passages = new Map(approved.map((e, i) => [e.id, Object.fromEntries(versions[i]!.map(([language, list]) => [language, list.map(() => terms[next++]!)]))]));
  const entryModel = loadEntryModel(knowledge.contentHash);
  if (entryModel?.stale) logger.warn('the learned entry model predates the last change to the knowledge base: run npm run train:entries');
  return { search: createSearcher(db, DEFAULT_WEIGHTS, entryModel), entries: new Map(approved.map((e) => [e.id, e])), urgentEntryIds, passages, passageStats: passageStatsAll, rebuilt };
}
