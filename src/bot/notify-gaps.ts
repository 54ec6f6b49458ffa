import type { AnswerQuestion } from '../answering/answer-question.js';
import type { Translate } from '../i18n/create-i18n.js';
import type { Logger } from '../logger.js';
import type { CaseStore } from '../moderation/case-store.js';
import type { GapStore } from '../moderation/gap-store.js';
import { escapeHtml } from './escape-html.js';
import type { Outbox } from './outbox.js';
import { renderAnswerHtml } from './render-answer.js';

/**
 * After the knowledge index changed: each gap somebody waits on is asked again; when an approved
 * entry now answers it, the gap records that entry and each waiting citizen gets one message with
 * the answer in their language (stored, then sent by the outbox, like every answer).
 */
export async function notifyAnsweredGaps(deps: { gaps: GapStore; cases: CaseStore; answerQuestion: AnswerQuestion; translate: Translate; outbox: Outbox; logger: Logger }): Promise<number> {
  let told = 0;
  for (const gap of deps.gaps.watched()) {
    const probe = deps.answerQuestion(gap.question);
    if (probe.kind !== 'answered') continue;
    deps.gaps.markAnswered(gap.id, probe.entry.id);
    for (const watcher of deps.gaps.watchersOf(gap.id)) {
      const answer = deps.answerQuestion(gap.question, { uiLanguage: watcher.language });
      const t = deps.translate(watcher.language);
      const html = `<i>${escapeHtml(t('gaps.nowAnswered'))}</i>\n«${escapeHtml(gap.question)}»\n\n${renderAnswerHtml(answer, t)}`;
      deps.cases.recordNotice({ chatId: watcher.chatId, userId: watcher.userId, language: watcher.language }, html);
      deps.gaps.markNotified(gap.id, watcher.userId);
      await deps.outbox.flushChat(watcher.chatId);
      told++;
    }
  }
  if (told) deps.logger.info({ citizens: told }, 'told citizens that their question now has an answer');
  return told;
}
