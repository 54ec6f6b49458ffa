import { Composer, InlineKeyboard } from 'grammy';
import { kindOf, type Answer } from '../../answering/answer.js';
import type { BotDeps } from '../bot-deps.js';
import { encodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../escape-html.js';
import { renderAnswerHtml } from '../render-answer.js';
import { replyHtml } from '../reply-html.js';
import { leadingCommand } from '../middleware/only-when-addressed.js';

// Questions are answered from their first 1,000 characters; a longer text is rarely one question.
export const MAX_QUESTION_CHARS = 1000;

// Button labels longer than this are cut: Telegram clients show about one line.
const LABEL_CHARS = 60;
export const buttonLabel = (title: string) => (title.length > LABEL_CHARS ? `${title.slice(0, LABEL_CHARS - 1)}…` : title);

export function answerKeyboard(ctx: BotContext, exchangeId: number, answer: Answer): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (answer.kind === 'answered') {
    keyboard
      .text('👍', encodeCallback({ kind: 'feedback', exchangeId, rating: 1 }))
      .text('👎', encodeCallback({ kind: 'feedback', exchangeId, rating: -1 }))
      .row();
    // The Arabic is the reference: a translated answer shows it on request.
    if (answer.original) keyboard.text(ctx.t('answer.showOriginal'), encodeCallback({ kind: 'original', exchangeId }));
    // At most two sources are shown; the rest are one tap away.
    if (answer.entry.allSources.length > answer.entry.sources.length) {
      keyboard.text(ctx.t('answer.moreSources', { count: answer.entry.allSources.length }), encodeCallback({ kind: 'sources', exchangeId }));
    }
    if (answer.original || answer.entry.allSources.length > answer.entry.sources.length) keyboard.row();
  }
  if (answer.kind === 'fallback') {
    // Entries that came close, one tap away; the rank points into the exchange's stored hits.
    answer.suggestions.forEach((s, i) => keyboard.text(buttonLabel(s.title), encodeCallback({ kind: 'pick', exchangeId, rank: i + 1 })).row());
    // A question nobody has answered yet: the citizen may ask to be told when there is an answer.
    keyboard.text(ctx.t('buttons.notify'), encodeCallback({ kind: 'notify', exchangeId })).row();
  }
  return keyboard.text(ctx.t('buttons.human'), encodeCallback({ kind: 'human', exchangeId }));
}

/**
 * Answers `question`: the exchange (with its answer and buttons) is stored first, then the outbox
 * sends it, so a failed send is retried later rather than lost. An update handled again after a
 * crash finds its stored answer and does not compute or send a second one.
 */
export async function answerAndLog(ctx: BotContext, deps: BotDeps, question: string, answer?: Answer): Promise<void> {
  const earlier = deps.exchanges.findByUpdate(ctx.update.update_id);
  let gap: (() => void) | undefined;
  if (!earlier) {
    const truncated = question.length > MAX_QUESTION_CHARS;
    // The whole message goes in: danger is looked for everywhere; retrieval reads only the start.
    const result = answer ?? deps.answerQuestion(question, ctx.langChosen ? { uiLanguage: ctx.lang } : {});
    const t = deps.translate(result.uiLanguage);
    let html = renderAnswerHtml(result, t);
    if (truncated) html = `<i>${escapeHtml(t('ask.truncated', { count: MAX_QUESTION_CHARS }))}</i>\n\n${html}`;
    const latencyMs = performance.now() - ctx.receivedAt;
    const exchangeId = deps.exchanges.record({
      updateId: ctx.update.update_id,
      chatId: ctx.chat!.id,
      userId: ctx.from!.id,
      answer: result,
      answerText: html,
      latencyMs,
      replyMarkup: (exchangeId) => answerKeyboard(ctx, exchangeId, result),
    });
    deps.metrics?.answered(kindOf(result), latencyMs);
    // Every fallback is a knowledge gap, grouped with the near-identical questions asked before:
    // after the answer is on its way, so that comparing with past gaps never delays it.
    if (result.kind === 'fallback') gap = () => deps.gaps.record(exchangeId, question);
  }
  await deps.outbox.flushChat(ctx.chat!.id);
  gap?.();
}

export function askFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  composer.on('message:text', async (ctx, next) => {
    // Telegram marks only /latin_words as commands: «/منو وزير الداخلية» is a question with a slash.
    if (leadingCommand(ctx.message)) return next();
    // In groups the bot is addressed by mention; the mention itself is not part of the question.
    const escaped = ctx.me.username.replace(/[^\w]/g, '\\$&');
    const question = ctx.message.text.replace(new RegExp(`(^|[^\\w@])@${escaped}(?!\\w)`, 'gi'), '$1').replace(/^\/+/, '').trim();
    if (!question) return replyHtml(ctx, escapeHtml(ctx.t('empty')));
    // While a moderator is talking with the citizen, their messages go to the case, not to
    // retrieval; danger is still looked for first, and a danger message still gets 911 at once.
    const handled = ctx.chat.type === 'private' ? deps.cases.openOf(ctx.from.id) : undefined;
    if (handled?.humanActive) {
      const answer = deps.answerQuestion(question, ctx.langChosen ? { uiLanguage: ctx.lang } : {});
      if (answer.kind !== 'urgent') {
        deps.cases.recordCitizenMessage(handled, ctx.update.update_id, question, answer.language);
        deps.desk?.wake();
        return;
      }
      await answerAndLog(ctx, deps, question, answer);
    } else await answerAndLog(ctx, deps, question);
    // A flag (urgent, fallback) opened or joined a case: the desk posts it without delaying this reply.
    deps.desk?.wake();
  });
  return composer;
}
