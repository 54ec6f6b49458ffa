import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExchangeStore } from '../../src/conversations/exchange-store.js';
import { chatKeyOf, createInboxStore, HANDLED_KEPT_MS } from '../../src/conversations/inbox-store.js';
import { openDatabase } from '../../src/database/open-database.js';
import { tempDir } from '../support/temp-dir.js';

const message = (updateId: number, chatId: number, text: string, date = 1_700_000_000) => ({
  update_id: updateId,
  message: { message_id: updateId, date, chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'T' }, text },
});

function setup() {
  let clock = 1_000_000;
  const db = openDatabase(join(tempDir(), 'inbox.sqlite'));
  return { db, inbox: createInboxStore(db, () => clock), advance: (ms: number) => (clock += ms) };
}

describe('the inbox', () => {
  it('stores a batch and hands back only the updates it had not seen', () => {
    const { inbox } = setup();
    expect(inbox.store([message(1, 10, 'a'), message(2, 11, 'b')]).map((i) => i.updateId)).toEqual([1, 2]);
    // Telegram sends the same batch again (its offset was never confirmed): nothing new.
    expect(inbox.store([message(1, 10, 'a'), message(2, 11, 'b'), message(3, 10, 'c')]).map((i) => i.updateId)).toEqual([3]);
    expect(inbox.pending().map((i) => [i.updateId, i.chatKey])).toEqual([[1, 'chat:10'], [2, 'chat:11'], [3, 'chat:10']]);
  });

  it('forgets the text of a handled update but remembers its id, so a redelivery is still skipped', () => {
    const { db, inbox } = setup();
    inbox.store([message(5, 10, 'سؤال فيه اسمي')]);
    inbox.markHandled(5);
    expect(db.prepare('SELECT payload FROM inbox WHERE update_id = 5').pluck().get()).toBeNull();
    expect(inbox.store([message(5, 10, 'سؤال فيه اسمي')])).toEqual([]);
    expect(inbox.pending()).toEqual([]);
  });

  it('takes an old id carrying a different message as a new update, and frees it from the old answer', () => {
    const { db, inbox } = setup();
    const exchanges = createExchangeStore(db);
    inbox.store([message(7, 10, 'old question')]);
    exchanges.record({
      updateId: 7,
      chatId: 10,
      userId: 10,
      answer: { kind: 'fallback', reason: 'no-match', suggestions: [], question: 'old question', normalized: '', language: 'en', uiLanguage: 'en', confidence: 0, hits: [] },
      answerText: 'old answer',
      latencyMs: 1,
    });
    inbox.markHandled(7);
    // A week of silence later, Telegram starts numbering from an id it used before.
    const fresh = inbox.store([message(7, 12, 'new question', 1_800_000_000)]);
    expect(fresh.map((i) => i.update.message.text)).toEqual(['new question']);
    expect(exchanges.findByUpdate(7)).toBeUndefined();
  });

  it('prunes handled ids after a week, never unhandled ones', () => {
    const { inbox, advance } = setup();
    inbox.store([message(1, 10, 'a'), message(2, 10, 'b')]);
    inbox.markHandled(1);
    advance(HANDLED_KEPT_MS + 1);
    expect(inbox.pruneHandled()).toBe(1);
    expect(inbox.pending().map((i) => i.updateId)).toEqual([2]);
  });

  it('keys updates by chat so that each chat is handled in order', () => {
    expect(chatKeyOf(message(1, -100, 'x'))).toBe('chat:-100');
    expect(chatKeyOf({ update_id: 2, callback_query: { id: 'c', from: { id: 4 }, message: { chat: { id: 9 } } } })).toBe('chat:9');
    expect(chatKeyOf({ update_id: 3, callback_query: { id: 'c', from: { id: 4 } } })).toBe('user:4');
  });
});
