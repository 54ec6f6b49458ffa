import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  return { logger: createLogger('info', stream), text: () => lines.join('') };
}

describe('createLogger', () => {
  it('never writes a bot token, even inside a Bot API URL or an error', () => {
    const { logger, text } = capture();
    const token = '123456789:AAHk2xV9w8yZqL3mN4pQ5rS6tU7vW8xY9zA';
    logger.info({ token }, `calling https://api.telegram.org/bot${token}/getUpdates`);
    logger.error({ err: new Error(`request to /bot${token}/sendMessage failed`) }, 'send failed');
    expect(text()).not.toContain('AAHk2xV9w8yZqL3mN4pQ5rS6tU7vW8xY9zA');
    expect(text()).toContain('/bot<redacted>');
  });

  it('masks phone and ID numbers in messages but keeps 911 readable', () => {
    const { logger, text } = capture();
    logger.info('citizen wrote 0770 123 4567 and ID ١٩٨٥٠١٢٣٤٥٦٧, told to call 911');
    expect(text()).not.toContain('4567');
    expect(text()).not.toContain('١٢٣٤٥٦٧');
    expect(text()).toContain('911');
  });
});
