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
    case 'urgent': {
      // 911 before anything else, in the reader's language; then the approved advice, if any.
      // (Only the bot, which flags the exchange for moderators, adds urgent.notice.)
      const advice = answer.entry ? ['', answer.excerpt!, '', ...answer.entry.sources.map((s) => sourceLine(s, t))] : [];
      return [t('urgent.lead'), ...advice].join('\n');
    }
  }
}

/** One line of the `ask --json` contract (DESIGN.md, "The answer contract"). */
export function toContract(answer: Answer, text: string) {
  const entry = answer.kind === 'answered' || answer.kind === 'urgent' ? answer.entry : undefined;
  return {
    answer: text,
    sources: entry ? entry.sources.map((s) => ({ id: entry.id, title: s.title, url: s.url ?? null })) : [],
    confidence: Math.round(answer.confidence * 1000) / 1000,
    fallback: answer.kind === 'fallback' || answer.kind === 'empty',
    urgent: answer.kind === 'urgent',
    language: answer.language,
    topic: entry ? entry.topic : answer.kind === 'urgent' ? 'emergency' : null,
  };
}
