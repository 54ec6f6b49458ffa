import { Composer } from 'grammy';
import { renderCaseCard } from '../../moderation/case-card.js';
import { canModerate } from '../../moderation/staff-store.js';
import type { BotDeps } from '../bot-deps.js';
import { decodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../escape-html.js';
import { resolveCase } from '../resolve-case.js';

const NOTE = /^\/note(?:@\w+)?\s+([\s\S]+)$/i;

/**
 * The review group: staff messages in a case's topic (or in reply to its card) go to the citizen
 * through the bot; `/note …` adds an internal note; the card's buttons take, resolve and label the
 * case. Installed before everything else: nothing said in the group is a citizen's question, and
 * what non-staff members write there is ignored.
 */
export function reviewGroupFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  const group = deps.reviewChatId;
  if (group === undefined) return composer;
  const t = deps.translate('ar');
  const inGroup = composer.filter((ctx) => ctx.chat?.id === group);

  /** The moderator acting now, checked against the staff table as it is at this moment. */
  const moderator = (userId: number | undefined) => {
    const member = userId === undefined ? undefined : deps.staff.find(userId);
    return canModerate(member) ? member : undefined;
  };

  inGroup.on('callback_query:data', async (ctx) => {
    const callback = decodeCallback(ctx.callbackQuery.data);
    const member = moderator(ctx.from.id);
    if (callback?.kind !== 'case' || !member) return ctx.answerCallbackQuery({ text: t('callback.expired') });
    const c = deps.cases.get(callback.caseId);
    if (!c) return ctx.answerCallbackQuery({ text: t('callback.expired') });
    switch (callback.action) {
      case 'take':
        await ctx.answerCallbackQuery({ text: deps.cases.take(c.id, member.userId) ? t('desk.took') : t('desk.alreadyResolved') });
        break;
      case 'resolve': {
        // The outcome is chosen on the card itself, then the case is resolved.
        const details = deps.cases.details(c.id);
        await ctx.answerCallbackQuery();
        if (details && c.status !== 'resolved') await ctx.editMessageReplyMarkup({ reply_markup: deps.desk!.keyboard(c.id, renderCaseCard(details, t, true).buttons) }).catch(() => undefined);
        return;
      }
      case 'outcome': {
        const { resolved, tell } = resolveCase({ ...deps, flushChat: deps.outbox.flushChat }, c.id, member.userId, callback.outcome!);
        await ctx.answerCallbackQuery({ text: resolved ? t('desk.resolved') : t('desk.alreadyResolved') });
        await tell();
        break;
      }
      case 'reopen':
        await ctx.answerCallbackQuery({ text: deps.cases.reopen(c.id, member.userId) ? t('desk.reopened') : t('desk.cannotReopen') });
        break;
      case 'gap': {
        deps.cases.addLabel(c.id, member.userId, 'knowledge-gap');
        // The question that opened the case joins the gap list (once), as every fallback does.
        const first = deps.cases.details(c.id)?.first;
        if (first && first.question && first.kind !== 'notice') deps.gaps.record(first.id, first.question);
        await ctx.answerCallbackQuery({ text: t('desk.gapRecorded') });
        break;
      }
      case 'note':
        await ctx.answerCallbackQuery({ text: t('desk.noteHow'), show_alert: true });
        return;
    }
    deps.desk?.wake();
  });

  inGroup.on('message', async (ctx) => {
    const member = moderator(ctx.from?.id);
    // Only staff are relayed; anything else in the group (members, bots, service messages) is not.
    if (!member || ctx.from!.is_bot) return;
    const thread = ctx.message.is_topic_message ? ctx.message.message_thread_id : undefined;
    const replyTo = ctx.message.reply_to_message?.message_id;
    const c = (thread !== undefined ? deps.cases.byThread(thread) : undefined) ?? (replyTo !== undefined ? deps.cases.byCard(replyTo) : undefined);
    if (!c) return;
    const text = ctx.message.text ?? ctx.message.caption;
    if (!text?.trim()) return void (await ctx.reply(t('desk.textOnly'), { ...(thread ? { message_thread_id: thread } : {}) }).catch(() => undefined));
    const note = NOTE.exec(text);
    if (note) {
      deps.cases.addNote(c.id, member.userId, note[1]!.trim());
      deps.desk?.wake();
      return;
    }
    if (text.startsWith('/')) return;
    if (c.status === 'resolved') {
      await ctx.reply(t('desk.resolvedNoRelay'), { ...(thread ? { message_thread_id: thread } : {}) }).catch(() => undefined);
      return;
    }
    // Stored before it is sent (the outbox), once per update: redelivery and restarts relay it once.
    const citizenT = deps.translate(c.language);
    const html = `<i>${escapeHtml(citizenT('desk.fromTeam'))}</i>\n\n${escapeHtml(text)}`;
    deps.cases.recordRelay(c, member.userId, ctx.update.update_id, text, html);
    deps.desk?.wake();
    await deps.outbox.flushChat(c.chatId);
  });

  // Nothing else said in the review group reaches the citizen features.
  inGroup.use(() => undefined);
  return composer;
}
