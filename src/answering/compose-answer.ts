import type { TFunction } from 'i18next';
import { TOPICS, type Source } from '../knowledge/knowledge-entry.js';
import type { Answer } from './answer.js';

function sourceLine(source: Source, t: TFunction): string {
  if (source.url) return t('answer.sourceWithUrl', { title: source.title, url: source.url });
  if (source.publisher) return t('answer.sourcePublisher', { title: source.title, publisher: source.publisher });
  return t('answer.source', { title: source.title });
}

// Whether 911 works inside the Kurdistan Region is not established (../shared/sources/08 §1.1), and
// the Region has numbers of its own: every emergency reply names them. An Arabic urgent advice entry
// that already names them makes the general line redundant.
const KURDISTAN_NUMBERS = /(?<!\d)(122|115|119)(?!\d)/;
export function needsKurdistanLine(answer: Answer): boolean {
  if (answer.kind !== 'urgent') return true;
  return !(answer.uiLanguage === 'ar' && answer.excerpt !== undefined && KURDISTAN_NUMBERS.test(answer.excerpt));
}

/**
 * The plain text a citizen sees for an answer, in the answer's interface language. Without
 * `sources`, the list of sources is left out (what the eval looks for facts in).
 */
export function composeAnswer(answer: Answer, t: TFunction, { sources: withSources = true } = {}): string {
  const sourceLines = (list: Source[]) => (withSources ? ['', ...list.map((s) => sourceLine(s, t))] : []);
  switch (answer.kind) {
    case 'empty':
      return t('empty');
    case 'fallback': {
      const topics = TOPICS.map((topic) => t(`topics.${topic}`)).join(t('listSeparator'));
      return [t('fallback.noAnswer'), t('fallback.topics', { topics }), t('fallback.contact'), t('emergency.kurdistan')].join('\n');
    }
    case 'answered': {
      // The knowledge is Arabic; until translations exist, other languages get a localized lead line.
      const lead = answer.uiLanguage === 'ar' ? [] : [t('answer.translationPending')];
      return [...lead, answer.excerpt, ...sourceLines(answer.entry.sources)].join('\n');
    }
    case 'urgent': {
      // 911 before anything else, in the reader's language; then the approved advice, if any.
      // (Only the bot, which flags the exchange for moderators, adds urgent.notice.)
      const advice = answer.entry ? ['', answer.excerpt!, ...sourceLines(answer.entry.sources)] : [];
      const region = needsKurdistanLine(answer) ? [t('emergency.kurdistan')] : [];
      return [t('urgent.lead'), ...region, ...advice].join('\n');
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
