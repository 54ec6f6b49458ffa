import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('npm run bench:retrieval', () => {
  it('prints one JSON line per engine with recall, MRR and latency', async () => {
    const { code, stdout, stderr } = await runCli('scripts/bench-retrieval.ts', ['--data', 'test/fixtures/bench-mini', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const reports = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(reports.map((r) => r.engine)).toEqual(['aman', 'fts5-unicode61', 'minisearch']);
    for (const r of reports) {
      for (const key of ['recall@1', 'recall@5', 'recall@10', 'mrr']) expect(r[key]).toBeGreaterThanOrEqual(0), expect(r[key]).toBeLessThanOrEqual(1);
      expect(r.p50_ms).toBeLessThanOrEqual(r.p99_ms);
      expect(r.queries).toBe(6);
    }
    expect(reports[0]['recall@1']).toBe(1);
  });

  it('says what is missing when --data is not given', async () => {
    const { code, stderr } = await runCli('scripts/bench-retrieval.ts');
    expect(code).toBe(2);
    expect(stderr).toContain('--data is required');
  });
});
