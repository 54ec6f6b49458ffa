import type { KnowledgeIndex } from '../knowledge/index-knowledge.js';
import { splitJoinedWords } from '../retrieval/split-joined-words.js';
import { transliterateArabizi } from '../retrieval/transliterate-arabizi.js';
import type { SearchHit } from '../retrieval/search-index.js';
import { detectLanguage, uiLanguageOf, type Language } from '../safety/detect-language.js';
import { detectUrgent } from '../safety/detect-urgent.js';
import type { Answer } from './answer.js';
import { answerWithEntry } from './answer-with-entry.js';
import { CALIBRATION, confidenceOf } from './confidence.js';
import { detailAsked, holdsDetail } from './detect-detail-request.js';
import { detectSmalltalk, withoutOpening } from './detect-smalltalk.js';

export interface AnswerOptions {
  /** The user's chosen interface language; detected from the question when absent. */
  uiLanguage?: 'ar' | 'en' | 'ckb';
}

export type AnswerQuestion = (text: string, options?: AnswerOptions) => Answer;

/** Answers a question with one entry the citizen chose among a fallback's suggestions. */
export type AnswerWithSuggestion = (text: string, entryId: string, options?: AnswerOptions) => Extract<Answer, { kind: 'answered' }> | undefined;

export interface AnswerDeps {
  knowledge: KnowledgeIndex;
  /** Confidence below which the bot falls back; defaults to the calibrated threshold. */
  threshold?: number;
}

// Analysis reads this much of a message: enough for any real question, and it keeps a pasted
// 10,000-character text from costing more than a short one.
const MAX_QUESTION_CHARS = 1000;
const HITS_KEPT = 3;

// Similarity to a curated question at which the message is that question (spelling aside).
const CURATED_MATCH = 0.9;

// Messages shorter than this are one question already.
const STORY_WORDS = 14;

// Below the threshold but at least this sure, the best entries are offered as buttons under the
// fallback («did you mean…?»), never as an answer. Chosen on the tunable source-written rounds 3–5:
// two thirds of the answerable questions that fell back get a suggestion that carries their fact,
// while two off-topic questions in three get none (README, "Suggestions under a fallback").
export const SUGGESTION_FLOOR = 0.15;
const SUGGESTIONS = 2;

/** The last sentence of a long message, when the message has more than one; undefined otherwise. */
function lastQuestion(text: string): string | undefined {
  if (text.split(/\s+/).length < STORY_WORDS) return undefined;
  const sentences = text.split(/[.،,؛;!?؟\n]+/).map((s) => s.trim()).filter((s) => s.split(/\s+/).length >= 2);
  return sentences.length > 1 ? sentences.at(-1) : undefined;
}

/**
 * The entries that match a message, best first, and its analysis: the message without a greeting
 * opening, Arabizi also in Arabic script, and a long story's last sentence when that reads better.
 */
function searchMessage(knowledge: KnowledgeIndex, question: string, language: Language) {
  // Arabizi is searched in Arabic script too, so that it meets the Arabic entries.
  const head = withoutOpening(question.slice(0, MAX_QUESTION_CHARS));
  const arabic = language === 'arabizi' ? `${head}\n${transliterateArabizi(head)}` : head;
  // Words typed without a space between them are searched in pieces too.
  const joined = splitJoinedWords(arabic);
  const searched = joined ? `${arabic}\n${joined}` : arabic;
  let { analysis, hits } = knowledge.search(searched, HITS_KEPT);
  // A story first and the question last («ابني عمره 19 ولكيت بغرفته حبوب … وين اوديه؟»): the
  // question alone is searched too, and the reading the confidence model trusts more is kept.
  const asked = lastQuestion(searched);
  if (asked) {
    const reduced = knowledge.search(asked, HITS_KEPT);
    if (confidenceOf(reduced.hits) > confidenceOf(hits)) ({ analysis, hits } = reduced);
  }
  return { analysis, hits };
}

/**
 * The question-to-answer pipeline shared by the CLI, the terminal chat and the bot, in order:
 * danger, language, small talk, retrieval, confidence, the paragraph that answers.
 */
