import { Composer } from 'grammy';
import type { UserStore } from '../../conversations/user-store.js';
import type { BotContext } from '../context.js';

/** A user who blocks the bot ("kicked" in a private chat) must get nothing more, broadcasts included. */
export function trackMembership(users: UserStore) {
  const composer = new Composer<BotContext>();
  composer.on('my_chat_member', (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (ctx.chat.type === 'private' && status === 'kicked') users.markBlocked(ctx.from.id);
  });
  return composer;
}
