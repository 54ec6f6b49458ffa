// The console's search over what citizens asked (console/, conversations/search-exchanges.ts): a
// trigram index of each question as the engine normalises it («الشرطة» and «الشرطه» are one
// text), kept by triggers so that retention and /forget remove a question from it too.
export default `
CREATE VIRTUAL TABLE exchanges_search USING fts5(normalized, content='exchanges', content_rowid='id', tokenize='trigram');
CREATE TRIGGER exchanges_search_insert AFTER INSERT ON exchanges BEGIN
  INSERT INTO exchanges_search (rowid, normalized) VALUES (NEW.id, NEW.normalized);
END;
CREATE TRIGGER exchanges_search_delete AFTER DELETE ON exchanges BEGIN
  INSERT INTO exchanges_search (exchanges_search, rowid, normalized) VALUES ('delete', OLD.id, OLD.normalized);
END;
CREATE TRIGGER exchanges_search_update AFTER UPDATE OF normalized ON exchanges BEGIN
  INSERT INTO exchanges_search (exchanges_search, rowid, normalized) VALUES ('delete', OLD.id, OLD.normalized);
  INSERT INTO exchanges_search (rowid, normalized) VALUES (NEW.id, NEW.normalized);
END;
INSERT INTO exchanges_search (exchanges_search) VALUES ('rebuild');
CREATE INDEX exchanges_entry ON exchanges (entry_id, created_at);
`;
