// The conversation log moderators read. Only what they need: Telegram ids (no names or usernames),
// the question as received, what the bot answered and why, feedback and flags.
export default `
CREATE TABLE users (
  telegram_id  INTEGER PRIMARY KEY,
  language     TEXT NOT NULL DEFAULT 'ar',
  -- 1 once the user picked a language, so Telegram's language_code stops overriding it
  language_chosen INTEGER NOT NULL DEFAULT 0,
  subscribed   INTEGER NOT NULL DEFAULT 0,
  blocked      INTEGER NOT NULL DEFAULT 0,
  first_seen   TEXT NOT NULL DEFAULT (datetime('now')),
  last_seen    TEXT NOT NULL DEFAULT (datetime('now'))
);

-- Updates already handled: Telegram redelivers unconfirmed updates after a restart.
CREATE TABLE handled_updates (
  update_id  INTEGER PRIMARY KEY,
  handled_at TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE TABLE exchanges (
  id           INTEGER PRIMARY KEY,
  update_id    INTEGER UNIQUE,
  chat_id      INTEGER NOT NULL,
  user_id      INTEGER NOT NULL,
  question     TEXT NOT NULL,
  normalized   TEXT NOT NULL,
  language     TEXT NOT NULL,
  answer_text  TEXT NOT NULL,
  answer_kind  TEXT NOT NULL,
  -- [{"id": entry id, "score": number}], best first: what the bot considered
  hits         TEXT NOT NULL DEFAULT '[]',
  entry_id     TEXT,
  confidence   REAL NOT NULL,
  latency_ms   REAL NOT NULL,
  created_at   TEXT NOT NULL DEFAULT (datetime('now')),
  delivered_at TEXT
);
CREATE INDEX exchanges_user ON exchanges (user_id);
CREATE INDEX exchanges_created ON exchanges (created_at);

CREATE TABLE feedback (
  exchange_id INTEGER PRIMARY KEY REFERENCES exchanges(id) ON DELETE CASCADE,
  rating      INTEGER NOT NULL CHECK (rating IN (-1, 1)),
  comment     TEXT,
  created_at  TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE TABLE flags (
  id          INTEGER PRIMARY KEY,
  exchange_id INTEGER NOT NULL REFERENCES exchanges(id) ON DELETE CASCADE,
  reason      TEXT NOT NULL CHECK (reason IN ('urgent', 'fallback', 'thumbs-down', 'asked-for-human')),
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  created_at  TEXT NOT NULL DEFAULT (datetime('now')),
  resolved_at TEXT,
  UNIQUE (exchange_id, reason)
);
CREATE INDEX flags_open ON flags (status, created_at);

-- Anonymous daily counts, kept when a user asks to be forgotten or conversations expire.
CREATE TABLE daily_counts (
  day   TEXT NOT NULL,
  kind  TEXT NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, kind)
);
`;
