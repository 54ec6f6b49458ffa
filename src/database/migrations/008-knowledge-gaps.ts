// Knowledge gaps: questions the bot could not answer, grouped by the engine's own analysis, with the
// entry later written for them, and the citizens who asked to be told when there is an answer.
export default `
CREATE TABLE knowledge_gaps (
  id           INTEGER PRIMARY KEY,
  -- The analysed stems of the group's first question (JSON array): what new questions are compared with
  stems        TEXT NOT NULL,
  -- An anonymous counter: it stays when retention or /forget removes the questions themselves
  count        INTEGER NOT NULL DEFAULT 0,
  first_at     TEXT NOT NULL DEFAULT (datetime('now')),
  last_at      TEXT NOT NULL DEFAULT (datetime('now')),
  -- Set when an approved entry answers the gap (checked at start-up after the index changes)
  entry_id     TEXT,
  answered_at  TEXT,
  draft_file   TEXT
);
CREATE INDEX knowledge_gaps_open ON knowledge_gaps (entry_id, count);

CREATE TABLE gap_questions (
  gap_id      INTEGER NOT NULL REFERENCES knowledge_gaps(id) ON DELETE CASCADE,
  exchange_id INTEGER NOT NULL UNIQUE REFERENCES exchanges(id) ON DELETE CASCADE,
  question    TEXT NOT NULL
);
CREATE INDEX gap_questions_gap ON gap_questions (gap_id);

-- Only citizens who pressed "tell me when there is an answer"; deleted by /forget.
CREATE TABLE gap_watchers (
  gap_id      INTEGER NOT NULL REFERENCES knowledge_gaps(id) ON DELETE CASCADE,
  user_id     INTEGER NOT NULL,
  chat_id     INTEGER NOT NULL,
  language    TEXT NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (datetime('now')),
  notified_at TEXT,
  PRIMARY KEY (gap_id, user_id)
);
`;
