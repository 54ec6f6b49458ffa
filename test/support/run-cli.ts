import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from './temp-dir.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const TSX = join('node_modules', '.bin', 'tsx');

/**
 * Runs an entry point as `npm start` / `npm run ask` would, with its own database file and no
 * Telegram token unless `env` sets them, feeding `input` on stdin.
 */
export function runCli(script: string, args: string[] = [], input = '', env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [script, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATABASE_PATH: join(tempDir(), 'aman.sqlite'),
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
