import type { TFunction } from 'i18next';
import type { Answer } from '../answering/answer.js';
import { composeAnswer } from '../answering/compose-answer.js';
import { escapeHtml } from './escape-html.js';

/**
 * The answer as Telegram HTML: retrieved text escaped, each source a link under the answer.
 * Fallbacks and prompts reuse the plain composition, escaped.
 */
export function renderAnswerHtml(answer: Answer, t: TFunction): string {
  if (answer.kind !== 'answered') return escapeHtml(composeAnswer(answer, t));
  const lead = answer.uiLanguage === 'ar' ? [] : [`<i>${escapeHtml(t('answer.translationPending'))}</i>`];
  const sources = answer.entry.sources.map((s) => {
    const title = escapeHtml(s.title);
    const link = s.url ? `<a href="${escapeHtml(s.url).replace(/"/g, '&quot;')}">${title}</a>` : title;
    return `📚 ${t('answer.sourceLabel', { source: link })}`;
  });
  return [...lead, escapeHtml(answer.excerpt), '', ...sources].join('\n');
}
