import type { TFunction } from 'i18next';
import type { Answer } from '../answering/answer.js';
import { answeredHead, cautionLines, composeAnswer, needsKurdistanLine, sourceDescription } from '../answering/compose-answer.js';
import type { Source } from '../knowledge/knowledge-entry.js';
import { escapeHtml } from './escape-html.js';

/**
 * The answer as Telegram HTML: retrieved text escaped, each source a link under the answer.
 * Fallbacks, small talk and prompts reuse the plain composition, escaped.
 */
export function renderAnswerHtml(answer: Answer, t: TFunction): string {
  if (answer.kind === 'urgent') {
    const advice = answer.entry ? [escapeHtml(answer.excerpt!), '', ...sourceLinks(answer.entry.sources, t), ''] : [];
    const region = needsKurdistanLine(answer) ? [escapeHtml(t('emergency.kurdistan')), ''] : [];
    // The notice is true here: the exchange is stored and flagged for moderators.
    return [`<b>${escapeHtml(t('urgent.lead'))}</b>`, '', ...region, ...advice, escapeHtml(t('urgent.notice'))].join('\n');
  }
  if (answer.kind !== 'answered') {
    const caution = cautionLines(answer, t).map((line) => `<b>${escapeHtml(line)}</b>`);
    const rest = composeAnswer({ ...answer, caution: undefined }, t);
    return [...caution, escapeHtml(rest)].join('\n');
  }
  const caution = cautionLines(answer, t).map((line) => `<b>${escapeHtml(line)}</b>`);
  const head = answeredHead(answer, t).map((line) => (answer.untranslated ? `<i>${escapeHtml(line)}</i>` : `<b>${escapeHtml(line)}</b>`));
  const note = answer.original ? [`<i>${escapeHtml(t('answer.translationNote'))}</i>`] : [];
  return [...caution, ...head, escapeHtml(answer.excerpt), ...note, '', ...sourceLinks(answer.entry.sources, t)].join('\n');
}

export function sourceLinks(sources: Source[], t: TFunction): string[] {
  return sources.map((s) => {
    const text = escapeHtml(sourceDescription(s, t));
    const link = s.url ? `<a href="${escapeHtml(s.url).replace(/"/g, '&quot;')}">${text}</a>` : text;
    return t('answer.source', { source: link, interpolation: { escapeValue: false } });
  });
}
