// Campaign times are Baghdad times. Iraq has kept UTC+3 all year since 2008, but the offset is read
// from the time-zone database rather than assumed, so a future change of rule is followed.
export const CAMPAIGN_TIME_ZONE = 'Asia/Baghdad';

function parts(ms: number, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
  return { year: +p.year!, month: +p.month!, day: +p.day!, hour: +p.hour!, minute: +p.minute! };
}

/** "YYYY-MM-DD HH:MM" in the campaign's time zone → ms since the epoch; undefined if malformed. */
export function parseLocalTime(text: string, timeZone = CAMPAIGN_TIME_ZONE): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at that moment (twice, for the rare time near a change of rule).
  let ms = guess;
  for (let i = 0; i < 2; i++) {
    const p = parts(ms, timeZone);
    ms += guess - Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  }
  const back = parts(ms, timeZone);
  if (back.year !== year || back.month !== month || back.day !== day || back.hour !== hour || back.minute !== minute) return undefined;
  return ms;
}

export function formatLocalTime(ms: number, timeZone = CAMPAIGN_TIME_ZONE): string {
  const p = parts(ms, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

export interface QuietHours {
  from: number;
  to: number;
}

/** "22-08": from 22:00 to 08:00 local time (across midnight when from > to); "off" or "" for none. */
export function parseQuietHours(text: string): QuietHours | undefined | 'invalid' {
  if (text.trim() === '' || text.trim() === 'off') return undefined;
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m || +m[1]! > 23 || +m[2]! > 23 || m[1] === m[2]) return 'invalid';
  return { from: +m[1]!, to: +m[2]! };
}

/** Whether `ms` falls in the quiet hours, and when they end (ms) if so. */
export function quietUntil(ms: number, quiet: QuietHours | undefined, timeZone = CAMPAIGN_TIME_ZONE): number | undefined {
  if (!quiet) return undefined;
  const { hour } = parts(ms, timeZone);
  const inside = quiet.from < quiet.to ? hour >= quiet.from && hour < quiet.to : hour >= quiet.from || hour < quiet.to;
  if (!inside) return undefined;
  // Step by minutes to the end: simple, exact, and at most a day of steps once per check.
  let t = ms - (ms % 60_000) + 60_000;
  while (parts(t, timeZone).hour !== quiet.to || parts(t, timeZone).minute !== 0) t += 60_000;
  return t;
}
