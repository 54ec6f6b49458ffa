import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { openDatabase } from '../../src/database/open-database.js';
import { buildIndex } from '../../src/retrieval/build-index.js';
import { createSearcher } from '../../src/retrieval/search-index.js';

export interface Passage {
  id: string;
  title: string;
  text: string;
}

/** A retrieval engine as the benchmark sees it: build once, then answer queries with ranked ids. */
export interface Engine {
  build(passages: Passage[]): void;
  search(question: string, k: number): string[];
}

/** Ours: the production analyzer, index and fused ranking, on an in-memory SQLite file. */
function aman(): Engine {
  const db = openDatabase(':memory:');
  let search: ReturnType<typeof createSearcher> | undefined;
  return {
    build(passages) {
      buildIndex(db, passages.map((p) => ({ id: p.id, title: p.title, questions: [], passages: [p.text] })), 'bench');
      search = createSearcher(db);
    },
    search: (question, k) => search!(question, k).hits.map((h) => h.id),
  };
}

/** SQLite FTS5 out of the box: unicode61 tokenizer on the raw text, bm25 ranking. */
function fts5Unicode61(): Engine {
  const db = new Database(':memory:');
  db.exec('CREATE VIRTUAL TABLE p USING fts5(id UNINDEXED, title, text)');
  const query = db.prepare('SELECT id FROM p WHERE p MATCH ? ORDER BY rank LIMIT ?').pluck();
  return {
    build(passages) {
      const insert = db.prepare('INSERT INTO p (id, title, text) VALUES (?, ?, ?)');
      db.transaction(() => passages.forEach((p) => insert.run(p.id, p.title, p.text)))();
    },
    search(question, k) {
      const words = question.match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length === 0) return [];
      return query.all(words.map((w) => `"${w}"`).join(' OR '), k) as string[];
    },
  };
}

/** MiniSearch with its defaults: what a JavaScript developer would otherwise reach for. */
function miniSearch(): Engine {
  const index = new MiniSearch<Passage>({ fields: ['title', 'text'] });
  return {
    build: (passages) => index.addAll(passages),
    search: (question, k) => index.search(question).slice(0, k).map((r) => String(r.id)),
  };
}

export const ENGINES: Record<string, () => Engine> = {
  aman,
  'fts5-unicode61': fts5Unicode61,
  minisearch: miniSearch,
};
