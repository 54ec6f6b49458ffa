// A wrong phone number sends a citizen in danger nowhere, so every number an entry shows must be
// listed, with its source, in knowledge/phone-numbers.yaml. Checked at load time: a number that is
// not listed stops knowledge:check and start-up, like any other broken entry.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { KnowledgeEntry } from './knowledge-entry.js';
import type { KnowledgeProblem } from './load-knowledge.js';

export const PHONE_ALLOWLIST_FILE = 'phone-numbers.yaml';

const allowlistSchema = z.object({
  numbers: z
    .array(
      z.object({
        number: z.string().regex(/^\+?\d+$/, 'must be digits only, quoted'),
        status: z.enum(['current', 'former', 'kurdistan-region']),
        what: z.string().min(1),
        source: z.object({ title: z.string().min(1), publisher: z.string().optional(), url: z.url().optional(), date: z.union([z.date(), z.string()]).optional() }).refine((s) => s.url || s.publisher, 'needs a url or a publisher'),
      }),
    )
    .default([]),
  not_phone_numbers: z.array(z.object({ number: z.string().regex(/^\d+$/), reason: z.string().min(1) })).default([]),
});

export interface PhoneAllowlist {
  phones: Set<string>;
  notPhones: Set<string>;
}

export function loadPhoneAllowlist(dir: string, problems: KnowledgeProblem[]): PhoneAllowlist {
  const empty = { phones: new Set<string>(), notPhones: new Set<string>() };
  const path = join(dir, PHONE_ALLOWLIST_FILE);
  if (!existsSync(path)) return empty;
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push({ file: PHONE_ALLOWLIST_FILE, field: 'file', message: `is not valid YAML: ${(error as Error).message.split('\n')[0]}` });
    return empty;
  }
  const parsed = allowlistSchema.safeParse(data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ file: PHONE_ALLOWLIST_FILE, field: issue.path.join('.') || 'file', message: issue.message });
    return empty;
  }
  return {
    phones: new Set(parsed.data.numbers.map((n) => n.number)),
    notPhones: new Set(parsed.data.not_phone_numbers.map((n) => n.number)),
  };
}

const ARABIC_DIGITS = /[٠-٩۰-۹]/g;
const toAscii = (text: string) => text.replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10));
// Three or more digits, possibly grouped by spaces or hyphens as phone numbers are written
// (0770 123 4567); never the tail of a decimal or a thousands-separated amount.
const NUMBER = /(?<![\d.,٫٬])\+?\d(?:[ -]?\d){2,}(?![\d.,٫٬]\d)/g;
const isYear = (digits: string) => /^(19|20)\d\d$/.test(digits);

/** Numbers of three or more digits in the text a citizen can see (title, questions as buttons, body). */
export function findNumbers(text: string): string[] {
  return [...toAscii(text).matchAll(NUMBER)].map((m) => m[0].replace(/[ -]/g, '')).filter((n) => !isYear(n));
}

export function checkPhoneNumbers(entry: Pick<KnowledgeEntry, 'file' | 'title' | 'questions' | 'body'>, allowlist: PhoneAllowlist): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const fields: [string, string][] = [['title', entry.title], ...entry.questions.map((q, i): [string, string] => [`questions.${i}`, q]), ['body', entry.body]];
  for (const [field, text] of fields) {
    for (const number of new Set(findNumbers(text))) {
      if (allowlist.phones.has(number) || allowlist.notPhones.has(number)) continue;
      problems.push({
        file: entry.file,
        field,
        message: `contains the number ${number}, which is not in ${PHONE_ALLOWLIST_FILE}: add it there with its source (or under not_phone_numbers with the reason), or remove it`,
      });
    }
  }
  return problems;
}
