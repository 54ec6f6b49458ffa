// The moderators' desk (src/moderation/): staff and their roles, cases, and what the review group
// must be shown. Every flag becomes a case, in the flag's own transaction (a trigger), so no flag
// can exist without its case, whoever raised it (an answer, a 👎, the outbox).
export default `
CREATE TABLE staff (
  user_id    INTEGER PRIMARY KEY,
  role       TEXT NOT NULL CHECK (role IN ('admin', 'moderator', 'broadcaster')),
  -- 1 while a moderator is on duty: mentioned on urgent cases
  on_duty    INTEGER NOT NULL DEFAULT 0,
  added_by   INTEGER,
  added_at   TEXT NOT NULL DEFAULT (datetime('now'))
);

-- Who did what to the staff list, and when (seeding from the environment included).
CREATE TABLE staff_audit (
  id         INTEGER PRIMARY KEY,
  actor      INTEGER,
  action     TEXT NOT NULL,
  target     INTEGER NOT NULL,
  role       TEXT,
  at         TEXT NOT NULL DEFAULT (datetime('now'))
);

-- The group sees a pseudonym, never a Telegram name, username or phone number.
ALTER TABLE users ADD COLUMN pseudonym INTEGER;

-- One open (open or taken) case per citizen. Times are ms since the epoch, for the figures.
CREATE TABLE cases (
  id             INTEGER PRIMARY KEY,
  user_id        INTEGER NOT NULL,
  chat_id        INTEGER NOT NULL,
  language       TEXT NOT NULL,
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taken', 'resolved')),
  urgent         INTEGER NOT NULL DEFAULT 0,
  assignee       INTEGER,
  outcome        TEXT CHECK (outcome IN ('answered', 'referred-911', 'no-action', 'spam', 'abuse')),
  -- 1 from the first human reply until resolved: the citizen's messages go to the case
  human_active   INTEGER NOT NULL DEFAULT 0,
  -- 1 once the citizen asked to be forgotten: their text is gone from the case
  forgotten      INTEGER NOT NULL DEFAULT 0,
  opened_at      INTEGER NOT NULL DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)),
  taken_at       INTEGER,
  first_reply_at INTEGER,
  resolved_at    INTEGER,
  -- The review group: the case's forum topic (no API lists them) or its card message.
  thread_id      INTEGER,
  card_message_id INTEGER,
  pinned         INTEGER NOT NULL DEFAULT 0,
  -- The card is re-rendered while card_version < version (the desk's queue edits it in place).
  version        INTEGER NOT NULL DEFAULT 1,
  card_version   INTEGER NOT NULL DEFAULT 0,
  last_alert_at  INTEGER
);
CREATE UNIQUE INDEX cases_one_open ON cases (user_id) WHERE status != 'resolved';
CREATE INDEX cases_card_due ON cases (urgent DESC, id) WHERE card_version < version;
CREATE INDEX cases_status ON cases (status, opened_at);

CREATE TABLE case_labels (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  label   TEXT NOT NULL,
  PRIMARY KEY (case_id, label)
);

-- The exchanges a case is about (ON DELETE CASCADE: retention and /forget remove them).
CREATE TABLE case_exchanges (
  case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  exchange_id INTEGER NOT NULL REFERENCES exchanges(id) ON DELETE CASCADE,
  PRIMARY KEY (case_id, exchange_id)
);

CREATE TABLE case_notes (
  id       INTEGER PRIMARY KEY,
  case_id  INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  author   INTEGER NOT NULL,
  text     TEXT NOT NULL,
  at       TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE TABLE case_actions (
  id       INTEGER PRIMARY KEY,
  case_id  INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  actor    INTEGER,
  action   TEXT NOT NULL,
  detail   TEXT,
  at       INTEGER NOT NULL DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER))
);

-- A citizen's message during a human conversation, to be posted in the case (posted_at set after).
CREATE TABLE case_messages (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  exchange_id INTEGER NOT NULL UNIQUE REFERENCES exchanges(id) ON DELETE CASCADE,
  posted_at   INTEGER
);
CREATE INDEX case_messages_unposted ON case_messages (id) WHERE posted_at IS NULL;

-- Moderator replies and notices are exchanges too (kind 'human' or 'notice'), sent by the outbox.
ALTER TABLE exchanges ADD COLUMN staff_id INTEGER;

CREATE TRIGGER flags_open_case AFTER INSERT ON flags BEGIN
  INSERT INTO cases (user_id, chat_id, language)
    SELECT e.user_id, e.chat_id, e.language FROM exchanges e
    WHERE e.id = NEW.exchange_id
      AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.user_id = e.user_id AND c.status != 'resolved');
  INSERT OR IGNORE INTO case_labels (case_id, label)
    SELECT c.id, NEW.reason FROM cases c JOIN exchanges e ON e.user_id = c.user_id
    WHERE e.id = NEW.exchange_id AND c.status != 'resolved';
  INSERT OR IGNORE INTO case_exchanges (case_id, exchange_id)
    SELECT c.id, e.id FROM cases c JOIN exchanges e ON e.user_id = c.user_id
    WHERE e.id = NEW.exchange_id AND c.status != 'resolved';
  UPDATE cases SET version = version + 1, urgent = urgent OR NEW.reason = 'urgent'
    WHERE status != 'resolved' AND user_id = (SELECT user_id FROM exchanges WHERE id = NEW.exchange_id);
  INSERT INTO case_actions (case_id, action, detail)
    SELECT c.id, 'flag', NEW.reason FROM cases c JOIN exchanges e ON e.user_id = c.user_id
    WHERE e.id = NEW.exchange_id AND c.status != 'resolved';
  UPDATE users SET pseudonym = 1000 + abs(random()) % 9000
    WHERE pseudonym IS NULL AND telegram_id = (SELECT user_id FROM exchanges WHERE id = NEW.exchange_id);
END;
`;
