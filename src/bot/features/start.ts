import { Composer, InlineKeyboard } from 'grammy';
import { TOPICS } from '../../knowledge/knowledge-entry.js';
import { encodeCallback } from '../callback-data.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../escape-html.js';
import { replyHtml } from '../reply-html.js';

export function topicKeyboard(ctx: BotContext): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  TOPICS.forEach((topic, i) => {
    keyboard.text(ctx.t(`topics.${topic}`), encodeCallback({ kind: 'topic', topic }));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard;
}

/** /start: a short welcome, one line on privacy, and the topics as buttons. */
export function startFeature() {
  const composer = new Composer<BotContext>();
  composer.command(['start', 'help', 'topics'], (ctx) =>
    replyHtml(ctx, `${escapeHtml(ctx.t('start.welcome'))}\n\n<i>${escapeHtml(ctx.t('start.privacy'))}</i>`, topicKeyboard(ctx)),
  );
  return composer;
}
