import { describe, expect, it } from 'vitest';
import { splitMessage, TELEGRAM_MESSAGE_LIMIT } from '../../src/bot/split-message.js';

describe('splitMessage', () => {
  it('leaves a short reply whole', () => {
    expect(splitMessage('جواب قصير')).toEqual(['جواب قصير']);
  });

  it('splits a long reply at paragraph boundaries, every part within Telegram\'s limit', () => {
    const paragraph = 'جملة عن الأمن المجتمعي. '.repeat(60).trim();
    const text = Array(8).fill(paragraph).join('\n\n');
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
    for (const part of parts) expect(part.endsWith('.')).toBe(true);
    expect(parts.join('\n\n')).toBe(text);
  });

  it('falls back to sentence boundaries inside one huge paragraph', () => {
    const text = 'هذه جملة طويلة نسبياً عن حقوق المواطن؟ '.repeat(300).trim();
    const parts = splitMessage(text);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
    for (const part of parts.slice(0, -1)) expect(part.endsWith('؟')).toBe(true);
  });

  it('never cuts an HTML entity or an emoji in half, even without spaces', () => {
    const text = `${'x'.repeat(4093)}&amp;${'😀'.repeat(3000)}`;
    const parts = splitMessage(text);
    expect(parts[0]).toBe('x'.repeat(4093));
    expect(parts[1]!.startsWith('&amp;')).toBe(true);
    for (const part of parts) expect(part).not.toMatch(/[\uD800-\uDBFF]$/);
    expect(parts.join('')).toBe(text);
  });
});
