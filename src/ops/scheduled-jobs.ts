import { Cron } from 'croner';
import type { Logger } from '../logger.js';

// The campaign's clock: a daily job at 03:00 runs at 03:00 in Baghdad, whatever the server's zone.
export const CAMPAIGN_TIME_ZONE = 'Asia/Baghdad';

export interface Job {
  name: string;
  /** Cron pattern, in Baghdad time: '15 3 * * *' is every day at 03:15. */
  pattern: string;
  /** What it did, for the log (a count, a file); thrown errors are logged, never rethrown. */
  run: () => unknown;
}

export interface ScheduledJobs {
  /** Runs one job now (the schedule is unchanged); resolves when it has finished. */
  runNow(name: string): Promise<void>;
  /** When each job runs next. */
  next(): Record<string, Date | null>;
  stop(): void;
}

/**
 * Runs each job on its schedule in the process. A job logs its outcome and duration; one that fails
 * is logged and tried again at its next time: it never stops the bot. A job still running when its
 * next time comes is not started twice.
 */
export function scheduleJobs(jobs: Job[], logger: Logger, timezone = CAMPAIGN_TIME_ZONE): ScheduledJobs {
  const wrapped = new Map(
    jobs.map((job) => [
      job.name,
      async () => {
        const started = performance.now();
        try {
          const outcome = await job.run();
          logger.info({ job: job.name, ms: Math.round(performance.now() - started), outcome }, 'scheduled job done');
        } catch (error) {
          logger.error({ job: job.name, ms: Math.round(performance.now() - started), err: error as Error }, 'scheduled job failed; it runs again at its next time');
        }
      },
    ]),
  );
  const crons = jobs.map((job) => new Cron(job.pattern, { name: `aman-${job.name}`, timezone, protect: true, unref: true }, wrapped.get(job.name)!));
  return {
    runNow: async (name) => {
      const run = wrapped.get(name);
      if (!run) throw new Error(`no scheduled job named ${name}`);
      await run();
    },
    next: () => Object.fromEntries(crons.map((c, i) => [jobs[i]!.name, c.nextRun()])),
    stop: () => crons.forEach((c) => c.stop()),
  };
}
