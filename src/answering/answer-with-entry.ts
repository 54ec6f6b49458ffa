import type { KnowledgeIndex } from '../knowledge/index-knowledge.js';
import type { KnowledgeEntry, Source } from '../knowledge/knowledge-entry.js';
import type { Analysis } from '../retrieval/analyze-text.js';
import { bestPassage, scorePassages } from '../retrieval/rank-passages.js';
import type { SearchHit } from '../retrieval/search-index.js';
import { SOURCES_SHOWN, type Answer, type ServedEntry } from './answer.js';

/** The sources a passage cites; all of the entry's when it cites none (read-citations.ts). */
export function sourcesOfPassage(entry: KnowledgeEntry, position: number): Source[] {
  const cited = entry.passages[position]?.sources ?? [];
  return cited.length ? cited.map((i) => entry.sources[i]!) : entry.sources;
}

export function servedEntry(entry: KnowledgeEntry, position: number): ServedEntry {
  return { id: entry.id, title: entry.title, topic: entry.topic, sources: sourcesOfPassage(entry, position).slice(0, SOURCES_SHOWN), allSources: entry.sources };
}

type Ui = 'ar' | 'en' | 'ckb';

/**
 * The answer of one known entry: the paragraph that answers `query` (the lead without one, as for
 * buttons that name the entry), in the reader's language when the entry has that translation.
 */
// A paragraph's own question this close to the message (and closer than the entry's questions,
// which speak for the lead) chooses that paragraph outright.
export const PARAGRAPH_QUESTION_MATCH = 0.25;
const SHORT_QUERY_STEMS = 2;
const SHORT_PARAGRAPH_MATCH = 0.5;

export function answerWithEntry(
  knowledge: KnowledgeIndex,
  entryId: string,
  uiLanguage: Ui,
  query?: Analysis,
  hit?: Pick<SearchHit, 'questionMatch' | 'paragraphMatch'>,
): Extract<Answer, { kind: 'answered' }> | undefined {
  const entry = knowledge.entries.get(entryId);
  if (!entry) return undefined;
  const translation = uiLanguage === 'ar' ? undefined : entry.translations[uiLanguage];
  // Paragraphs are compared in the language of the question's words: a translation's for an
  // English or Kurdish reader, the Arabic otherwise; both versions share their numbering.
  let passage = 0;
  if (query) {
    const byLanguage = knowledge.passages.get(entryId)!;
    const own = translation ? byLanguage[translation.language] : undefined;
    const asked = hit?.paragraphMatch;
    // Two words or fewer («عقوبة المتعاطي») ask what the entry is about: the lead answers that,
    // unless one of a paragraph's own questions is nearly the message.
    const short = new Set(query.stems).size <= SHORT_QUERY_STEMS;
    if (!short) {
      const scores = scorePassages(query, byLanguage.ar!, knowledge.passageStats);
      if (own) scorePassages(query, own, knowledge.passageStats).forEach((s, i) => (scores[i] = Math.max(scores[i]!, s)));
      passage = bestPassage(scores);
    }
    if (asked && asked.similarity >= (short ? SHORT_PARAGRAPH_MATCH : PARAGRAPH_QUESTION_MATCH) && asked.similarity > hit.questionMatch) passage = asked.passage;
  }
  const arabic = entry.passages[passage]!.text;
  return {
    kind: 'answered',
    question: entry.questions[0] ?? entry.title,
    normalized: '',
    language: 'ar',
    uiLanguage,
    confidence: 1,
    hits: [{ id: entry.id, score: 1 }],
    excerpt: translation ? translation.passages[passage]!.text : arabic,
    passage,
    ...(translation ? { original: arabic } : {}),
    untranslated: uiLanguage !== 'ar' && !translation,
    entry: { ...servedEntry(entry, passage), ...(translation ? { title: translation.title } : {}) },
  };
}
