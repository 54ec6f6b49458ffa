import { loadConfig, ConfigError } from '../config.js';
import { createApp, type App } from '../app.js';
import { KnowledgeError } from '../knowledge/index-knowledge.js';
import { createCommandLogger } from '../logger.js';

/**
 * Runs a command with the app, turning configuration and knowledge errors into a clear message
 * and exit code 1 instead of a stack trace.
 */
export async function runCommand(command: (app: App) => Promise<number | void>): Promise<void> {
  let app: App | undefined;
  try {
    const config = loadConfig();
    app = await createApp(config, await createCommandLogger(config.logLevel));
    process.exitCode = (await command(app)) ?? 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof KnowledgeError) {
      console.error(error.message);
      process.exitCode = 1;
    } else throw error;
  } finally {
    app?.close();
  }
}
