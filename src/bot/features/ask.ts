import { Composer, InlineKeyboard } from 'grammy';
import type { Answer } from '../../answering/answer.js';
import type { BotDeps } from '../bot-deps.js';
import { encodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../escape-html.js';
import { renderAnswerHtml } from '../render-answer.js';
import { replyHtml } from '../reply-html.js';

// Questions are answered from their first 1,000 characters; a longer text is rarely one question.
export const MAX_QUESTION_CHARS = 1000;

export function answerKeyboard(ctx: BotContext, exchangeId: number, kind: Answer['kind']): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (kind === 'answered') {
    keyboard
      .text('👍', encodeCallback({ kind: 'feedback', exchangeId, rating: 1 }))
      .text('👎', encodeCallback({ kind: 'feedback', exchangeId, rating: -1 }))
      .row();
  }
  return keyboard.text(ctx.t('buttons.human'), encodeCallback({ kind: 'human', exchangeId }));
}

/**
 * Answers `question`, logging the exchange before sending so that nothing is lost if the send
 * fails, and resending the stored answer if Telegram redelivers the same update.
 */
export async function answerAndLog(ctx: BotContext, deps: BotDeps, question: string, answer?: Answer): Promise<void> {
  const updateId = ctx.update.update_id;
  const earlier = deps.exchanges.findByUpdate(updateId);
  if (earlier?.delivered) return;

  let exchangeId: number;
  let html: string;
  let kind: Answer['kind'];
  if (earlier) {
    [exchangeId, html, kind] = [earlier.id, earlier.answerText, earlier.answerKind];
  } else {
    const truncated = question.length > MAX_QUESTION_CHARS;
    // The whole message goes in: danger is looked for everywhere; retrieval reads only the start.
    const result = answer ?? deps.answerQuestion(question, ctx.langChosen ? { uiLanguage: ctx.lang } : {});
    const t = deps.translate(result.uiLanguage);
    html = renderAnswerHtml(result, t);
    if (truncated) html = `<i>${escapeHtml(t('ask.truncated', { count: MAX_QUESTION_CHARS }))}</i>\n\n${html}`;
    exchangeId = deps.exchanges.record({
      updateId,
      chatId: ctx.chat!.id,
      userId: ctx.from!.id,
      answer: result,
      answerText: html,
      latencyMs: performance.now() - ctx.receivedAt,
    });
    kind = result.kind;
  }
  await replyHtml(ctx, html, answerKeyboard(ctx, exchangeId, kind));
  deps.exchanges.markDelivered(exchangeId);
}

export function askFeature(deps: BotDeps) {
  const composer = new Composer<BotContext>();
  composer.on('message:text', async (ctx, next) => {
    const text = ctx.message.text;
    if (text.startsWith('/')) return next();
    // In groups the bot is addressed by mention; the mention itself is not part of the question.
    const username = ctx.me.username;
    const question = text.replace(new RegExp(`@${username}\\b`, 'gi'), '').trim();
    if (!question) return replyHtml(ctx, escapeHtml(ctx.t('empty')));
    await answerAndLog(ctx, deps, question);
  });
  return composer;
}
