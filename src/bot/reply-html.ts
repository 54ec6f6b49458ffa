import type { InlineKeyboard } from 'grammy';
import type { BotContext } from './context.js';
import { splitMessage } from './split-message.js';

/** The one way features send text: HTML, split under Telegram's limit, buttons on the last part. */
export async function replyHtml(ctx: BotContext, html: string, keyboard?: InlineKeyboard): Promise<number | undefined> {
  const chunks = splitMessage(html);
  let lastId: number | undefined;
  for (const [i, chunk] of chunks.entries()) {
    const last = i === chunks.length - 1;
    const sent = await ctx.reply(chunk, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
    });
    lastId = sent.message_id;
  }
  return lastId;
}
