import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder removed after the test; `files` maps relative paths to contents. */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'aman-test-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** A valid knowledge entry, with front-matter fields overridable (null removes a field). */
export function entryFile(fields: Record<string, string | null> = {}, body = 'جواب قصير.\n\nتفاصيل.'): string {
  const defaults: Record<string, string> = {
    id: 'police-test-entry',
    title: 'عنوان تجريبي',
    topic: 'police',
    questions: '\n  - "سؤال تجريبي"',
    sources: '\n  - { title: "مصدر", publisher: "ناشر", url: "https://example.org/a", date: 2025-01-12 }',
    status: 'approved',
  };
  const merged = { ...defaults, ...fields };
  const lines = Object.entries(merged)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n${body}\n`;
}
