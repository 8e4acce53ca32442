import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { type Db, openDb } from './db/client.js';
import { getSecretsKey } from './db/demo-data/secrets-key.js';
import { seedDemoData } from './db/demo-data/seed.js';
import { migrate } from './db/migrate.js';
import { outboxEmail } from './integrations/email/outbox-email.js';
import { smtpEmail } from './integrations/email/smtp-email.js';
import { SimulatedImeiRegistry } from './integrations/imei-registry/simulated-imei-registry.js';
import { Messaging } from './integrations/messaging.js';
import { simulatedNetworkFromConfig } from './integrations/network/simulated-network.js';
import { httpSms } from './integrations/sms/http-sms.js';
import { outboxSms } from './integrations/sms/outbox-sms.js';
import { Jobs } from './jobs/boss.js';
import { connectReports, defineReportJobs } from './modules/reports/report-jobs.js';
import { defineRequestJobs } from './modules/requests/request-jobs.js';
import { RequestQueue } from './modules/requests/request-queue.js';

/** Picks the messaging adapters from configuration: SMTP / HTTP gateway when set, else the outbox. */
export function createMessaging(config: Config, db: Db): Messaging {
  const email = config.SMTP_URL ? smtpEmail(config.SMTP_URL, config.MAIL_FROM) : outboxEmail;
  const sms = config.SMS_GATEWAY_URL ? httpSms(config.SMS_GATEWAY_URL) : outboxSms;
  return new Messaging(db, sms, email);
}

/** Every job the product runs; the API process and `npm run worker` both know all of them. */
export function defineJobs(ctx: AppContext): Jobs {
  const jobs = new Jobs(ctx);
  jobs.define({
    name: 'outbox-deliver',
    handler: async (data: { id: string }) => {
      await ctx.messaging.deliver(data.id);
    },
  });
  defineRequestJobs(ctx, jobs);
  defineReportJobs(ctx, jobs);
  return jobs;
}

/** Connects the outbox to the queue: each stored message becomes a delivery job. */
export async function connectOutbox(ctx: AppContext, jobs: Jobs) {
  ctx.messaging.onQueued = async (id) => {
    await jobs.send('outbox-deliver', { id }, { singletonKey: `outbox-${id}` });
  };
  // Messages stored while no queue ran (or lost with a crash) are delivered now.
  for (const id of await ctx.messaging.pendingIds(1000)) {
    await jobs.send('outbox-deliver', { id }, { singletonKey: `outbox-${id}` });
  }
  // Report requests (F19, F32–F37) go to their job the same way; stalled ones are swept.
  await connectReports(ctx, jobs);
}

export interface OpenOptions {
  /** Create the demo data on first start (demo mode). */
  seed?: boolean;
  db?: Db;
}

/** Opens the database, migrates it, loads secrets and (in demo mode) creates the demo data once. */
export async function openContext(
  config: Config,
  options: OpenOptions = {},
): Promise<AppContext & { seeded: boolean }> {
  const db =
    options.db ??
    (await openDb({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      poolSize: config.DB_POOL_SIZE,
      planCacheMode: config.DB_PLAN_CACHE_MODE,
    }));
  await migrate(db);
  const secretsKey = await getSecretsKey(db, config);
  let seeded = false;
  if (options.seed ?? config.DEMO_MODE) seeded = (await seedDemoData(db, { secretsKey })).created;
  return {
    config,
    db,
    secretsKey,
    messaging: createMessaging(config, db),
    network: simulatedNetworkFromConfig(config),
    requestQueue: new RequestQueue(),
    imeiRegistry: new SimulatedImeiRegistry(config.operatorPrefixes),
    seeded,
  };
}
