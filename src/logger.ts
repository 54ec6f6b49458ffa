import pino, { type Logger } from 'pino';
import { redactText } from './safety/redact-text.js';

export type { Logger };

/**
 * JSON logs on stderr (stdout belongs to the CLI's answers). Known secret fields are removed by
 * path; every string argument is also scrubbed of tokens and phone or ID numbers.
 */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['token', 'telegramBotToken', 'config.telegramBotToken', 'headers.authorization', 'apiKey'],
        censor: '<redacted>',
      },
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      serializers: {
        err: (error: Error) => ({ type: error.name, message: redactText(error.message), stack: error.stack && redactText(error.stack) }),
      },
    },
    destination,
  );
}
