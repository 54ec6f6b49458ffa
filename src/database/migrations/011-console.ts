// The staff console's login links (console/login-links.ts): one use each, valid for minutes. Only a
// hash of the token is kept, so the table cannot be used to log in.
export default `
CREATE TABLE console_logins (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
);
`;
