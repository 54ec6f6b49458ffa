// The knowledge index: rebuilt from knowledge/ whenever its content hash changes.
// Two FTS5 tables hold the same entries analyzed two ways (stems and stem pairs; character n-grams)
// because their rankings fail on different questions and are fused at query time. The analyzed
// text is produced in TypeScript, so FTS5 only splits on spaces ('_' belongs to pairs and n-grams).
// FTS5 stores the postings compactly and keeps them queryable with SQL; ranking itself runs over a
// copy loaded into memory (see retrieval/load-postings.ts for why).
export default `
CREATE TABLE index_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE entries (
  rowid     INTEGER PRIMARY KEY,
  id        TEXT NOT NULL UNIQUE,
  title     TEXT NOT NULL,
  topic     TEXT,
  body      TEXT NOT NULL,
  sources   TEXT NOT NULL DEFAULT '[]',
  file      TEXT
);

CREATE TABLE passages (
  entry_rowid INTEGER NOT NULL REFERENCES entries(rowid) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  text        TEXT NOT NULL,
  PRIMARY KEY (entry_rowid, position)
);

-- The questions an entry answers, as citizens ask them: a new question close to one of them is
-- the strongest sign that the entry answers it.
CREATE TABLE entry_questions (
  entry_rowid INTEGER NOT NULL REFERENCES entries(rowid) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  text        TEXT NOT NULL,
  PRIMARY KEY (entry_rowid, position)
);

CREATE VIRTUAL TABLE stem_fts USING fts5(
  title, questions, body,
  content='', tokenize="unicode61 remove_diacritics 0 tokenchars '_'"
);

CREATE VIRTUAL TABLE gram_fts USING fts5(
  title, questions, body,
  content='', tokenize="unicode61 remove_diacritics 0 tokenchars '_'"
);

-- Every occurrence of every term: the searcher loads its postings from here.
CREATE VIRTUAL TABLE stem_instances USING fts5vocab(stem_fts, 'instance');
CREATE VIRTUAL TABLE gram_instances USING fts5vocab(gram_fts, 'instance');
`;
