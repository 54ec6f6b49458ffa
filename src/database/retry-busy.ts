// A write that finds the database locked by another process is retried after a pause, without
// blocking the event loop, so that other chats, polling and timers go on meanwhile.

const PAUSES_MS = [20, 50, 100, 200, 500, 1000];

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code?.startsWith('SQLITE_BUSY_') === true;
}

export class StillBusyError extends Error {
  override name = 'StillBusyError';
  code = 'SQLITE_BUSY';
}

/**
 * Runs `write` (synchronous, all-or-nothing: one statement or one transaction) until it does not
 * meet a lock, pausing longer each time, for at most `forMs` (by default, until it succeeds).
 */
export async function retryBusy<T>(write: () => T, { forMs = Infinity, signal }: { forMs?: number; signal?: AbortSignal } = {}): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() - started >= forMs || signal?.aborted) throw new StillBusyError(`the database stayed locked for ${Date.now() - started} ms`);
      await new Promise((resolve) => setTimeout(resolve, PAUSES_MS[Math.min(attempt, PAUSES_MS.length - 1)]));
    }
  }
}
