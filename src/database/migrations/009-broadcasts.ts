// Broadcasts (src/broadcasts/): a message staff push to subscribers, approved by a second person,
// resolved once into one row per recipient, and delivered at Telegram's pace. Each recipient row
// goes pending → sending → sent | failed | stopped | unknown, written before and after each call, so
// that a crash leaves `sending` rows (their fate unknown: never resent) and nothing else in doubt.
export default `
-- Segments a citizen may give: their governorate (asked once after /subscribe, skippable) and the
-- topics they want (NULL: all of them).
ALTER TABLE users ADD COLUMN governorate TEXT;
ALTER TABLE users ADD COLUMN topics TEXT;

CREATE TABLE broadcasts (
  id              INTEGER PRIMARY KEY,
  author          INTEGER NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('composing', 'draft', 'awaiting-approval', 'approved', 'sending', 'done', 'cancelled', 'rejected')),
  -- Either a text (from the CLI) or a message to copy as composed (copyMessage keeps formatting and media)
  text            TEXT,
  from_chat_id    INTEGER,
  message_id      INTEGER,
  -- {"language"?: "ar"|"en"|"ckb", "topic"?: ..., "governorate"?: ...}
  audience        TEXT NOT NULL DEFAULT '{}',
  -- ms since the epoch; NULL: as soon as approved
  scheduled_at    INTEGER,
  approved_by     INTEGER,
  reason          TEXT,
  created_at      INTEGER NOT NULL DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)),
  started_at      INTEGER,
  finished_at     INTEGER,
  total           INTEGER,
  -- The author's progress message, edited in place
  progress_chat_id    INTEGER,
  progress_message_id INTEGER,
  CHECK (text IS NOT NULL OR message_id IS NOT NULL OR state = 'composing')
);
CREATE INDEX broadcasts_active ON broadcasts (state, scheduled_at);

CREATE TABLE broadcast_recipients (
  broadcast_id INTEGER NOT NULL REFERENCES broadcasts(id) ON DELETE CASCADE,
  user_id      INTEGER NOT NULL,
  state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'stopped', 'unknown')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  next_at      INTEGER NOT NULL DEFAULT 0,
  reason       TEXT,
  done_at      INTEGER,
  PRIMARY KEY (broadcast_id, user_id)
) WITHOUT ROWID;
CREATE INDEX broadcast_recipients_pending ON broadcast_recipients (broadcast_id, next_at) WHERE state = 'pending';
CREATE INDEX broadcast_recipients_sending ON broadcast_recipients (broadcast_id) WHERE state = 'sending';

CREATE TABLE broadcast_audit (
  id           INTEGER PRIMARY KEY,
  broadcast_id INTEGER NOT NULL,
  actor        INTEGER,
  action       TEXT NOT NULL,
  detail       TEXT,
  at           TEXT NOT NULL DEFAULT (datetime('now'))
);
`;
