-- Sessions get a public id (the list of active sessions shows it; the secret stays hashed).
ALTER TABLE sessions ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX sessions_public_id_idx ON sessions (id);

-- Throttling counters remember when they were last hit (growing delays between failures).
ALTER TABLE rate_limits ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
