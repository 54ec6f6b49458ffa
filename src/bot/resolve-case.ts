import type { Translate } from '../i18n/create-i18n.js';
import type { CaseRow, CaseStore, Outcome } from '../moderation/case-store.js';
import { escapeHtml } from './escape-html.js';

/**
 * Resolves a case with its outcome. When a moderator had been talking with the citizen (or the
 * citizen asked for a human), `tell` lets the citizen know, in their language, that the bot
 * answers again; the caller runs it after its own reply, so that a slow send never delays that.
 * The review group and the web console resolve through here.
 */
export function resolveCase(
  deps: { cases: CaseStore; translate: Translate; flushChat: (chatId: number) => Promise<void> },
  caseId: number,
  staffId: number,
  outcome: Outcome,
): { resolved: CaseRow | undefined; tell: () => Promise<void> } {
  const labels = deps.cases.details(caseId)?.labels ?? [];
  const resolved = deps.cases.resolve(caseId, staffId, outcome);
  const tell = async () => {
    if (!resolved || (!resolved.humanActive && !labels.includes('asked-for-human'))) return;
    deps.cases.recordNotice(resolved, escapeHtml(deps.translate(resolved.language)('desk.backToBot')));
    await deps.flushChat(resolved.chatId);
  };
  return { resolved, tell };
}
