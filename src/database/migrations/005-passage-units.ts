// Retrieval by paragraph: each paragraph of an entry (with its translations) is its own searchable
// unit, carrying the entry's title and questions. Long entries no longer dilute a precise match,
// and the best unit says which paragraph answers. The FTS tables' rowids are unit rowids from now
// on; the index is rebuilt at start-up (its format number changed).
export default `
CREATE TABLE units (
  rowid       INTEGER PRIMARY KEY,
  entry_rowid INTEGER NOT NULL REFERENCES entries(rowid) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  UNIQUE (entry_rowid, position)
);
`;
