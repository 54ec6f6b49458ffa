import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkPhoneNumbers, loadPhoneAllowlist, PHONE_ALLOWLIST_FILE } from './check-phone-numbers.js';
import { frontMatterSchema, type KnowledgeEntry } from './knowledge-entry.js';
import { readCitations } from './read-citations.js';

export interface KnowledgeProblem {
  file: string;
  field: string;
  message: string;
}

export interface KnowledgeBase {
  /** Every valid entry, drafts included; serve only `approved` ones. */
  entries: KnowledgeEntry[];
  problems: KnowledgeProblem[];
  /** Worth fixing but not blocking: citations without a URL. */
  warnings: KnowledgeProblem[];
  /** Hash of every file's path and bytes: the index is rebuilt when it changes. */
  contentHash: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

function markdownFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...markdownFiles(path));
    else if (name.endsWith('.md') && name !== 'README.md') found.push(path);
  }
  return found;
}

function parseEntry(file: string, raw: string, problems: KnowledgeProblem[]): KnowledgeEntry | undefined {
  const match = FRONT_MATTER.exec(raw);
  if (!match) {
    problems.push({ file, field: 'front matter', message: 'must start with a --- YAML block closed by ---' });
    return undefined;
  }
  let data: unknown;
  try {
    data = parseYaml(match[1]!);
  } catch (error) {
    problems.push({ file, field: 'front matter', message: `is not valid YAML: ${(error as Error).message.split('\n')[0]}` });
    return undefined;
  }
  const parsed = frontMatterSchema.safeParse(data ?? {});
  const body = match[2]!.trim();
  if (!body) problems.push({ file, field: 'body', message: 'is empty: write the answer under the front matter' });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.length ? issue.path.join('.') : 'front matter';
      const value = issue.path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key], data);
      const message = value === undefined || value === null ? 'is missing' : issue.message;
      problems.push({ file, field, message });
    }
    return undefined;
  }
  if (!body) return undefined;
  // Urgent advice is sourced sentence by sentence: a person in danger acts on each one.
  const cited = readCitations(body, parsed.data.sources.length, parsed.data.urgent !== undefined);
  for (const p of cited.problems) problems.push({ file, ...p });
  const passages = cited.passages;
  return { ...parsed.data, body: passages.map((p) => p.text).join('\n\n'), passages, file };
}

/** Citations a reader cannot follow: not errors (printed texts have no address), but each is counted. */
function citationWarnings(entry: KnowledgeEntry): KnowledgeProblem[] {
  return entry.sources.flatMap((s, i) =>
    s.url ? [] : [{ file: entry.file, field: `sources.${i}`, message: `«${s.title}» has no url: add the address of the page that holds the claim, if there is one` }],
  );
}

/** Reads every `knowledge/<topic>/<slug>.md`, validating each and reporting every problem found. */
export function loadKnowledge(dir: string): KnowledgeBase {
  const problems: KnowledgeProblem[] = [];
  const entries: KnowledgeEntry[] = [];
  const hash = createHash('sha256');
  let files: string[];
  try {
    files = markdownFiles(dir);
  } catch {
    return { entries, problems: [{ file: dir, field: 'folder', message: 'cannot be read: check KNOWLEDGE_DIR' }], warnings: [], contentHash: '' };
  }
  const allowlist = loadPhoneAllowlist(dir, problems);
  const allowlistPath = join(dir, PHONE_ALLOWLIST_FILE);
  try {
    hash.update(PHONE_ALLOWLIST_FILE).update('\0').update(readFileSync(allowlistPath)).update('\0');
  } catch {
    // No allowlist: entries may contain no phone numbers at all.
  }
  const seen = new Map<string, string>();
  const urgentSeen = new Map<string, string>();
  for (const path of files) {
    const file = relative(dir, path).split(sep).join('/');
    const raw = readFileSync(path, 'utf8');
    hash.update(file).update('\0').update(raw).update('\0');
    const entry = parseEntry(file, raw, problems);
    if (!entry) continue;
    const first = seen.get(entry.id);
    if (first) {
      problems.push({ file, field: 'id', message: `"${entry.id}" is already used by ${first}` });
      continue;
    }
    seen.set(entry.id, file);
    const folder = file.split('/')[0];
    if (file.includes('/') && folder !== entry.topic) {
      problems.push({ file, field: 'topic', message: `is "${entry.topic}" but the file is in ${folder}/` });
    }
    if (entry.urgent) {
      // The advice shown to a person in danger must not depend on file order.
      const other = urgentSeen.get(entry.urgent);
      if (other) problems.push({ file, field: 'urgent', message: `"${entry.urgent}" is already the advice of ${other}` });
      else urgentSeen.set(entry.urgent, file);
    }
    const numberProblems = checkPhoneNumbers(entry, allowlist);
    problems.push(...numberProblems);
    if (numberProblems.length === 0) entries.push(entry);
  }
  if (files.length === 0) problems.push({ file: dir, field: 'folder', message: 'holds no .md entries' });
  return { entries, problems, warnings: entries.flatMap(citationWarnings), contentHash: hash.digest('hex') };
}

export function formatProblems(problems: KnowledgeProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.field} ${p.message}`).join('\n');
}
