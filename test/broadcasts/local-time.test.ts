import { describe, expect, it } from 'vitest';
import { formatLocalTime, parseLocalTime, quietUntil } from '../../src/broadcasts/local-time.js';

describe('campaign time (Asia/Baghdad)', () => {
  it('reads a Baghdad wall-clock time as the right instant, and writes it back', () => {
    const at = parseLocalTime('2026-12-05 18:00')!;
    expect(new Date(at).toISOString()).toBe('2026-12-05T15:00:00.000Z');
    expect(formatLocalTime(at)).toBe('2026-12-05 18:00');
    expect(parseLocalTime('2026-02-30 10:00')).toBeUndefined();
    expect(parseLocalTime('tomorrow')).toBeUndefined();
  });

  it('holds during quiet hours across midnight and says when they end', () => {
    const quiet = { from: 22, to: 8 };
    expect(quietUntil(parseLocalTime('2026-12-05 21:59')!, quiet)).toBeUndefined();
    expect(quietUntil(parseLocalTime('2026-12-05 23:30')!, quiet)).toBe(parseLocalTime('2026-12-06 08:00'));
    expect(quietUntil(parseLocalTime('2026-12-06 07:59')!, quiet)).toBe(parseLocalTime('2026-12-06 08:00'));
    expect(quietUntil(parseLocalTime('2026-12-06 08:00')!, quiet)).toBeUndefined();
  });
});
