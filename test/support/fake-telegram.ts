// A fake Telegram Bot API server for tests. The production grammY bot talks to it over real HTTP
// through `new Bot(token, { client: { apiRoot: fake.apiRoot } })`; tests queue updates, inject
// faults and read back every call the bot made. Only 127.0.0.1, never the internet.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  token: string;
  payload: Record<string, any>;
  /** Date.now() when the request arrived. */
  at: number;
  /** HTTP status of the answer; 0 while the request is still being held (long poll, delay fault) or if the client went away first. */
  status: number;
}

export type Fault =
  | { status: 429; retryAfter: number }
  | { status: 400 | 401 | 403 | 409; description?: string }
  | { status: 500 }
  | { delayMs: number }
  /** The connection is closed without an answer: 'before' handling the call, or 'after' it was handled (Telegram has the message; the client never learns). */
  | { drop: 'before' | 'after' };

export interface FakeTelegram {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  apiRoot: string;
  /** Every request, in arrival order, including failed ones. */
  calls: RecordedCall[];
  /** Only successful (status 200) calls to that method. */
  callsTo(method: string): RecordedCall[];
  /** Assigns update_id (incrementing from 1) unless the object has one. */
  queueUpdates(...updates: object[]): void;
  /** Fault injection: after `skip` good calls, the next `times` calls to `method` ('*' = any method except getUpdates) get this fault (Infinity: until clearFaults). */
  failNext(method: string, fault: Fault, times?: number, skip?: number): void;
  clearFaults(): void;
  /** Resolves when predicate(calls) is true; rejects with a helpful message (listing methods seen) after timeoutMs (default 5000). */
  waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Every `every`-th call to `method` (counting from now) gets the fault, until clearFaults. */
  failPeriodically(method: string, every: number, fault: Fault): void;
  /** Every call for this chat gets the fault from now on (e.g. 403 for a user who blocked the bot). */
  failChat(chatId: number, fault: Fault): void;
  /** Whether getChat says the (review) group has forum topics; true by default. */
  setForum(on: boolean): void;
  /** Ends pending long polls (ok:true, result:[]) and closes the server. */
  close(): Promise<void>;
}

/** The bot user the fake server plays. */
export const BOT_USER = Object.freeze({ id: 999000, is_bot: true as const, first_name: 'Aman', username: 'aman_test_bot' });

/** Longest a getUpdates long poll is held, whatever `timeout` asks for, so tests stay fast. */
const MAX_HOLD_MS = 1000;
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** What Telegram delivers when allowed_updates is empty: everything but these. */
const NOT_DELIVERED_BY_DEFAULT = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

interface Answer {
  status: number;
  body: { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: Record<string, unknown> };
}

const ok = (result: unknown): Answer => ({ status: 200, body: { ok: true, result } });
const fail = (status: number, description: string, parameters?: Record<string, unknown>): Answer => ({
  status,
  body: parameters ? { ok: false, error_code: status, description, parameters } : { ok: false, error_code: status, description },
});

type Update = Record<string, unknown> & { update_id: number };

