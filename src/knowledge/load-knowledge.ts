import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkPhoneNumbers, loadPhoneAllowlist, PHONE_ALLOWLIST_FILE, type PhoneAllowlist } from './check-phone-numbers.js';
import { frontMatterSchema, TRANSLATION_LANGUAGES, translationSchema, type KnowledgeEntry } from './knowledge-entry.js';
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
  for (const n of Object.keys(parsed.data.paragraph_questions)) {
    if (Number(n) > passages.length) problems.push({ file, field: `paragraph_questions.${n}`, message: `names paragraph ${n} but the body has ${passages.length}` });
  }
  return { ...parsed.data, body: passages.map((p) => p.text).join('\n\n'), passages, translations: {}, file };
}

const TRANSLATION_FILE = /\.(en|ckb)\.md$/;

/** Attaches `<id>.en.md` / `<id>.ckb.md` to their entry, checking they follow it paragraph by paragraph. */
function attachTranslation(file: string, raw: string, entries: Map<string, KnowledgeEntry>, problems: KnowledgeProblem[], allowlist: PhoneAllowlist): void {
  const match = FRONT_MATTER.exec(raw);
  if (!match) return void problems.push({ file, field: 'front matter', message: 'must start with a --- YAML block closed by ---' });
  let data: unknown;
  try {
    data = parseYaml(match[1]!);
  } catch (error) {
    return void problems.push({ file, field: 'front matter', message: `is not valid YAML: ${(error as Error).message.split('\n')[0]}` });
  }
  const parsed = translationSchema.safeParse(data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ file, field: issue.path.join('.') || 'front matter', message: issue.message });
    return;
  }
  const { id, language } = parsed.data;
  const entry = entries.get(id);
  if (!entry) return void problems.push({ file, field: 'id', message: `"${id}" is not the id of any entry` });
  if (!file.endsWith(`${id}.${language}.md`)) problems.push({ file, field: 'id', message: `the file must be named ${id}.${language}.md` });
  const cited = readCitations(match[2]!.trim(), entry.sources.length);
  for (const p of cited.problems) problems.push({ file, ...p });
  // A wrong number is as dangerous in English or Kurdish as in Arabic.
  const body = cited.passages.map((p) => p.text).join('\n\n');
  const numbers = checkPhoneNumbers({ file, title: parsed.data.title, questions: parsed.data.questions, body }, allowlist);
  problems.push(...numbers);
  if (numbers.length) return;
  if (cited.passages.length !== entry.passages.length) {
    problems.push({ file, field: 'body', message: `has ${cited.passages.length} paragraph(s) but ${entry.file} has ${entry.passages.length}: translate paragraph by paragraph` });
    return;
  }
  entry.translations[language] = {
    language,
    status: parsed.data.status,
    title: parsed.data.title,
    questions: parsed.data.questions,
    paragraph_questions: parsed.data.paragraph_questions,
    passages: cited.passages,
    file,
  };
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
  const translationFiles: [string, string][] = [];
  for (const path of files) {
    const file = relative(dir, path).split(sep).join('/');
    const raw = readFileSync(path, 'utf8');
    hash.update(file).update('\0').update(raw).update('\0');
    if (TRANSLATION_FILE.test(file)) {
      translationFiles.push([file, raw]);
      continue;
    }
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
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const [file, raw] of translationFiles) attachTranslation(file, raw, byId, problems, allowlist);
  const untranslated = entries.flatMap((e) =>
    TRANSLATION_LANGUAGES.filter((l) => e.status === 'approved' && !e.translations[l]).map((l) => ({
      file: e.file,
      field: 'translations',
      message: `has no ${l === 'en' ? 'English' : 'Kurdish'} version (${e.id}.${l}.md): ${l === 'en' ? 'English' : 'Kurdish'} readers get the Arabic with a note`,
    })),
  );
  return { entries, problems, warnings: [...entries.flatMap(citationWarnings), ...untranslated], contentHash: hash.digest('hex') };
}

export function formatProblems(problems: KnowledgeProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.field} ${p.message}`).join('\n');
}
