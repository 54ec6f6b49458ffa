// Retrieval benchmark: every engine indexes the same passages and answers the same questions, each
// in its own child process so that its peak RSS is its own.
//   npm run bench:retrieval -- --data DIR [--queries FILE] [--json] [--engines a,b]
import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ENGINES, type Passage } from './bench/engines.js';

interface Query {
  id: string;
  question: string;
  positive_ids: string[];
  alt_positive_ids?: string[];
}

interface Report {
  engine: string;
  queries: number;
  'recall@1': number;
  'recall@5': number;
  'recall@10': number;
  mrr: number;
  'relaxed_recall@1'?: number;
  p50_ms: number;
  p99_ms: number;
  build_ms: number;
  peak_rss_mb: number;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

function runEngine(name: string, passagesPath: string, queriesPath: string): Report {
  const passages = readJsonl<Passage>(passagesPath);
  const queries = readJsonl<Query>(queriesPath);
  const engine = ENGINES[name]!();
  const t0 = performance.now();
  engine.build(passages);
  const buildMs = performance.now() - t0;
  const latencies: number[] = [];
  const hitsAt = { 1: 0, 5: 0, 10: 0 };
  let relaxed1 = 0;
  let hasAlt = false;
  let rr = 0;
  for (const q of queries) {
    const start = performance.now();
    const ids = engine.search(q.question, 10);
    latencies.push(performance.now() - start);
    const gold = new Set(q.positive_ids);
    const rank = ids.findIndex((id) => gold.has(id));
    if (rank >= 0) {
      rr += 1 / (rank + 1);
      for (const k of [1, 5, 10] as const) if (rank < k) hitsAt[k]++;
    }
    if (q.alt_positive_ids?.length) hasAlt = true;
    const relaxed = new Set([...q.positive_ids, ...(q.alt_positive_ids ?? [])]);
    if (ids[0] !== undefined && relaxed.has(ids[0])) relaxed1++;
  }
  latencies.sort((a, b) => a - b);
  const n = queries.length;
  return {
    engine: name,
    queries: n,
    'recall@1': round(hitsAt[1] / n),
    'recall@5': round(hitsAt[5] / n),
    'recall@10': round(hitsAt[10] / n),
    mrr: round(rr / n),
    ...(hasAlt ? { 'relaxed_recall@1': round(relaxed1 / n) } : {}),
    p50_ms: round(percentile(latencies, 50), 3),
    p99_ms: round(percentile(latencies, 99), 3),
    build_ms: Math.round(buildMs),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run bench:retrieval -- --data DIR [--queries FILE] [--json] [--engines ${Object.keys(ENGINES).join(',')}]`);
  process.exit(2);
}

async function main() {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      queries: { type: 'string' },
      json: { type: 'boolean', default: false },
      engines: { type: 'string' },
      child: { type: 'string' },
    },
  });
  if (!values.data) usage('--data is required: a folder with passages.jsonl and queries.jsonl.');
  const passagesPath = join(values.data, 'passages.jsonl');
  let queriesPath = values.queries ?? 'queries.jsonl';
  if (!existsSync(queriesPath)) queriesPath = join(values.data, queriesPath);
  for (const path of [passagesPath, queriesPath]) if (!existsSync(path)) usage(`Not found: ${path}`);

  if (values.child) {
    process.send!(runEngine(values.child, passagesPath, queriesPath));
    return;
  }
  const names = values.engines ? values.engines.split(',') : Object.keys(ENGINES);
  for (const name of names) if (!ENGINES[name]) usage(`Unknown engine "${name}".`);
  const reports: Report[] = [];
  for (const name of names) {
    const child = fork(fileURLToPath(import.meta.url), ['--data', resolve(values.data), '--queries', resolve(queriesPath), '--child', name]);
    const report = await new Promise<Report>((done, fail) => {
      child.once('message', (m) => done(m as Report));
      child.once('exit', (code) => code !== 0 && fail(new Error(`engine ${name} exited with ${code}`)));
    });
    reports.push(report);
    if (values.json) console.log(JSON.stringify(report));
  }
  if (!values.json) {
    console.log(`${queriesPath}: ${reports[0]?.queries} queries`);
    console.table(reports.map(({ queries: _q, ...r }) => r));
  }
}

await main();
