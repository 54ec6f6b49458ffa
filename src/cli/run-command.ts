import { loadConfig } from '../config.js';
import { createApp, type App } from '../app.js';
import { createCommandLogger } from '../logger.js';
import { OperatorError } from '../operator-error.js';

/**
 * Runs a command with the app, turning errors an operator can fix (configuration, knowledge, the
 * database file, the bot token) into their one clear message and exit code 1, not a stack trace.
 */
export async function runCommand(command: (app: App) => Promise<number | void>): Promise<void> {
  let app: App | undefined;
  try {
    const config = loadConfig();
    app = await createApp(config, await createCommandLogger(config.logLevel));
    process.exitCode = (await command(app)) ?? 0;
  } catch (error) {
    if (error instanceof OperatorError) {
      console.error(error.message);
      process.exitCode = 1;
    } else throw error;
  } finally {
    app?.close();
  }
}
