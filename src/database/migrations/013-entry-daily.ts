// How often each entry was served, and its 👍 and 👎, by day: the console's Knowledge page reads a
// few thousand of these rows instead of a million exchanges. Triggers keep them; like daily_counts
// they outlive the conversations retention deletes (they hold no personal data).
export default `
CREATE TABLE entry_daily (
  entry_id TEXT NOT NULL,
  day      TEXT NOT NULL,
  served   INTEGER NOT NULL DEFAULT 0,
  up       INTEGER NOT NULL DEFAULT 0,
  down     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (entry_id, day)
) WITHOUT ROWID;
CREATE TRIGGER entry_daily_served AFTER INSERT ON exchanges
WHEN NEW.entry_id IS NOT NULL AND NEW.answer_kind IN ('answered', 'urgent') BEGIN
  INSERT INTO entry_daily (entry_id, day, served) VALUES (NEW.entry_id, date(NEW.created_at), 1)
    ON CONFLICT (entry_id, day) DO UPDATE SET served = served + 1;
END;
CREATE TRIGGER entry_daily_rated AFTER INSERT ON feedback BEGIN
  INSERT INTO entry_daily (entry_id, day, up, down)
    SELECT entry_id, date(created_at), NEW.rating = 1, NEW.rating = -1 FROM exchanges WHERE id = NEW.exchange_id AND entry_id IS NOT NULL
    ON CONFLICT (entry_id, day) DO UPDATE SET up = up + excluded.up, down = down + excluded.down;
END;
CREATE TRIGGER entry_daily_rerated AFTER UPDATE OF rating ON feedback WHEN OLD.rating != NEW.rating BEGIN
  UPDATE entry_daily SET up = up + (NEW.rating = 1) - (OLD.rating = 1), down = down + (NEW.rating = -1) - (OLD.rating = -1)
    WHERE (entry_id, day) = (SELECT entry_id, date(created_at) FROM exchanges WHERE id = NEW.exchange_id);
END;
INSERT INTO entry_daily (entry_id, day, served, up, down)
  SELECT x.entry_id, date(x.created_at), sum(x.answer_kind IN ('answered', 'urgent')), coalesce(sum(f.rating = 1), 0), coalesce(sum(f.rating = -1), 0)
  FROM exchanges x LEFT JOIN feedback f ON f.exchange_id = x.id WHERE x.entry_id IS NOT NULL GROUP BY 1, 2;
`;
