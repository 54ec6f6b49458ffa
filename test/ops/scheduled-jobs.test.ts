import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/logger.js';
import { scheduleJobs } from '../../src/ops/scheduled-jobs.js';

function recordingLogger() {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const log = (level: string) => (fields: Record<string, unknown>, message: string) => void lines.push({ level, fields, message });
  return { lines, logger: { info: log('info'), warn: log('warn'), error: log('error') } as unknown as Logger };
}

describe('scheduled jobs', () => {
  it('run on Baghdad time, log what they did and how long it took, and survive a job that fails', async () => {
    const { lines, logger } = recordingLogger();
    let runs = 0;
    const jobs = scheduleJobs(
      [
        { name: 'retention', pattern: '15 3 * * *', run: () => ({ deleted: ++runs }) },
        { name: 'broken', pattern: '0 * * * *', run: () => { throw new Error('disk full'); } },
      ],
      logger,
    );
    try {
      // 03:15 in Baghdad (UTC+3) is 00:15 UTC.
      const next = jobs.next().retention!;
      expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([0, 15]);
      await jobs.runNow('retention');
      await jobs.runNow('broken');
      await jobs.runNow('retention');
      expect(runs).toBe(2);
      expect(lines.filter((l) => l.message === 'scheduled job done').map((l) => l.fields.outcome)).toEqual([{ deleted: 1 }, { deleted: 2 }]);
      expect(lines.every((l) => typeof l.fields.ms === 'number')).toBe(true);
      const failed = lines.find((l) => l.level === 'error')!;
      expect(failed.fields.job).toBe('broken');
      expect((failed.fields.err as Error).message).toBe('disk full');
    } finally {
      jobs.stop();
    }
  });
});
