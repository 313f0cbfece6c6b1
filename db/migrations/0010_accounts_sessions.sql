-- The people who keep the calendar (the editor, src/http/routes/editor.ts): accounts with a role and, for city
-- editors, their cities; each signs in with a personal token (stored only as its SHA-256 digest), which turns into
-- a session (its id also stored only as a digest) that ends at `expires_at` or when the person signs out.
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('secretariat', 'city-editor')),
  lang TEXT NOT NULL CHECK (lang IN ('de', 'en', 'zh')),
  -- JSON array of city slugs a city editor works for; [] for the secretariat.
  cities TEXT NOT NULL DEFAULT '[]',
  token_digest TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  revoked_at TEXT
) STRICT;

CREATE TABLE sessions (
  id_digest TEXT PRIMARY KEY,
  -- An account's id, or `token:<label>` for a writer of the ADMIN_TOKEN(S) settings.
  account TEXT NOT NULL,
  -- The token every form of the session carries (CSRF).
  form_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;

CREATE INDEX sessions_expiry ON sessions (expires_at);
