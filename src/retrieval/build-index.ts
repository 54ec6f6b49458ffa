import type { Db } from '../database/open-database.js';
import { analyzeText, type Analysis } from './analyze-text.js';

/** What the index needs of a document: knowledge entries and benchmark passages alike. */
export interface IndexDocument {
  id: string;
  title: string;
  questions: string[];
  body: string;
  topic?: string | null;
  sources?: unknown[];
  file?: string | null;
}

/** Paragraphs of a body: the units an extractive answer is cut from. */
export function splitPassages(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** What the stem index holds of a text: its stems and adjacent stem pairs. */
export function termsOf(analysis: Analysis): string[] {
  return [...analysis.stems, ...analysis.pairs];
}

function analyzedFields(doc: IndexDocument) {
  const title = analyzeText(doc.title);
  // Each question is analyzed alone so that no stem pair spans two questions.
  const parts = doc.questions.map(analyzeText);
  const questions: Analysis = {
    normalized: '',
    stems: parts.flatMap((p) => p.stems),
    pairs: parts.flatMap((p) => p.pairs),
    grams: parts.flatMap((p) => p.grams),
  };
  const body = analyzeText(doc.body);
  return { title, questions, body };
}

/** Replaces the whole index with `docs` in one transaction, and records the content hash. */
export function buildIndex(db: Db, docs: IndexDocument[], contentHash: string): void {
  const insertEntry = db.prepare(
    `INSERT INTO entries (id, title, topic, body, sources, file)
     VALUES (@id, @title, @topic, @body, @sources, @file)`,
  );
  const insertPassage = db.prepare('INSERT INTO passages (entry_rowid, position, text) VALUES (?, ?, ?)');
  const insertQuestion = db.prepare('INSERT INTO entry_questions (entry_rowid, position, text) VALUES (?, ?, ?)');
  const insertStems = db.prepare('INSERT INTO stem_fts (rowid, title, questions, body) VALUES (?, ?, ?, ?)');
  const insertGrams = db.prepare('INSERT INTO gram_fts (rowid, title, questions, body) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    // Contentless FTS5 tables cannot DELETE rows; 'delete-all' is their way to empty.
    db.exec(`DELETE FROM passages; DELETE FROM entry_questions; DELETE FROM entries;
      INSERT INTO stem_fts (stem_fts) VALUES ('delete-all');
      INSERT INTO gram_fts (gram_fts) VALUES ('delete-all');`);
    for (const doc of docs) {
      const { title, questions, body } = analyzedFields(doc);
      const { lastInsertRowid } = insertEntry.run({
        id: doc.id,
        title: doc.title,
        topic: doc.topic ?? null,
        body: doc.body,
        sources: JSON.stringify(doc.sources ?? []),
        file: doc.file ?? null,
      });
      const rowid = Number(lastInsertRowid);
      splitPassages(doc.body).forEach((text, position) => insertPassage.run(rowid, position, text));
      doc.questions.forEach((text, position) => insertQuestion.run(rowid, position, text));
      insertStems.run(rowid, termsOf(title).join(' '), termsOf(questions).join(' '), termsOf(body).join(' '));
      insertGrams.run(rowid, title.grams.join(' '), questions.grams.join(' '), body.grams.join(' '));
    }
    db.prepare("INSERT OR REPLACE INTO index_meta (key, value) VALUES ('content_hash', ?)").run(contentHash);
  })();
}

export function indexedContentHash(db: Db): string | undefined {
  const row = db.prepare("SELECT value FROM index_meta WHERE key = 'content_hash'").get() as { value: string } | undefined;
  return row?.value;
}
