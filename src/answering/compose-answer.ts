import type { TFunction } from 'i18next';
import { TOPICS, type Source } from '../knowledge/knowledge-entry.js';
import type { Answer } from './answer.js';

function sourceLine(source: Source, t: TFunction): string {
  if (source.url) return t('answer.sourceWithUrl', { title: source.title, url: source.url });
  if (source.publisher) return t('answer.sourcePublisher', { title: source.title, publisher: source.publisher });
  return t('answer.source', { title: source.title });
}

/** The plain text a citizen sees for an answer, in the answer's interface language. */
export function composeAnswer(answer: Answer, t: TFunction): string {
  switch (answer.kind) {
    case 'empty':
      return t('empty');
    case 'fallback': {
      const topics = TOPICS.map((topic) => t(`topics.${topic}`)).join(t('listSeparator'));
      return [t('fallback.noAnswer'), t('fallback.topics', { topics }), t('fallback.contact')].join('\n');
    }
    case 'answered': {
      // The knowledge is Arabic; until translations exist, other languages get a localized lead line.
      const lead = answer.uiLanguage === 'ar' ? [] : [t('answer.translationPending')];
      const sources = answer.entry.sources.map((s) => sourceLine(s, t));
      return [...lead, answer.excerpt, '', ...sources].join('\n');
    }
  }
}

/** One line of the `ask --json` contract (DESIGN.md, "The answer contract"). */
export function toContract(answer: Answer, text: string) {
  const answered = answer.kind === 'answered';
  return {
    answer: text,
    sources: answered
      ? answer.entry.sources.map((s) => ({ id: answer.entry.id, title: s.title, url: s.url ?? null }))
      : [],
    confidence: Math.round(answer.confidence * 1000) / 1000,
    fallback: !answered,
    urgent: false,
    language: answer.language,
    topic: answered ? answer.entry.topic : null,
  };
}
