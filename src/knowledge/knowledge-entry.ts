import { z } from 'zod';
import { URGENT_CATEGORIES } from '../safety/urgent-categories.js';
import type { Passage } from './read-citations.js';

export const TOPICS = ['rights', 'duties', 'drugs', 'police', 'security', 'emergency'] as const;
export type Topic = (typeof TOPICS)[number];

const text = z.string().trim().min(1, 'must not be empty');

// YAML turns an unquoted 2025-01-12 into a Date; both spellings mean the same day.
const day = z.union([z.date().transform((d) => d.toISOString().slice(0, 10)), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')]);

export const sourceSchema = z
  .object({
    title: text,
    publisher: text.optional(),
    url: z.url({ message: 'must be a full http(s) URL' }).optional(),
    date: day.optional(),
  })
  .refine((s) => s.url !== undefined || s.publisher !== undefined, {
    message: 'needs a url or, for printed or campaign texts, a publisher',
  });

export const frontMatterSchema = z.object({
  // At most 56 characters: a button that asks an entry carries "ask:<id>" in 64 bytes of callback_data.
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case kebab-case (a-z, 0-9, -)').max(56, 'must be at most 56 characters'),
  title: text,
  topic: z.enum(TOPICS, { message: `must be one of ${TOPICS.join(', ')}` }),
  questions: z.array(text).default([]),
  // Questions a later paragraph answers (its number, 2 for the second): «كم حالة ابتزاز سنوياً» finds
  // the paragraph with the figure, not only the entry.
  paragraph_questions: z.record(z.string().regex(/^[2-9]$|^[1-9]\d+$/, 'must be a paragraph number from 2 (the lead takes `questions:`)'), z.array(text)).default({}),
  // A draft may have none yet (a knowledge gap's draft is written before anyone found a source).
  sources: z.array(sourceSchema).default([]),
  status: z.enum(['approved', 'draft'], { message: 'must be approved or draft' }),
  reviewed: day.optional(),
  // Marks the entry whose lead paragraph is the pre-approved advice for that kind of emergency.
  urgent: z.enum(URGENT_CATEGORIES, { message: `must be one of ${URGENT_CATEGORIES.join(', ')}` }).optional(),
  // Position among a topic's example buttons (1 first): what most citizens come for (911, treatment, ...).
  featured: z.number().int().positive({ message: 'must be 1, 2, 3, ... (position among the topic examples)' }).optional(),
}).refine((e) => e.status === 'draft' || e.sources.length > 0, { message: 'needs at least one source', path: ['sources'] });

export type Source = z.infer<typeof sourceSchema>;

// A translation lives beside its entry: knowledge/<topic>/<id>.en.md or <id>.ckb.md, with the same
// paragraphs in the same order and the same citation markers, so paragraph i answers in any
// language. Written for English and Kurdish readers and marked pending until a native speaker
// reviews it; the Arabic stays the reference, one tap away.
export const TRANSLATION_LANGUAGES = ['en', 'ckb'] as const;
export type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number];

export const translationSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be the id of the Arabic entry'),
  language: z.enum(TRANSLATION_LANGUAGES, { message: 'must be en or ckb' }),
  status: z.enum(['pending-review', 'reviewed'], { message: 'must be pending-review or reviewed' }),
  title: text,
  questions: z.array(text).default([]),
  paragraph_questions: z.record(z.string().regex(/^[2-9]$|^[1-9]\d+$/, 'must be a paragraph number from 2'), z.array(text)).default({}),
});

export interface Translation {
  language: TranslationLanguage;
  status: 'pending-review' | 'reviewed';
  title: string;
  questions: string[];
  paragraph_questions: Record<string, string[]>;
  passages: Passage[];
  file: string;
}

export interface KnowledgeEntry extends z.infer<typeof frontMatterSchema> {
  /** The body as citizens read it: citation markers removed. */
  body: string;
  /** Its paragraphs, each with the sources it cites (see read-citations.ts). */
  passages: Passage[];
  /** English and Kurdish versions, when written. */
  translations: Partial<Record<TranslationLanguage, Translation>>;
  /** Path relative to the knowledge folder, for messages that must name the file. */
  file: string;
}
