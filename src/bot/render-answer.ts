import type { TFunction } from 'i18next';
import type { Answer } from '../answering/answer.js';
import type { Source } from '../knowledge/knowledge-entry.js';
import { composeAnswer, needsKurdistanLine } from '../answering/compose-answer.js';
import { escapeHtml } from './escape-html.js';

/**
 * The answer as Telegram HTML: retrieved text escaped, each source a link under the answer.
 * Fallbacks and prompts reuse the plain composition, escaped.
 */
export function renderAnswerHtml(answer: Answer, t: TFunction): string {
  if (answer.kind === 'urgent') {
    const advice = answer.entry ? [escapeHtml(answer.excerpt!), '', ...sourceLinks(answer.entry.sources, t), ''] : [];
    // The notice is true here: the exchange is stored and flagged for moderators.
    const region = needsKurdistanLine(answer) ? [escapeHtml(t('emergency.kurdistan')), ''] : [];
    return [`<b>${escapeHtml(t('urgent.lead'))}</b>`, '', ...region, ...advice, escapeHtml(t('urgent.notice'))].join('\n');
  }
  if (answer.kind !== 'answered') return escapeHtml(composeAnswer(answer, t));
  const lead = answer.uiLanguage === 'ar' ? [] : [`<i>${escapeHtml(t('answer.translationPending'))}</i>`];
  return [...lead, escapeHtml(answer.excerpt), '', ...sourceLinks(answer.entry.sources, t)].join('\n');
}

function sourceLinks(sources: Source[], t: TFunction): string[] {
  return sources.map((s) => {
    const title = escapeHtml(s.title);
    const link = s.url ? `<a href="${escapeHtml(s.url).replace(/"/g, '&quot;')}">${title}</a>` : title;
    return `📚 ${t('answer.sourceLabel', { source: link })}`;
  });
}
