import type { KnowledgeIndex } from '../knowledge/index-knowledge.js';
import { detectLanguage, uiLanguageOf } from '../safety/detect-language.js';
import { detectUrgent } from '../safety/detect-urgent.js';
import type { Answer } from './answer.js';
import { answerWithEntry } from './answer-with-entry.js';
import { CALIBRATION, confidenceOf } from './confidence.js';

export interface AnswerOptions {
  /** The user's chosen interface language; detected from the question when absent. */
  uiLanguage?: 'ar' | 'en' | 'ckb';
}

export type AnswerQuestion = (text: string, options?: AnswerOptions) => Answer;

export interface AnswerDeps {
  knowledge: KnowledgeIndex;
  /** Confidence below which the bot falls back; defaults to the calibrated threshold. */
  threshold?: number;
}

// Analysis reads this much of a message: enough for any real question, and it keeps a pasted
// 10,000-character text from costing more than a short one.
const MAX_QUESTION_CHARS = 1000;
const HITS_KEPT = 3;

/** The question-to-answer pipeline shared by the CLI, the terminal chat and the bot. */
export function createAnswerQuestion({ knowledge, threshold = CALIBRATION.threshold }: AnswerDeps): AnswerQuestion {
  return function answerQuestion(text, options = {}) {
    const question = text.trim();
    // Danger is decided first, on the whole message, and nothing retrieval says can undo it.
    const signal = detectUrgent(question);
    const language = detectLanguage(question);
    const uiLanguage = options.uiLanguage ?? uiLanguageOf(language);

    const { analysis, hits } = knowledge.search(question.slice(0, MAX_QUESTION_CHARS), HITS_KEPT);
    const base = {
      question,
      normalized: analysis.normalized,
      language,
      uiLanguage,
      hits: hits.map(({ id, score }) => ({ id, score })),
    };
    if (signal.urgent) {
      const advice = signal.category === 'unspecified' ? undefined : knowledge.urgentEntryIds.get(signal.category);
      const served = advice ? answerWithEntry(knowledge, advice, uiLanguage) : undefined;
      const entry = served?.kind === 'answered' ? { entry: served.entry, excerpt: served.excerpt } : {};
      return { ...base, kind: 'urgent', category: signal.category, ...entry, confidence: 1 };
    }
    if (analysis.stems.length === 0 && analysis.grams.length === 0) return { ...base, kind: 'empty', confidence: 0 };

    const best = hits[0];
    const confidence = confidenceOf(best);
    const entry = best && knowledge.entries.get(best.id);
    if (!best || !entry) return { ...base, kind: 'fallback', reason: 'no-match', confidence };
    if (confidence < threshold) return { ...base, kind: 'fallback', reason: 'low-confidence', confidence };

    // Entries open with the short answer a citizen needs; the details stay in the entry.
    return { ...answerWithEntry(knowledge, entry.id, uiLanguage)!, ...base, confidence };
  };
}