export function createAnswerQuestion({ knowledge, threshold = CALIBRATION.threshold }: AnswerDeps): AnswerQuestion {
  return function answerQuestion(text, options = {}) {
    const question = text.trim();
    // Danger is decided first, on the whole message, and nothing retrieval says can undo it.
    const signal = detectUrgent(question);
    const language = detectLanguage(question);
    const uiLanguage = options.uiLanguage ?? uiLanguageOf(language);

    const { analysis, hits } = searchMessage(knowledge, question, language);
    const base = {
      question,
      normalized: analysis.normalized,
      language,
      uiLanguage,
      hits: hits.map(({ id, score }) => ({ id, score })),
    };
    if (signal.level === 'urgent') {
      const adviceId = signal.category === 'unspecified' ? undefined : knowledge.urgentEntryIds.get(signal.category);
      const advice = adviceId ? answerWithEntry(knowledge, adviceId, uiLanguage) : undefined;
      const entry = advice ? { entry: advice.entry, excerpt: advice.excerpt } : {};
      return { ...base, kind: 'urgent', category: signal.category, ...entry, confidence: 1 };
    }
    // Possibly urgent: answered as usual, with a line of 911 on top (compose-answer.ts).
    const caution = signal.level === 'possible' ? { caution: signal.category ? { category: signal.category } : {} } : {};

    const smalltalk = detectSmalltalk(question);
    if (smalltalk) return { ...base, ...caution, kind: 'smalltalk', topic: smalltalk, confidence: 1 };
    if (analysis.stems.length === 0 && analysis.grams.length === 0) return { ...base, ...caution, kind: 'empty', confidence: 0 };

    const best = hits[0];
    // A message that is one of the entry's own curated questions (reviewed as answered by it) is
    // answered whatever the other signals say: «رقم الاسعاف شكد» is written in the 911 entry.
    const curated = best !== undefined && best.questionMatch >= CURATED_MATCH;
    const scored = confidenceOf(hits);
    const confidence = curated ? Math.max(scored, threshold) : scored;
    const entry = best && knowledge.entries.get(best.id);
    // An address, a link, opening hours, a booking or another country: when the answer would not
    // hold it, the fallback says which detail we do not have, with the entry one tap away, and the
    // question is a knowledge gap (detect-detail-request.ts).
    const detail = detailAsked(question);
    const fallback = (reason: 'no-match' | 'low-confidence', offered: SearchHit[]) => {
      const suggestions = offered.map((h) => suggestionOf(knowledge, h.id, uiLanguage)).filter((x) => x !== undefined);
      return detail ? { ...base, ...caution, kind: 'fallback' as const, reason: 'missing-detail' as const, detail, confidence, suggestions } : { ...base, ...caution, kind: 'fallback' as const, reason, confidence, suggestions };
    };
    if (!best || !entry) return fallback('no-match', []);
    if (confidence < threshold) return fallback('low-confidence', confidence >= SUGGESTION_FLOOR ? hits.slice(0, SUGGESTIONS) : []);

    // The paragraph of the entry that answers this question, in the reader's language if written.
    const answered = answerWithEntry(knowledge, entry.id, uiLanguage, analysis, best)!;
    if (detail && !holdsDetail(detail, `${answered.excerpt}\n${answered.original ?? ''}`, question)) return fallback('low-confidence', hits.slice(0, SUGGESTIONS));
    return { ...answered, ...base, ...caution, confidence };
  };
}

function suggestionOf(knowledge: KnowledgeIndex, id: string, uiLanguage: 'ar' | 'en' | 'ckb') {
  const entry = knowledge.entries.get(id);
  if (!entry) return undefined;
  const translation = uiLanguage === 'ar' ? undefined : entry.translations[uiLanguage];
  return { id, title: translation?.title ?? entry.title };
}

/**
 * The answer a suggestion's button gives: the chosen entry, with the paragraph that answers the
 * original question (as if the entry had ranked first and been trusted).
 */
export function createAnswerWithSuggestion(knowledge: KnowledgeIndex): AnswerWithSuggestion {
  return (text, entryId, options = {}) => {
    const question = text.trim();
    const language = detectLanguage(question);
    const uiLanguage = options.uiLanguage ?? uiLanguageOf(language);
    const { analysis, hits } = searchMessage(knowledge, question, language);
    const hit = hits.find((h) => h.id === entryId);
    const answer = answerWithEntry(knowledge, entryId, uiLanguage, analysis, hit);
    return answer && { ...answer, question, normalized: analysis.normalized, language, confidence: hit ? confidenceOf(hits.slice(hits.indexOf(hit))) : 0 };
  };
}
