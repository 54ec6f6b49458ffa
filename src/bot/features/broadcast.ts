import { Composer, InlineKeyboard } from 'grammy';
import { BroadcastRuleError, type Audience, type Broadcast } from '../../broadcasts/broadcast-store.js';
import { formatLocalTime, parseLocalTime } from '../../broadcasts/local-time.js';
import type { BotDeps } from '../bot-deps.js';
import { decodeCallback, encodeCallback, type BroadcastAction } from '../callback-data.js';
import type { BotContext } from '../context.js';

/**
 * Composing and approving broadcasts in a private chat with the bot (admins and broadcasters):
 * `/broadcast [YYYY-MM-DD HH:MM]`, then the message as it should arrive (copied with copyMessage,
 * so formatting and media stay exactly as composed), then the audience and "Request approval".
 * Another admin or broadcaster approves or rejects (with a reason) from a private message.
 * `/broadcasts` lists recent ones, with Cancel on those not finished. To anyone else these commands
 * are unknown commands.
 */
export function broadcastFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  const direct = composer.chatType('private');
  // Who is composing (and for when), and who is writing a rejection reason. In memory: after a
  // restart, /broadcast again; nothing half-made is ever sent.
  const composing = new Map<number, { at: number | null }>();
  const rejecting = new Map<number, number>();
  const mayBroadcast = (userId: number) => ['admin', 'broadcaster'].includes(deps.staff.find(userId)?.role ?? '');

  const audienceName = (ctx: BotContext, a: Audience) => ctx.t(`broadcast.audience.${a.language ?? 'all'}`) + (a.topic ? ` · ${ctx.t(`topics.${a.topic}`)}` : '') + (a.governorate ? ` · ${ctx.t(`governorate.names.${a.governorate}`)}` : '');
  const when = (ctx: BotContext, b: Broadcast) => (b.scheduledAt ? `${formatLocalTime(b.scheduledAt)} (Asia/Baghdad)` : ctx.t('broadcast.now'));
  const previewText = (ctx: BotContext, b: Broadcast) =>
    ctx.t('broadcast.preview', { id: b.id, audience: audienceName(ctx, b.audience), when: when(ctx, b), count: deps.broadcasts.audienceSize(b.audience) });
  const button = (ctx: BotContext, id: number, action: BroadcastAction, label: string) => [ctx.t(label), encodeCallback({ kind: 'broadcast', broadcastId: id, action })] as const;
  const composeKeyboard = (ctx: BotContext, b: Broadcast) =>
    new InlineKeyboard()
      .text(...button(ctx, b.id, 'all', 'broadcast.audience.all'))
      .text(...button(ctx, b.id, 'ar', 'broadcast.audience.ar'))
      .text(...button(ctx, b.id, 'en', 'broadcast.audience.en'))
      .text(...button(ctx, b.id, 'ckb', 'broadcast.audience.ckb'))
      .row()
      .text(...button(ctx, b.id, 'request', 'broadcast.button.request'))
      .text(...button(ctx, b.id, 'cancel', 'broadcast.button.cancel'));

  direct.command('broadcast', async (ctx, next) => {
    if (!mayBroadcast(ctx.from.id)) return next();
    let at: number | null = null;
    if (ctx.match.trim()) {
      const parsed = parseLocalTime(ctx.match);
      if (parsed === undefined || parsed < Date.now()) return ctx.reply(ctx.t('broadcast.badTime'));
      at = parsed;
    }
    composing.set(ctx.from.id, { at });
    await ctx.reply(ctx.t('broadcast.send'));
  });

  direct.command('broadcasts', async (ctx, next) => {
    if (!mayBroadcast(ctx.from.id)) return next();
    const list = deps.broadcasts.list(10);
    if (list.length === 0) return ctx.reply(ctx.t('broadcast.none'));
    const k = new InlineKeyboard();
    const lines = list.map((b) => {
      const s = deps.broadcasts.status(b.id)!;
      if (!['done', 'cancelled', 'rejected'].includes(b.state)) k.text(`🛑 #${b.id}`, encodeCallback({ kind: 'broadcast', broadcastId: b.id, action: 'cancel' }));
      return `#${b.id} ${ctx.t(`broadcast.state.${b.state}`)}${b.scheduledAt ? ` · ${formatLocalTime(b.scheduledAt)}` : ''} · ${s.sent}/${s.total || deps.broadcasts.audienceSize(b.audience)}`;
    });
    await ctx.reply([ctx.t('broadcast.list'), ...lines].join('\n'), { reply_markup: k });
  });

  // The message being composed, or a rejection reason. Anything else goes on to the citizen features.
  direct.on('message', async (ctx, next) => {
    const rejected = rejecting.get(ctx.from.id);
    if (rejected !== undefined && ctx.message.text && !ctx.message.text.startsWith('/')) {
      rejecting.delete(ctx.from.id);
      return reject(ctx, rejected, ctx.message.text.trim());
    }
    const draft = composing.get(ctx.from.id);
    if (!draft || (ctx.message.text ?? '').startsWith('/') || !mayBroadcast(ctx.from.id)) return next();
    composing.delete(ctx.from.id);
    const b = deps.broadcasts.create(ctx.from.id, { fromChatId: ctx.chat.id, messageId: ctx.message.message_id }, {}, draft.at);
    await ctx.api.copyMessage(ctx.chat.id, ctx.chat.id, ctx.message.message_id);
    await ctx.reply(previewText(ctx, b), { reply_markup: composeKeyboard(ctx, b) });
  });

  async function reject(ctx: BotContext, id: number, reason: string) {
    try {
      deps.broadcasts.reject(id, ctx.from!.id, reason);
    } catch (error) {
      if (error instanceof BroadcastRuleError) return void (await ctx.reply(ctx.t(`broadcast.rule.${error.code}`)));
      throw error;
    }
    const b = deps.broadcasts.find(id)!;
    await ctx.reply(ctx.t('broadcast.rejected', { id, reason }));
    await ctx.api.sendMessage(b.author, deps.translate('ar')('broadcast.rejected', { id, reason })).catch(() => undefined);
  }

  composer.on('callback_query:data', async (ctx, next) => {
    const callback = decodeCallback(ctx.callbackQuery.data);
    if (callback?.kind !== 'broadcast') return next();
    // Roles at the moment of the press: a removed broadcaster's buttons do nothing.
    if (!mayBroadcast(ctx.from.id)) return next();
    const b = deps.broadcasts.find(callback.broadcastId);
    if (!b) return next();
    await ctx.answerCallbackQuery();
    try {
      switch (callback.action) {
        case 'all':
        case 'ar':
        case 'en':
        case 'ckb': {
          if (b.author !== ctx.from.id) return;
          deps.broadcasts.setAudience(b.id, ctx.from.id, callback.action === 'all' ? {} : { language: callback.action }, b.scheduledAt);
          const updated = deps.broadcasts.find(b.id)!;
          await ctx.editMessageText(previewText(ctx, updated), { reply_markup: composeKeyboard(ctx, updated) }).catch(() => undefined);
          return;
        }
        case 'request': {
          if (b.author !== ctx.from.id) return;
          await ctx.editMessageReplyMarkup().catch(() => undefined);
          if (!deps.config.broadcast.approvals) {
            deps.broadcasts.approve(b.id, ctx.from.id);
            deps.wakeBroadcasts?.();
            return void (await ctx.reply(ctx.t('broadcast.approved', { id: b.id })));
          }
          deps.broadcasts.requestApproval(b.id, ctx.from.id);
          const approvers = deps.staff.list().filter((m) => m.userId !== b.author && (m.role === 'admin' || m.role === 'broadcaster'));
          if (approvers.length === 0) return void (await ctx.reply(ctx.t('broadcast.noApprover')));
          const t = deps.translate('ar');
          const count = deps.broadcasts.audienceSize(b.audience);
          for (const m of approvers) {
            await ctx.api.copyMessage(m.userId, b.fromChatId!, b.messageId!).catch(() => undefined);
            const keyboard = new InlineKeyboard()
              .text(t('broadcast.button.approve'), encodeCallback({ kind: 'broadcast', broadcastId: b.id, action: 'approve' }))
              .text(t('broadcast.button.reject'), encodeCallback({ kind: 'broadcast', broadcastId: b.id, action: 'reject' }));
            await ctx.api
              .sendMessage(m.userId, t('broadcast.approveAsk', { id: b.id, author: b.author, count, audience: audienceName(ctx, b.audience), when: when(ctx, b) }), { reply_markup: keyboard })
              .catch((error: unknown) => deps.logger.warn({ broadcast: b.id, staff: m.userId, error: String(error) }, 'approval request not delivered'));
          }
          return void (await ctx.reply(ctx.t('broadcast.requested', { id: b.id, count: approvers.length })));
        }
        case 'approve': {
          const approved = deps.broadcasts.approve(b.id, ctx.from.id);
          deps.wakeBroadcasts?.();
          await ctx.editMessageReplyMarkup().catch(() => undefined);
          await ctx.reply(ctx.t('broadcast.approved', { id: b.id }));
          await ctx.api.sendMessage(b.author, deps.translate('ar')('broadcast.approvedAuthor', { id: b.id, by: ctx.from.id, when: when(ctx, approved) })).catch(() => undefined);
          return;
        }
        case 'reject':
          rejecting.set(ctx.from.id, b.id);
          await ctx.editMessageReplyMarkup().catch(() => undefined);
          return void (await ctx.reply(ctx.t('broadcast.rejectReason')));
        case 'cancel':
          if (b.author !== ctx.from.id && deps.staff.find(ctx.from.id)?.role !== 'admin') return;
          if (deps.broadcasts.cancel(b.id, ctx.from.id)) {
            deps.wakeBroadcasts?.();
            await ctx.reply(ctx.t('broadcast.cancelled', { id: b.id }));
          }
          return;
      }
    } catch (error) {
      if (error instanceof BroadcastRuleError) return void (await ctx.reply(ctx.t(`broadcast.rule.${error.code}`)));
      throw error;
    }
  });
  return composer;
}
