// Telegram rejects messages over 4096 UTF-16 code units (JavaScript string length).
// https://core.telegram.org/bots/api#sendmessage
export const TELEGRAM_MESSAGE_LIMIT = 4096;

const BOUNDARIES = ['\n\n', '\n', '. ', '؟ ', '? ', '! ', '۔ ', '، ', ', ', ' '];

/** Where to cut `text` at most `limit` units in, preferring paragraph, then line, then sentence ends. */
function cutPoint(text: string, limit: number): number {
  for (const boundary of BOUNDARIES) {
    const at = text.lastIndexOf(boundary, limit - boundary.length);
    // A cut in the first half would leave a tiny chunk; try a finer boundary instead.
    if (at > limit / 2) return at + boundary.length;
  }
  let at = limit;
  // Never split an HTML entity (&amp;) or a surrogate pair.
  const amp = text.lastIndexOf('&', at);
  if (amp > at - 8 && !text.slice(amp, at).includes(';')) at = amp;
  const code = text.charCodeAt(at - 1);
  if (code >= 0xd800 && code <= 0xdbff) at -= 1;
  return at;
}

/** Splits a reply into chunks Telegram accepts, at paragraph or sentence boundaries when possible. */
export function splitMessage(text: string, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const at = cutPoint(rest, limit);
    chunks.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.trim() || chunks.length === 0) chunks.push(rest);
  return chunks;
}
