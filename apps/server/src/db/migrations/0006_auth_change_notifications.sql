-- Each API process keeps the answers of its session lookups for a few seconds
-- (modules/auth/session-cache.ts). Whatever could make a kept answer wrong is announced on the
-- channel `auth_changes` when it commits, by these triggers, whichever process or tool made the
-- change: every API process forgets the answer at once.
--   s:<id_hash>                    a session ended, expired earlier, went idle, or changed language / CSRF token
--   g:<administrator_id> <company> an administrator's grant to a company changed or was removed
--   n:<company_id> <msisdn>        a number left its company (or changed its MSISDN)
-- A new session, grant or number needs no announcement: nothing absent is kept.

CREATE FUNCTION announce_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('auth_changes', 's:' || OLD.id_hash);
  ELSIF TG_TABLE_NAME = 'administrator_companies' THEN
    PERFORM pg_notify('auth_changes', 'g:' || OLD.administrator_id || ' ' || OLD.company_id);
  ELSIF TG_TABLE_NAME = 'numbers' THEN
    PERFORM pg_notify('auth_changes', 'n:' || OLD.company_id || ' ' || OLD.msisdn);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER sessions_auth_change AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (OLD.ended_at IS DISTINCT FROM NEW.ended_at
     OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
     OR NEW.last_seen_at < OLD.last_seen_at
     OR OLD.language IS DISTINCT FROM NEW.language
     OR OLD.csrf_token IS DISTINCT FROM NEW.csrf_token
     OR OLD.administrator_id IS DISTINCT FROM NEW.administrator_id
     OR OLD.id_hash IS DISTINCT FROM NEW.id_hash)
  EXECUTE FUNCTION announce_auth_change();
CREATE TRIGGER sessions_auth_delete AFTER DELETE ON sessions FOR EACH ROW
  EXECUTE FUNCTION announce_auth_change();

CREATE TRIGGER administrator_companies_auth_change AFTER UPDATE ON administrator_companies FOR EACH ROW
  WHEN (OLD.administrator_id IS DISTINCT FROM NEW.administrator_id OR OLD.company_id IS DISTINCT FROM NEW.company_id)
  EXECUTE FUNCTION announce_auth_change();
CREATE TRIGGER administrator_companies_auth_delete AFTER DELETE ON administrator_companies FOR EACH ROW
  EXECUTE FUNCTION announce_auth_change();

CREATE TRIGGER numbers_auth_change AFTER UPDATE ON numbers FOR EACH ROW
  WHEN (OLD.company_id IS DISTINCT FROM NEW.company_id OR OLD.msisdn IS DISTINCT FROM NEW.msisdn)
  EXECUTE FUNCTION announce_auth_change();
CREATE TRIGGER numbers_auth_delete AFTER DELETE ON numbers FOR EACH ROW
  EXECUTE FUNCTION announce_auth_change();
