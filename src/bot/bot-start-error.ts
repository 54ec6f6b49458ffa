import { OperatorError } from '../operator-error.js';

/** Telegram or the Bot API root will not let the bot run: bad token, another poller, unreachable. */
export class BotStartError extends OperatorError {
  override name = 'BotStartError';
}
