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

/** The paragraphs shown for `position`: a later paragraph comes with the lead after it. */
function shownPassages(position: number): number[] {
  return position > 0 ? [position, 0] : [0];
}

/**
 * The text shown for paragraph `position` of an entry (its Arabic, or a translation's paragraphs).
 * A later paragraph holds the figure or the detail asked for, but not what the entry is about: the
 * lead follows it as context («launched on 9 January 2025» says little without «911 is free, 24 h»).
 */
export function excerptOf(passages: { text: string }[], position: number): string {
  return shownPassages(position).map((i) => passages[i]!.text).join('\n\n');
}

export function servedEntry(entry: KnowledgeEntry, position: number): ServedEntry {
  // The sources of the text shown: the answering paragraph's first, then the lead's.
  const sources = [...new Set(shownPassages(position).flatMap((i) => sourcesOfPassage(entry, i)))];
  return { id: entry.id, title: entry.title, topic: entry.topic, sources: sources.slice(0, SOURCES_SHOWN), allSources: entry.sources };
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
  const arabic = excerptOf(entry.passages, passage);
  return {
    kind: 'answered',
    question: entry.questions[0] ?? entry.title,
    normalized: '',
    language: 'ar',
    uiLanguage,
    confidence: 1,
    hits: [{ id: entry.id, score: 1 }],
    excerpt: translation ? excerptOf(translation.passages, passage) : arabic,
    passage,
    ...(translation ? { original: arabic } : {}),
    untranslated: uiLanguage !== 'ar' && !translation,
    entry: { ...servedEntry(entry, passage), ...(translation ? { title: translation.title } : {}) },
  };
}
