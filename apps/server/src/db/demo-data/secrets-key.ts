import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Queryable } from '../client.js';

const SETTING = 'secrets_key';

/**
 * The 32-byte key for PIN/PUK at rest: SECRETS_KEY from the configuration when set, else the
 * one kept in app_settings ('secrets_key', base64), else a new random key stored there.
 */
export async function getSecretsKey(db: Queryable, config: Pick<Config, 'SECRETS_KEY'>): Promise<Buffer> {
  if (config.SECRETS_KEY) return Buffer.from(config.SECRETS_KEY, 'base64');
  const stored = await readStoredKey(db);
  if (stored) return stored;
  // Two processes starting at once: the first insert wins, both read the same key back.
  await db.query('INSERT INTO app_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    SETTING,
    randomBytes(32).toString('base64'),
  ]);
  const created = await readStoredKey(db);
  if (!created) throw new Error('could not store the secrets key in app_settings');
  return created;
}

async function readStoredKey(db: Queryable): Promise<Buffer | null> {
  const { rows } = await db.query<{ value: string }>('SELECT value FROM app_settings WHERE name = $1', [SETTING]);
  const value = rows[0]?.value;
  if (value === undefined) return null;
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error(`app_settings.${SETTING} must be 32 bytes, base64 (found ${key.length})`);
  return key;
}
