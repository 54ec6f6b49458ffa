import type { Context, MiddlewareFn } from 'grammy';

/**
 * Counts updates being handled. The runner's stop() resolves once polling stops, not when the
 * concurrent sink has finished its updates, so shutdown waits on idle() as well.
 */
export function trackInFlight<C extends Context>(): { middleware: MiddlewareFn<C>; idle(): Promise<void> } {
  let active = 0;
  let waiters: (() => void)[] = [];
  return {
    middleware: async (_ctx, next) => {
      active++;
      try {
        await next();
      } finally {
        active--;
        if (active === 0) for (const resolve of waiters.splice(0)) resolve();
      }
    },
    idle: () => (active === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}
