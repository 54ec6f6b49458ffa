import type { KnowledgeIndex } from '../knowledge/index-knowledge.js';
import { splitPassages } from '../retrieval/build-index.js';
import type { Answer } from './answer.js';

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
    excerpt: splitPassages(entry.body)[0]!,
    entry: { id: entry.id, title: entry.title, topic: entry.topic, sources: entry.sources },
  };
}
