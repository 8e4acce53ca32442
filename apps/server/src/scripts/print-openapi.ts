import { randomBytes } from 'node:crypto';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { Db } from '../db/client.js';
import { outboxEmail } from '../integrations/email/outbox-email.js';
import { Messaging } from '../integrations/messaging.js';
import { outboxSms } from '../integrations/sms/outbox-sms.js';
import { RequestQueue } from '../modules/requests/request-queue.js';

// Prints the OpenAPI document generated from the route schemas; no database is opened.
const db = { kind: 'pglite' } as unknown as Db;
const app = await buildApp({
  config: loadConfig({}),
  db,
  secretsKey: randomBytes(32),
  messaging: new Messaging(db, outboxSms, outboxEmail),
  requestQueue: new RequestQueue(),
});
await app.ready();
process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
