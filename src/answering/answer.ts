import type { Source, Topic } from '../knowledge/knowledge-entry.js';
import type { SearchHit } from '../retrieval/search-index.js';
import type { Language } from '../safety/detect-language.js';
import type { UrgentSignal } from '../safety/detect-urgent.js';

/** What every outcome records: enough for the conversation log and the eval. */
interface AnswerBase {
  question: string;
  normalized: string;
  language: Language;
  /** The language of the surrounding interface text. */
  uiLanguage: 'ar' | 'en' | 'ckb';
  confidence: number;
  /** Ranked entries with their scores, best first (at most a few). */
  hits: Pick<SearchHit, 'id' | 'score'>[];
}

export interface ServedEntry {
  id: string;
  title: string;
  topic: Topic;
  sources: Source[];
}

/** The outcome of a question, as a value: composing it into text is a separate step. */
export type Answer =
  | (AnswerBase & { kind: 'answered'; entry: ServedEntry; excerpt: string })
  /** Danger: 911 first, then the category's pre-approved advice entry when there is one. */
  | (AnswerBase & { kind: 'urgent'; category: Extract<UrgentSignal, { urgent: true }>['category']; entry?: ServedEntry; excerpt?: string })
  | (AnswerBase & { kind: 'fallback'; reason: 'no-match' | 'low-confidence' })
  | (AnswerBase & { kind: 'empty' });
