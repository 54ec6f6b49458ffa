// The in-memory postings of the two FTS5 indexes (retrieval/load-postings.ts), written with the
// index: reading them back from FTS5's instance tables took about 3 s at every start-up, these
// blobs a few milliseconds. `kind` is 'stem' or 'gram'; counts are per column (title, questions,
// body), so that the column weights stay a search-time choice.
export default `
CREATE TABLE postings (
  kind         TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL,
  terms        TEXT NOT NULL,
  offsets      BLOB NOT NULL,
  docs         BLOB NOT NULL,
  counts       BLOB NOT NULL,
  rowids       BLOB NOT NULL
);
`;
