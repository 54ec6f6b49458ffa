import type { MiddlewareFn } from 'grammy';
import type { Message } from 'grammy/types';
import type { BotContext } from '../context.js';

/** The command at the start of a message, if Telegram marked one: `/start` or `/start@some_bot`. */
export function leadingCommand(message: Pick<Message, 'text' | 'entities'>): { name: string; target?: string } | undefined {
  const entity = message.entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!entity || !message.text) return undefined;
  const [name, target] = message.text.slice(1, entity.length).split('@');
  return { name: name!.toLowerCase(), ...(target ? { target: target.toLowerCase() } : {}) };
}

/** Whether the text names this bot: `@aman_bot` as a whole word, not a prefix of `@aman_bot_fake`. */
export function mentions(text: string, username: string): boolean {
  const escaped = username.replace(/[^\w]/g, '\\$&');
  return new RegExp(`(^|[^\\w@])@${escaped}(?!\\w)`, 'i').test(text);
}

/**
 * In groups the bot speaks only when spoken to: its commands, @mentions and replies to its messages.
 * Anywhere, a command addressed to another bot (`/start@other_bot`) or sent by a bot is not ours.
 */
export const onlyWhenAddressed: MiddlewareFn<BotContext> = async (ctx, next) => {
  const message = ctx.message;
  if (!message) return next();
  const command = leadingCommand(message);
  if (command?.target && command.target !== ctx.me.username.toLowerCase()) return;
  if (ctx.chat?.type === 'private') return next();
  if (message.from?.is_bot) return;
  const text = message.text ?? message.caption ?? '';
  const reply = message.reply_to_message?.from?.id === ctx.me.id;
  if (command || mentions(text, ctx.me.username) || reply) return next();
};
