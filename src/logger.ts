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

/**
 * The logger for commands run by a person: readable lines when stderr is a terminal (pino-pretty,
 * a development dependency), JSON otherwise or when pino-pretty is not installed.
 */
export async function createCommandLogger(level: string): Promise<Logger> {
  if (process.stderr.isTTY) {
    try {
      const { default: pretty } = await import('pino-pretty');
      return createLogger(level, pretty({ destination: 2, sync: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname' }));
    } catch {
      // Production installs omit development dependencies: JSON it is.
    }
  }
  return createLogger(level);
}
