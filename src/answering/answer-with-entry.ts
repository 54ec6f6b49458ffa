import type { KnowledgeIndex } from '../knowledge/index-knowledge.js';
import type { KnowledgeEntry, Source } from '../knowledge/knowledge-entry.js';
import type { Answer } from './answer.js';

/** The sources a passage cites; all of the entry's when it cites none (read-citations.ts). */
export function sourcesOfPassage(entry: KnowledgeEntry, position: number): Source[] {
  const cited = entry.passages[position]?.sources ?? [];
  return cited.length ? cited.map((i) => entry.sources[i]!) : entry.sources;
}

/**
 * The answer of one known entry, for buttons that name it (a topic's example questions, the
 * contact card): no retrieval, so no doubt; undefined if the entry is not approved.
 */
export function answerWithEntry(knowledge: KnowledgeIndex, entryId: string, uiLanguage: 'ar' | 'en' | 'ckb'): Answer | undefined {
  const entry = knowledge.entries.get(entryId);
  if (!entry) return undefined;
  return {
    kind: 'answered',
    question: entry.questions[0] ?? entry.title,
    normalized: '',
    language: 'ar',
    uiLanguage,
    confidence: 1,
    hits: [{ id: entry.id, score: 1 }],
    excerpt: entry.passages[0]!.text,
    entry: { id: entry.id, title: entry.title, topic: entry.topic, sources: sourcesOfPassage(entry, 0) },
  };
}
