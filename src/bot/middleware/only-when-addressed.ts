import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.js';

/** In groups the bot speaks only when spoken to: commands, @mentions and replies to its messages. */
export const onlyWhenAddressed: MiddlewareFn<BotContext> = async (ctx, next) => {
  const message = ctx.message;
  if (!message || ctx.chat?.type === 'private') return next();
  const text = message.text ?? message.caption ?? '';
  const entities = message.entities ?? message.caption_entities ?? [];
  const command = entities.some((e) => e.type === 'bot_command' && e.offset === 0);
  const mention = text.toLowerCase().includes(`@${ctx.me.username.toLowerCase()}`);
  const reply = message.reply_to_message?.from?.id === ctx.me.id;
  if (command || mention || reply) return next();
};
