import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, postgresDb } from '../src/db/client.js';
import { seedDemoData } from '../src/db/demo-data/seed.js';
import { migrate } from '../src/db/migrate.js';
import { TEST_SECRETS_KEY } from './helpers/constants.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a data-directory dump of the migrated, seeded database, loaded by each test file. */
    pgliteSnapshot: string;
    /** PostgreSQL: the template database each test file copies. */
    pgTemplate: string;
  }
}

const key = Buffer.from(TEST_SECRETS_KEY, 'base64');

/** Builds the migrated + seeded database once; every test file then starts from its own copy. */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `portal_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const db = postgresDb(withDatabase(url, template), 2);
    await migrate(db);
    await db.query(`INSERT INTO app_settings (name, value) VALUES ('secrets_key', $1)`, [TEST_SECRETS_KEY]);
    await seedDemoData(db, { secretsKey: key });
    await db.close();
    project.provide('pgTemplate', template);
    project.provide('pgliteSnapshot', '');
    return async () => {
      await dropDatabasesLike(admin, `portal_t_${process.pid}_%`);
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-'));
  const db = await openPglite(undefined);
  await migrate(db);
  await db.query(`INSERT INTO app_settings (name, value) VALUES ('secrets_key', $1)`, [TEST_SECRETS_KEY]);
  await seedDemoData(db, { secretsKey: key });
  const dump = await db.pglite!.dumpDataDir('none');
  const file = join(dir, 'snapshot.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteSnapshot', file);
  project.provide('pgTemplate', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function dropDatabasesLike(client: pg.Client, pattern: string) {
  const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
    pattern,
  ]);
  for (const r of rows) await client.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
}
