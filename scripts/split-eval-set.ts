// npm run eval:split -- IN_DIR OUT_DIR
// Splits a freshly written blind set into a tuning half and a sealed half, file by file, by a hash of
// each message: deterministic, balanced within each file, and decided without anyone reading the
// messages. Tune on OUT_DIR/tune only; OUT_DIR/sealed is measured, never read (eval refuses to list
// its misses).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: npm run eval:split -- IN_DIR OUT_DIR');
  process.exit(1);
}
for (const half of ['tune', 'sealed']) mkdirSync(join(output, half), { recursive: true });

for (const file of readdirSync(input).filter((f) => f.endsWith('.jsonl')).sort()) {
  const lines = readFileSync(join(input, file), 'utf8').split('\n').filter((l) => l.trim());
  // Rank by hash and cut at the middle, so that each half holds half of every file.
  const ranked = lines
    .map((line) => ({ line, key: createHash('sha256').update(line).digest('hex') }))
    .sort((a, b) => a.key.localeCompare(b.key));
  const middle = Math.ceil(ranked.length / 2);
  const halves = { tune: ranked.slice(0, middle), sealed: ranked.slice(middle) };
  for (const [half, rows] of Object.entries(halves)) {
    // Back in the writer's order, so that a reviewer reads them as written.
    const kept = new Set(rows.map((r) => r.line));
    writeFileSync(join(output, half, file), lines.filter((l) => kept.has(l)).join('\n') + '\n');
  }
  console.log(`${file}: ${middle} to tune, ${ranked.length - middle} sealed`);
}
