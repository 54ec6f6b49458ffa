import type { Source, Topic } from '../knowledge/knowledge-entry.js';
import type { SearchHit } from '../retrieval/search-index.js';
import type { Language } from '../safety/detect-language.js';
import type { UrgentSignal } from '../safety/detect-urgent.js';
import type { UrgentCategory } from '../safety/urgent-categories.js';
import type { Detail } from './detect-detail-request.js';
import type { SmalltalkTopic } from './detect-smalltalk.js';

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
  /**
   * The message may signal danger (detect-urgent.ts, "possibly urgent"): the answer is given as
   * usual, with a line of 911 on top, and moderators get a `possibly-urgent` flag.
   */
  caution?: { category?: UrgentCategory };
}

export interface ServedEntry {
  id: string;
  title: string;
  topic: Topic;
  /** The sources of the text shown, at most two (SOURCES_SHOWN). */
  sources: Source[];
  /** Every source of the entry, for "more sources". */
  allSources: Source[];
}

/** An entry offered under a fallback: its id and its title in the reader's language. */
export interface Suggestion {
  id: string;
  title: string;
}

/** The outcome of a question, as a value: composing it into text is a separate step. */
export type Answer =
  | (AnswerBase & {
      kind: 'answered';
      entry: ServedEntry;
      /** The paragraph shown, in the reader's language when a translation exists. */
      excerpt: string;
      /** Which paragraph of the entry (0: the lead). */
      passage: number;
      /** The Arabic original of `excerpt` when `excerpt` is a translation; else undefined. */
      original?: string;
      /** The reader asked in English or Kurdish but the entry has no translation yet. */
      untranslated: boolean;
    })
  /** Danger: 911 first, then the category's pre-approved advice entry when there is one. */
  | (AnswerBase & { kind: 'urgent'; category: Extract<UrgentSignal, { level: 'urgent' }>['category']; entry?: ServedEntry; excerpt?: string })
  /**
   * No answer trusted enough. `suggestions`: the best entries when the confidence came close
   * (answer-question.ts, SUGGESTION_FLOOR), offered as «did you mean…?» buttons, never as an answer.
   */
  | (AnswerBase & { kind: 'fallback'; reason: 'no-match' | 'low-confidence'; suggestions: Suggestion[] })
  /** The best entry names the place but not the address, link, hours or booking asked for. */
  | (AnswerBase & { kind: 'fallback'; reason: 'missing-detail'; detail: Detail; suggestions: Suggestion[] })
  /** A greeting, thanks, "who are you", an insult or nonsense: a short reply pointing to what the bot does. */
  | (AnswerBase & { kind: 'smalltalk'; topic: SmalltalkTopic })
  | (AnswerBase & { kind: 'empty' });

/** The kinds of the answer contract (DESIGN.md), as stored in the conversation log. */
export type AnswerKind = 'answered' | 'fallback' | 'urgent' | 'possibly-urgent' | 'smalltalk' | 'empty';

export function kindOf(answer: Answer): AnswerKind {
  return answer.caution && answer.kind !== 'urgent' ? 'possibly-urgent' : answer.kind;
}

// Under an answer, the sources of the text shown; the rest are one tap away.
export const SOURCES_SHOWN = 2;
