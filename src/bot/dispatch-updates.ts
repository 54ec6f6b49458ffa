import type { InboxItem } from '../conversations/inbox-store.js';
import { isBusy, retryBusy } from '../database/retry-busy.js';
import type { Logger } from '../logger.js';

// Chats handled at the same time (the runner's default sink also takes 500). What handlers wait on is
// Telegram (one slow send), and one chat's wait must not hold up the others.
const CONCURRENT_CHATS = 500;
// An update that met a locked database is tried again after this pause (doubling, capped).
const BUSY_PAUSE_MS = [50, 100, 250, 500, 1000, 2000];

export interface Dispatcher {
  /** Queues stored updates; each chat's updates run one at a time, in update_id order. */
  enqueue(items: InboxItem[]): void;
  /** Updates queued or running. */
  backlog(): number;
  /** Resolves when nothing is running (queued updates of a stopped dispatcher stay in the inbox). */
  idle(): Promise<void>;
  /** Starts nothing new; updates already running finish. */
  stop(): void;
}

export interface DispatcherDeps {
  /** Handles one update; rejects only when the database was locked (then it is tried again). */
  handle(update: InboxItem['update']): Promise<void>;
  markHandled(updateId: number): void;
  logger: Logger;
  concurrency?: number;
}

/** Handles updates from the inbox: in order within a chat, chats in parallel. */
export function createDispatcher({ handle, markHandled, logger, concurrency = CONCURRENT_CHATS }: DispatcherDeps): Dispatcher {
  const queues = new Map<string, InboxItem[]>();
  const running = new Set<string>();
  const ready: string[] = [];
  const queued = new Set<number>();
  let size = 0;
  let stopped = false;
  let idleWaiters: (() => void)[] = [];

  function schedule(chatKey: string): void {
    if (running.has(chatKey) || stopped) return;
    if (running.size >= concurrency) {
      if (!ready.includes(chatKey)) ready.push(chatKey);
      return;
    }
    running.add(chatKey);
    void drain(chatKey);
  }

  async function drain(chatKey: string): Promise<void> {
    const queue = queues.get(chatKey)!;
    let busyAttempt = 0;
    while (queue.length > 0 && !stopped) {
      const item = queue[0]!;
      try {
        await handle(item.update);
      } catch (error) {
        if (isBusy(error)) {
          // Nothing was sent for this update yet (writes come first): run it again shortly.
          await new Promise((r) => setTimeout(r, BUSY_PAUSE_MS[Math.min(busyAttempt++, BUSY_PAUSE_MS.length - 1)]));
          continue;
        }
        logger.error({ err: error as Error, updateId: item.updateId }, 'update failed outside the error boundary');
      }
      busyAttempt = 0;
      await retryBusy(() => markHandled(item.updateId));
      queue.shift();
      queued.delete(item.updateId);
      size--;
    }
    if (queue.length === 0) queues.delete(chatKey);
    running.delete(chatKey);
    const next = ready.shift();
    if (next) schedule(next);
    if (running.size === 0) for (const resolve of idleWaiters.splice(0)) resolve();
  }

  return {
    enqueue(items) {
      for (const item of items) {
        // Start-up reads the inbox while a fetch may add the same update: queue it once.
        if (queued.has(item.updateId)) continue;
        queued.add(item.updateId);
        size++;
        const queue = queues.get(item.chatKey) ?? [];
        queue.push(item);
        queues.set(item.chatKey, queue);
        schedule(item.chatKey);
      }
    },
    backlog: () => size,
    idle: () => (running.size === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
    stop() {
      stopped = true;
      ready.length = 0;
    },
  };
}
