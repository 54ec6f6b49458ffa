// Nothing lost, nothing doubled (DESIGN.md): every update is stored before Telegram is told it was
// received, and every answer is stored before it is sent, with the state of its delivery.
export default `
-- The inbox. An update is written here (one transaction per fetched batch) before its offset is
-- confirmed to Telegram; it is handled from here, in per-chat order, and finished after a crash.
-- The payload holds the message text, so it is cleared once handled; the hash stays a week to tell
-- a redelivery (same update) from a reused update_id (Telegram reuses ids after a week of silence).
CREATE TABLE inbox (
  update_id    INTEGER PRIMARY KEY,
  chat_key     TEXT NOT NULL,
  user_id      INTEGER,
  payload      TEXT,
  payload_hash TEXT NOT NULL,
  received_at  INTEGER NOT NULL,   -- ms since the epoch
  handled_at   INTEGER
);
CREATE INDEX inbox_pending ON inbox (update_id) WHERE handled_at IS NULL;
CREATE INDEX inbox_handled ON inbox (handled_at);
DROP TABLE handled_updates;

-- The outbox is the exchange itself: its answer is sent in parts (Telegram's 4,096-character
-- limit) and each state change is written before and after each part is sent.
--   pending  → to send (again) at next_attempt_at
--   sending  → a part is with Telegram; found so at start-up, its fate is unknown
--   sent     → every part was accepted
--   unknown  → the connection was lost after the request went out: never resent automatically
--   failed   → Telegram refused it for good (blocked, chat gone, too old)
ALTER TABLE exchanges ADD COLUMN delivery TEXT NOT NULL DEFAULT 'pending'
  CHECK (delivery IN ('pending', 'sending', 'sent', 'unknown', 'failed'));
UPDATE exchanges SET delivery = 'sent' WHERE delivered_at IS NOT NULL;
ALTER TABLE exchanges ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchanges ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchanges ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchanges ADD COLUMN last_error TEXT;
-- The buttons under the last part, as sent (JSON), so a resend after a restart shows the same.
ALTER TABLE exchanges ADD COLUMN reply_markup TEXT;
-- Partial indexes hold only what waits to be sent: they stay tiny however long the log grows.
-- (SQLite uses a partial index only when the query repeats its condition: delivery = 'pending'.)
CREATE INDEX exchanges_pending_by_chat ON exchanges (chat_id, id) WHERE delivery = 'pending';
CREATE INDEX exchanges_pending_due ON exchanges (next_attempt_at) WHERE delivery = 'pending';

-- New flag reasons: an answer that could not be delivered, and (later) a possible emergency.
CREATE TABLE flags_new (
  id          INTEGER PRIMARY KEY,
  exchange_id INTEGER NOT NULL REFERENCES exchanges(id) ON DELETE CASCADE,
  reason      TEXT NOT NULL CHECK (reason IN ('urgent', 'possibly-urgent', 'fallback', 'thumbs-down', 'asked-for-human', 'undelivered')),
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  created_at  TEXT NOT NULL DEFAULT (datetime('now')),
  resolved_at TEXT,
  UNIQUE (exchange_id, reason)
);
INSERT INTO flags_new SELECT * FROM flags;
DROP TABLE flags;
ALTER TABLE flags_new RENAME TO flags;
CREATE INDEX flags_open ON flags (status, created_at);
`;
