import type { Db } from '../database/open-database.js';
import { analyzeText, type Analysis } from './analyze-text.js';
import { collectPostings, storePostings, type UnitTerms } from './load-postings.js';

/** What the index needs of a document: knowledge entries and benchmark passages alike. */
export interface IndexDocument {
  id: string;
  title: string;
  questions: string[];
  /** The searchable units: each paragraph (with its translations), in order. */
  passages: string[];
  /** Questions that only one paragraph answers, by paragraph position (0 is the lead). */
  paragraphQuestions?: string[][];
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
  const own = (doc.paragraphQuestions ?? []).map((list) => list.map(analyzeText));
  return { title, questions, own, passages: doc.passages.map(analyzeText) };
}

function merged(parts: Analysis[]): Analysis {
  return { normalized: '', stems: parts.flatMap((p) => p.stems), pairs: parts.flatMap((p) => p.pairs), grams: parts.flatMap((p) => p.grams) };
}

/** Replaces the whole index with `docs` in one transaction, and records the content hash. */
export function buildIndex(db: Db, docs: IndexDocument[], contentHash: string): void {
  const insertEntry = db.prepare(
    `INSERT INTO entries (id, title, topic, body, sources, file)
     VALUES (@id, @title, @topic, @body, @sources, @file)`,
  );
  const insertPassage = db.prepare('INSERT INTO passages (entry_rowid, position, text) VALUES (?, ?, ?)');
  const insertUnit = db.prepare('INSERT INTO units (entry_rowid, position) VALUES (?, ?)');
  const insertQuestion = db.prepare('INSERT INTO entry_questions (entry_rowid, position, text, paragraph) VALUES (?, ?, ?, ?)');
  const insertStems = db.prepare('INSERT INTO stem_fts (rowid, title, questions, body) VALUES (?, ?, ?, ?)');
  const insertGrams = db.prepare('INSERT INTO gram_fts (rowid, title, questions, body) VALUES (?, ?, ?, ?)');
  const stemUnits: UnitTerms[] = [];
  const gramUnits: UnitTerms[] = [];
  db.transaction(() => {
    // Contentless FTS5 tables cannot DELETE rows; 'delete-all' is their way to empty.
    db.exec(`DELETE FROM units; DELETE FROM passages; DELETE FROM entry_questions; DELETE FROM entries;
      INSERT INTO stem_fts (stem_fts) VALUES ('delete-all');
      INSERT INTO gram_fts (gram_fts) VALUES ('delete-all');`);
    for (const doc of docs) {
      const { title, questions, own, passages } = analyzedFields(doc);
      const { lastInsertRowid } = insertEntry.run({
        id: doc.id,
        title: doc.title,
        topic: doc.topic ?? null,
        body: doc.passages.join('\n\n'),
        sources: JSON.stringify(doc.sources ?? []),
        file: doc.file ?? null,
      });
      const rowid = Number(lastInsertRowid);
      doc.passages.forEach((text, position) => insertPassage.run(rowid, position, text));
      doc.questions.forEach((text, position) => insertQuestion.run(rowid, position, text, null));
      let position = doc.questions.length;
      (doc.paragraphQuestions ?? []).forEach((list, paragraph) => list.forEach((text) => insertQuestion.run(rowid, position++, text, paragraph)));
      // Each paragraph is a unit carrying the entry's title and questions, and its own (migration 005).
      passages.forEach((body, paragraph) => {
        const unit = Number(insertUnit.run(rowid, paragraph).lastInsertRowid);
        void own;
        const asked = questions;
        const stems: UnitTerms['columns'] = [termsOf(title), termsOf(asked), termsOf(body)];
        const grams: UnitTerms['columns'] = [title.grams, asked.grams, body.grams];
        insertStems.run(unit, ...stems.map((terms) => terms.join(' ')));
        insertGrams.run(unit, ...grams.map((terms) => terms.join(' ')));
        stemUnits.push({ rowid: unit, columns: stems });
        gramUnits.push({ rowid: unit, columns: grams });
      });
    }
    db.prepare("INSERT OR REPLACE INTO index_meta (key, value) VALUES ('content_hash', ?)").run(contentHash);
    // The postings search reads at start-up, from the terms just written (load-postings.ts).
    storePostings(db, 'stem', collectPostings(stemUnits), contentHash);
    storePostings(db, 'gram', collectPostings(gramUnits), contentHash);
  })();
}

export function indexedContentHash(db: Db): string | undefined {
  const row = db.prepare("SELECT value FROM index_meta WHERE key = 'content_hash'").get() as { value: string } | undefined;
  return row?.value;
}
