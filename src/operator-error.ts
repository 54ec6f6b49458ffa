/**
 * An error an operator can fix (configuration, the knowledge base, the database file, the token):
 * its message says what is wrong and what to do, and commands print it as one clear line, exit 1,
 * without a stack trace. Bugs and outages stay ordinary errors.
 */
export class OperatorError extends Error {
  override name = 'OperatorError';
}
