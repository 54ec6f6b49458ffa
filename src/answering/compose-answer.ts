import type { TFunction } from 'i18next';
import { TOPICS, type Source } from '../knowledge/knowledge-entry.js';
import { kindOf, type Answer } from './answer.js';

// Sources are the knowledge index's own objects and live as long as it: each line is composed once
// per language (three i18next calls per source under every answer showed in bench:bot's profile).
const described = new WeakMap<Source, Map<TFunction, string>>();

/** A source as one line: title, publisher and date, then the address. */
export function sourceDescription(source: Source, t: TFunction): string {
  let byLanguage = described.get(source);
  if (!byLanguage) described.set(source, (byLanguage = new Map()));
  let line = byLanguage.get(t);
  if (line === undefined) {
    const by = [source.publisher, source.date].filter(Boolean).join(t('listSeparator'));
    byLanguage.set(t, (line = by ? t('answer.sourceBy', { title: source.title, by }) : source.title));
  }
  return line;
}

function sourceLine(source: Source, t: TFunction): string {
  const line = t('answer.source', { source: sourceDescription(source, t) });
  return source.url ? `${line}\n${source.url}` : line;
}

// Whether 911 works inside the Kurdistan Region is not established (../shared/sources/08 §1.1), and
// the Region has numbers of its own: every emergency reply names them. An Arabic urgent advice entry
// that already names them makes the general line redundant.
const KURDISTAN_NUMBERS = /(?<!\d)(122|115|119)(?!\d)/;
export function needsKurdistanLine(answer: Answer): boolean {
  if (answer.kind !== 'urgent') return true;
  return !(answer.uiLanguage === 'ar' && answer.excerpt !== undefined && KURDISTAN_NUMBERS.test(answer.excerpt));
}

/** Lines that come before the answer itself: 911 when the message may signal danger. */
export function cautionLines(answer: Answer, t: TFunction): string[] {
  return answer.caution && answer.kind !== 'urgent' ? [t('urgent.possible')] : [];
}

/** What precedes an answered excerpt: a note when the reader's language is not yet available. */
export function answeredHead(answer: Extract<Answer, { kind: 'answered' }>, t: TFunction): string[] {
  if (answer.untranslated) return [t('answer.translationPending')];
  // A later paragraph does not name its entry the way a lead does: the title gives it context.
  return answer.passage > 0 ? [answer.entry.title] : [];
}

/**
 * The plain text a citizen sees for an answer, in the answer's interface language. Without
 * `sources`, the list of sources is left out (what the eval looks for facts in).
 */
export function composeAnswer(answer: Answer, t: TFunction, { sources: withSources = true } = {}): string {
  const sourceLines = (list: Source[]) => (withSources ? ['', ...list.map((s) => sourceLine(s, t))] : []);
  const caution = cautionLines(answer, t);
  switch (answer.kind) {
    case 'empty':
      return [...caution, t('empty')].join('\n');
    case 'smalltalk':
      return [...caution, t(`smalltalk.${answer.topic}`, { topics: TOPICS.map((topic) => t(`topics.${topic}`)).join(t('listSeparator')) })].join('\n');
    case 'fallback': {
      const topics = TOPICS.map((topic) => t(`topics.${topic}`)).join(t('listSeparator'));
      // Entries that came close: offered, not asserted (the bot shows them as buttons too).
      const suggestions = answer.suggestions.length ? [t('fallback.suggestions'), ...answer.suggestions.map((s, i) => `${i + 1}. ${s.title}`)] : [];
      // A detail asked for and not held says which: «we have no verified address for this».
      const head = answer.reason === 'missing-detail' ? t(`fallback.missingDetail.${answer.detail}`) : t('fallback.noAnswer');
      return [...caution, head, ...suggestions, t('fallback.topics', { topics }), t('fallback.contact'), t('emergency.kurdistan')].join('\n');
    }
    case 'answered': {
      // A translation says so: the Arabic text is what was verified.
      const note = answer.original ? [t('answer.translationNote')] : [];
      return [...caution, ...answeredHead(answer, t), answer.excerpt, ...note, ...sourceLines(answer.entry.sources)].join('\n');
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

/** One line of the `ask --json` contract (DESIGN.md, "The answer contract"), with `kind`. */
export function toContract(answer: Answer, text: string) {
  const entry = answer.kind === 'answered' || answer.kind === 'urgent' ? answer.entry : undefined;
  const kind = kindOf(answer);
  return {
    answer: text,
    sources: entry ? entry.sources.map((s) => ({ id: entry.id, title: s.title, url: s.url ?? null })) : [],
    confidence: Math.round(answer.confidence * 1000) / 1000,
    fallback: answer.kind === 'fallback' || answer.kind === 'empty',
    urgent: answer.kind === 'urgent',
    kind,
    language: answer.language,
    topic: entry ? entry.topic : answer.kind === 'urgent' ? 'emergency' : null,
    suggestions: answer.kind === 'fallback' ? answer.suggestions : [],
  };
}