export async function startFakeTelegram(): Promise<FakeTelegram> {
  const calls: RecordedCall[] = [];
  let queue: Update[] = [];
  let nextUpdateId = 1;
  let nextMessageId = 1;
  let forum = true;
  const chatFaults = new Map<number, Fault>();
  const periodic: { method: string; every: number; fault: Fault; count: number }[] = [];
  let allowedUpdates: Set<string> | null = null; // null: Telegram's default set
  const faults: { method: string; fault: Fault; remaining: number; skip: number }[] = [];
  const listeners = new Set<() => void>(); // waitFor predicates to re-check
  const wakers = new Set<() => void>(); // held long polls, ended early by queueUpdates
  const closers = new Set<() => void>(); // held long polls and delay faults, ended early by close
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  const changed = () => {
    for (const listener of [...listeners]) listener();
  };

  /** Resolves after `ms`, or early when woken (by an update for long polls, by close for all). */
  function hold(ms: number, wakeOnUpdate: boolean): Promise<void> {
    return new Promise((resolve) => {
      if (closed) return resolve();
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        closers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      if (wakeOnUpdate) wakers.add(done);
      closers.add(done);
    });
  }

  function takeFault(method: string, payload: Record<string, any> = {}): Fault | undefined {
    // A chat that always answers this way (a user who blocked the bot, a deleted account).
    const chat = toInt(payload.chat_id);
    if (chat !== undefined && chatFaults.has(chat) && method !== 'getUpdates') return chatFaults.get(chat);
    for (const p of periodic) if (p.method === method && ++p.count % p.every === 0) return p.fault;
    const index = faults.findIndex((f) => f.method === method || (f.method === '*' && method !== 'getUpdates'));
    if (index === -1) return undefined;
    const entry = faults[index]!;
    if (entry.skip > 0) {
      entry.skip -= 1;
      return undefined;
    }
    entry.remaining -= 1;
    if (entry.remaining <= 0) faults.splice(index, 1);
    return entry.fault;
  }

  function deliverable(update: Update): boolean {
    const type = Object.keys(update).find((key) => key !== 'update_id');
    if (type === undefined) return false;
    return allowedUpdates ? allowedUpdates.has(type) : !NOT_DELIVERED_BY_DEFAULT.has(type);
  }

  function pendingUpdates(limit: number): Update[] {
    // Telegram never delivers updates of types the bot did not ask for: drop them for good.
    queue = queue.filter(deliverable);
    return queue.slice(0, limit);
  }

  async function getUpdates(payload: Record<string, any>): Promise<Answer> {
    const offset = toInt(payload.offset);
    if (offset !== undefined) {
      // A negative offset keeps only the last -offset updates; otherwise update_id < offset is confirmed.
      queue = offset < 0 ? queue.slice(offset) : queue.filter((u) => u.update_id >= offset);
    }
    if (payload.allowed_updates !== undefined) {
      const list = Array.isArray(payload.allowed_updates) ? payload.allowed_updates.map(String) : [];
      allowedUpdates = list.length > 0 ? new Set(list) : null;
    }
    const limit = Math.min(100, Math.max(1, toInt(payload.limit) ?? 100));
    const timeoutSeconds = Math.max(0, toInt(payload.timeout) ?? 0);
    let updates = pendingUpdates(limit);
    if (updates.length === 0 && timeoutSeconds > 0 && !closed) {
      await hold(Math.min(timeoutSeconds * 1000, MAX_HOLD_MS), true);
      updates = closed ? [] : pendingUpdates(limit);
    }
    return ok(updates);
  }

  function sentMessage(payload: Record<string, any>, messageId: number): Record<string, unknown> {
    const chatId = toInt(payload.chat_id) ?? payload.chat_id;
    const thread = toInt(payload.message_thread_id);
    return {
      message_id: messageId,
      date: nowSeconds(),
      chat: { id: chatId, type: typeof chatId === 'number' && chatId < 0 ? 'supergroup' : 'private' },
      from: { ...BOT_USER },
      text: payload.text,
      ...(thread ? { message_thread_id: thread, is_topic_message: true } : {}),
    };
  }
  let nextThreadId = 1000;

  function answerMethod(method: string, payload: Record<string, any>): Answer {
    switch (method) {
      case 'getMe':
        return ok({
          ...BOT_USER,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
          can_connect_to_business: false,
          has_main_web_app: false,
        });
      case 'copyMessage':
        return ok({ message_id: nextMessageId++ });
      case 'sendMessage':
        return ok(sentMessage(payload, nextMessageId++));
      case 'editMessageText':
        // Inline messages are edited without a Message to return; Telegram answers true.
        if (payload.inline_message_id !== undefined && payload.chat_id === undefined) return ok(true);
        return ok(sentMessage(payload, toInt(payload.message_id) ?? nextMessageId++));
      // A review group (negative id): a forum supergroup where the bot is an admin with every right
      // the desk needs; tests take rights away with fail faults or by asking getChatMember.
      case 'getChat':
        return ok({ id: toInt(payload.chat_id), type: 'supergroup', title: 'Review', is_forum: forum });
      case 'getChatMember':
        return ok({
          status: 'administrator',
          user: { ...BOT_USER },
          can_be_edited: false,
          is_anonymous: false,
          can_manage_chat: true,
          can_delete_messages: true,
          can_manage_video_chats: false,
          can_restrict_members: false,
          can_promote_members: false,
          can_change_info: false,
          can_invite_users: false,
          can_post_stories: false,
          can_edit_stories: false,
          can_delete_stories: false,
          can_pin_messages: true,
          can_manage_topics: true,
        });
      case 'createForumTopic':
        return ok({ message_thread_id: nextThreadId++, name: payload.name, icon_color: 7322096 });
      default:
        // sendChatAction, answerCallbackQuery, deleteWebhook, setMyCommands, editMessageReplyMarkup,
        // deleteMessage and anything else.
        return ok(true);
    }
  }

  const DESCRIPTIONS: Record<number, string> = {
    400: 'Bad Request: chat not found',
    401: 'Unauthorized',
    403: 'Forbidden: bot was blocked by the user',
    409: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
  };

  /** The answer to a call, or how to close the connection without one. */
  async function answer(method: string, payload: Record<string, any>): Promise<Answer | 'drop-before' | 'drop-after'> {
    const fault = takeFault(method, payload);
    if (fault) {
      if ('drop' in fault) {
        if (fault.drop === 'before') return 'drop-before';
        if (method !== 'getUpdates') answerMethod(method, payload);
        return 'drop-after';
      }
      if ('delayMs' in fault) await hold(fault.delayMs, false);
      else if (fault.status === 429) {
        return fail(429, `Too Many Requests: retry after ${fault.retryAfter}`, { retry_after: fault.retryAfter });
      } else if (fault.status === 500) return fail(500, 'Internal Server Error');
      else return fail(fault.status, fault.description ?? DESCRIPTIONS[fault.status]!);
    }
    if (method === 'getUpdates') return getUpdates(payload);
    return answerMethod(method, payload);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // grammY's "test" environment puts /test/ between the token and the method.
    const match = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z][A-Za-z0-9_]*)\/?$/.exec(url.pathname);
    const call: RecordedCall = {
      method: match ? match[2]! : url.pathname,
      token: match ? decodeURIComponent(match[1]!) : '',
      payload: {},
      at: Date.now(),
      status: 0,
    };
    calls.push(call);
    changed();
    let clientGone = false;
    res.once('close', () => {
      if (!res.writableFinished) clientGone = true;
    });

    let result: Answer | 'drop-before' | 'drop-after';
    if (!match) {
      await drain(req);
      result = fail(404, 'Not Found');
    } else {
      try {
        call.payload = { ...queryPayload(url), ...(await readPayload(req)) };
        result = await answer(call.method, call.payload);
      } catch (error) {
        result = fail(400, `Bad Request: ${error instanceof Error ? error.message : String(error)}`);
      }
    }

    if (clientGone || res.destroyed) return; // the client gave up (e.g. grammY aborting a long poll on stop)
    if (result === 'drop-before' || result === 'drop-after') {
      // Dropped 'after': Telegram has it (status 200 for callsTo), but the answer never arrives.
      call.status = result === 'drop-after' ? 200 : 0;
      req.socket.destroy();
      changed();
      return;
    }
    call.status = result.status;
    res.writeHead(result.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result.body));
    changed();
  }

  const server = createServer((req, res) => {
    const done = handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(fail(500, `Internal Server Error: ${String(error)}`).body));
      }
    });
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  });
  // Idle keep-alive sockets stay open a minute, as a real Bot API server's do. With Node's default
  // (5 s) the server closes sockets the bot's HTTP agent still holds as free; a send reusing one at
  // that moment fails with ECONNRESET, which the outbox must treat as "may have arrived" (unknown,
  // never resent): bench:bot lost 6 of 2,000 answers that way. See the README's follow-ups.
  server.keepAliveTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const fake: FakeTelegram = {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,

    callsTo(method) {
      return calls.filter((call) => call.method === method && call.status === 200);
    },

    failPeriodically(method, every, fault) {
      periodic.push({ method, every, fault, count: 0 });
    },

    failChat(chatId, fault) {
      chatFaults.set(chatId, fault);
    },

    setForum(on) {
      forum = on;
    },

    queueUpdates(...updates) {
      for (const update of updates) {
        const given = (update as { update_id?: unknown }).update_id;
        const id = typeof given === 'number' ? given : nextUpdateId;
        nextUpdateId = Math.max(nextUpdateId, id + 1);
        queue.push({ ...(update as Record<string, unknown>), update_id: id });
      }
      queue.sort((a, b) => a.update_id - b.update_id);
      for (const wake of [...wakers]) wake();
    },

    failNext(method, fault, times = 1, skip = 0) {
      if (times > 0) faults.push({ method, fault, remaining: times, skip });
    },

    clearFaults() {
      faults.length = 0;
      periodic.length = 0;
      chatFaults.clear();
    },

    waitFor(predicate, timeoutMs = 5000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          let satisfied: boolean;
          try {
            satisfied = predicate(calls);
          } catch (error) {
            finish();
            reject(error);
            return;
          }
          if (satisfied) {
            finish();
            resolve();
          }
        };
        const finish = () => {
          listeners.delete(check);
          clearInterval(poller);
          clearTimeout(timer);
        };
        // Re-check on every recorded call and answer, and now and then for predicates reading other state.
        const poller = setInterval(check, 20);
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`waitFor timed out after ${timeoutMs} ms; ${describeCalls(calls)}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },

    async close() {
      if (closed) return;
      closed = true;
      faults.length = 0;
      for (const end of [...closers]) end();
      await Promise.all([...inFlight]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return fake;
}

function describeCalls(calls: RecordedCall[]): string {
  if (calls.length === 0) return 'no calls were made';
  const seen = calls.map((call) => (call.status === 200 ? call.method : `${call.method}(${call.status || 'pending'})`));
  const grouped: string[] = [];
  let i = 0;
  while (i < seen.length) {
    let j = i;
    while (j < seen.length && seen[j] === seen[i]) j++;
    grouped.push(j - i > 1 ? `${seen[i]} x${j - i}` : seen[i]!);
    i = j;
  }
  return `${calls.length} calls seen: ${grouped.join(', ')}`;
}

function toInt(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.resume();
    req.once('end', resolve);
    req.once('error', () => resolve());
    req.once('close', () => resolve());
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('request body too large'));
      else chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

/** Values sent as form fields or query parameters are strings; JSON objects/arrays in them are decoded, like Telegram does. */
function fromFields(params: URLSearchParams): Record<string, any> {
  const payload: Record<string, any> = {};
  for (const [key, value] of params) {
    const trimmed = value.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        payload[key] = JSON.parse(trimmed);
        continue;
      } catch {
        // not JSON after all: keep the string
      }
    }
    payload[key] = value;
  }
  return payload;
}

function queryPayload(url: URL): Record<string, any> {
  return fromFields(url.searchParams);
}

async function readPayload(req: IncomingMessage): Promise<Record<string, any>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'multipart/form-data') {
    await drain(req);
    throw new Error('multipart/form-data is not supported by the fake Telegram server');
  }
  const body = await readBody(req);
  if (body.trim() === '') return {};
  if (type === 'application/x-www-form-urlencoded') return fromFields(new URLSearchParams(body));
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new Error('request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('request body must be a JSON object');
  return parsed as Record<string, any>;
}

// ---------------------------------------------------------------------------------------------
// Update builders: plain objects in Bot API shape, update_id left out so queueUpdates assigns it.

let nextBuiltMessageId = 1;
let nextCallbackId = 1;

type ChatType = 'private' | 'group' | 'supergroup';

function chatOf(chatId: number, type: ChatType, firstName: string): Record<string, unknown> {
  return type === 'private' ? { id: chatId, type, first_name: firstName } : { id: chatId, type, title: 'Test group' };
}

function userOf(userId: number, firstName: string, languageCode: string | null | undefined): Record<string, unknown> {
  const user: Record<string, unknown> = { id: userId, is_bot: false, first_name: firstName };
  const code = languageCode === undefined ? 'ar' : languageCode;
  if (code !== null) user.language_code = code;
  return user;
}

function defaultUserId(chatId: number, type: ChatType): number {
  return type === 'private' ? chatId : Math.abs(chatId);
}

function baseMessage(chatId: number, type: ChatType, from: Record<string, unknown>): Record<string, any> {
  return {
    message_id: nextBuiltMessageId++,
    date: nowSeconds(),
    chat: chatOf(chatId, type, String(from.first_name)),
    from,
  };
}

/**
 * A text message. userId defaults to chatId in private chats (|chatId| in groups), languageCode to 'ar'
 * (null leaves language_code out, as Telegram sometimes does), firstName to 'Test'.
 */
export function textUpdate(
  chatId: number,
  text: string,
  opts: {
    userId?: number;
    languageCode?: string | null;
    chatType?: ChatType;
    replyToBot?: boolean;
    firstName?: string;
    entities?: object[];
    /** A message in a forum topic of a supergroup. */
    threadId?: number;
    /** A reply to this message id (of the bot) in the same chat. */
    replyToMessageId?: number;
  } = {},
): object {
  const type = opts.chatType ?? 'private';
  const from = userOf(opts.userId ?? defaultUserId(chatId, type), opts.firstName ?? 'Test', opts.languageCode);
  const message = baseMessage(chatId, type, from);
  message.text = text;
  const entities: object[] = [...(opts.entities ?? [])];
  // Telegram marks only Latin commands (/start, /start@some_bot) as bot_command entities.
  const command = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,})?(?![^\s])/.exec(text);
  const hasCommandEntity = entities.some((e) => (e as { type?: string; offset?: number }).type === 'bot_command' && (e as { offset?: number }).offset === 0);
  if (command && !hasCommandEntity) entities.unshift({ type: 'bot_command', offset: 0, length: command[0].length });
  if (entities.length > 0) message.entities = entities;
  if (opts.threadId !== undefined) {
    message.message_thread_id = opts.threadId;
    message.is_topic_message = true;
  }
  if (opts.replyToMessageId !== undefined) {
    message.reply_to_message = { message_id: opts.replyToMessageId, date: nowSeconds(), chat: message.chat, from: { ...BOT_USER }, text: 'card' };
  }
  if (opts.replyToBot) {
    message.reply_to_message = {
      message_id: nextBuiltMessageId++,
      date: nowSeconds(),
      chat: message.chat,
      from: { ...BOT_USER },
      text: 'previous answer',
    };
  }
  return { message };
}

/** A button press on an earlier bot message in a private chat. */
export function callbackUpdate(
  chatId: number,
  data: string,
  opts: { userId?: number; messageId?: number; languageCode?: string | null; threadId?: number } = {},
): object {
  const from = userOf(opts.userId ?? Math.abs(chatId), 'Test', opts.languageCode);
  return {
    callback_query: {
      id: String(nextCallbackId++),
      from,
      chat_instance: `instance-${chatId}`,
      data,
      message: {
        message_id: opts.messageId ?? nextBuiltMessageId++,
        date: nowSeconds(),
        chat: chatOf(chatId, chatId < 0 ? 'supergroup' : 'private', 'Test'),
        from: { ...BOT_USER },
        text: 'previous answer',
        ...(opts.threadId !== undefined ? { message_thread_id: opts.threadId, is_topic_message: true } : {}),
      },
    },
  };
}

/** A non-text message in a private chat. */
export function mediaUpdate(
  chatId: number,
  kind: 'photo' | 'voice' | 'sticker' | 'location' | 'contact' | 'document',
  opts: { userId?: number } = {},
): object {
  const from = userOf(opts.userId ?? chatId, 'Test', undefined);
  const message = baseMessage(chatId, 'private', from);
  const file = (name: string) => ({ file_id: `${name}-file-${message.message_id}`, file_unique_id: `${name}-${message.message_id}` });
  switch (kind) {
    case 'photo':
      message.photo = [
        { ...file('photo-small'), width: 90, height: 90, file_size: 1200 },
        { ...file('photo'), width: 800, height: 800, file_size: 64000 },
      ];
      break;
    case 'voice':
      message.voice = { ...file('voice'), duration: 3, mime_type: 'audio/ogg', file_size: 9000 };
      break;
    case 'sticker':
      message.sticker = { ...file('sticker'), type: 'regular', width: 512, height: 512, is_animated: false, is_video: false, emoji: '🙂' };
      break;
    case 'location':
      message.location = { latitude: 33.3152, longitude: 44.3661 };
      break;
    case 'contact':
      message.contact = { phone_number: '+9647700000000', first_name: 'Test', user_id: from.id };
      break;
    case 'document':
      message.document = { ...file('document'), file_name: 'file.pdf', mime_type: 'application/pdf', file_size: 20000 };
      break;
  }
  return { message };
}

/** The user blocked the bot: my_chat_member with new_chat_member.status 'kicked'. */
export function kickedUpdate(chatId: number, opts: { userId?: number } = {}): object {
  const from = userOf(opts.userId ?? chatId, 'Test', undefined);
  return {
    my_chat_member: {
      chat: chatOf(chatId, 'private', 'Test'),
      from,
      date: nowSeconds(),
      old_chat_member: { user: { ...BOT_USER }, status: 'member' },
      new_chat_member: { user: { ...BOT_USER }, status: 'kicked', until_date: 0 },
    },
  };
}
