import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const CONTRACT_KEYS = ['answer', 'confidence', 'fallback', 'kind', 'language', 'sources', 'suggestions', 'topic', 'urgent'];

describe('npm run ask', () => {
  it('prints one contract line per question read from stdin, in order', async () => {
    const { code, stdout } = await runCli('src/cli/ask.ts', ['--json', '--stdin'], 'منو وزير الداخليه\nشلون اطبخ دولمه\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(Object.keys(line).sort()).toEqual(CONTRACT_KEYS);
    expect(lines[0]).toMatchObject({ kind: 'answered', fallback: false, urgent: false, language: 'ar', topic: 'police' });
    expect(lines[0].answer).toContain('الشمري');
    expect(lines[0].sources[0]).toMatchObject({ id: 'police-minister-shammari', url: expect.stringMatching(/^https:/) });
    expect(lines[1]).toMatchObject({ kind: 'fallback', fallback: true, sources: [], topic: null });
  });

  it('prints what a citizen would see without --json', async () => {
    const { code, stdout } = await runCli('src/cli/ask.ts', ['منو', 'وزير', 'الداخليه']);
    expect(code).toBe(0);
    expect(stdout).toContain('الشمري');
    expect(stdout).toContain('المصدر:');
    expect(() => JSON.parse(stdout)).toThrow();
  });

  it('keeps blank input lines so that answers line up with questions', async () => {
    const { stdout } = await runCli('src/cli/ask.ts', ['--json', '--stdin'], '\nمنو وزير الداخليه\n');
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].fallback).toBe(true);
    expect(lines[1].answer).toContain('الشمري');
  });

  it('explains its usage when given no question', async () => {
    const { code, stderr } = await runCli('src/cli/ask.ts');
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: npm run --silent ask');
  });
});
