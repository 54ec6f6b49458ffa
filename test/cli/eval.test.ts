import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('npm run eval', () => {
  it('explains its usage on an unknown option instead of a stack trace', async () => {
    const { code, stderr } = await runCli('src/cli/eval.ts', ['--help']);
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--help'");
    expect(stderr).toContain('Usage: npm run eval');
    expect(stderr).not.toContain('    at ');
  });
});
