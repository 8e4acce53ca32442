import { readFileSync } from 'node:fs';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { ADMIN_A_PHONE, ADMIN_B_PHONE, DEMO_PASSWORD } from './db/demo-data/constants.js';
import { formatMsisdn } from './lib/identifiers.js';
import { connectRequests } from './modules/requests/request-jobs.js';
import { connectOutbox, defineJobs, openContext } from './runtime.js';

async function main() {
  const config = loadConfig();
  const started = Date.now();
  const ctx = await openContext(config);
  const https =
    config.TLS_CERT_FILE && config.TLS_KEY_FILE
      ? { cert: readFileSync(config.TLS_CERT_FILE), key: readFileSync(config.TLS_KEY_FILE) }
      : undefined;
  const app = await buildApp(ctx, {
    https,
    serveWeb: true,
    logger: {
      level: config.LOG_LEVEL,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
      ...(process.stdout.isTTY && config.NODE_ENV !== 'production'
        ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } }
        : {}),
    },
  });
  const jobs = defineJobs(ctx);
  await jobs.start({ work: config.RUN_WORKERS });
  await connectOutbox(ctx, jobs);
  await connectRequests(ctx, jobs);
  app.addHook('onClose', async () => {
    await jobs.stop();
    await ctx.db.close();
  });

  await app.listen({ host: config.HOST, port: config.PORT });
  const url = config.PUBLIC_URL ?? `${https ? 'https' : 'http'}://localhost:${config.PORT}`;
  const db = config.DATABASE_URL ? 'PostgreSQL server (DATABASE_URL)' : `embedded PGlite in ${config.DATA_DIR}`;
  const lines = [
    '',
    `  My Account is running at ${url}   (${((Date.now() - started) / 1000).toFixed(1)} s; database: ${db})`,
    `  API docs: ${url}/api/docs`,
  ];
  if (config.DEMO_MODE) {
    lines.push(
      `  Demo data ${ctx.seeded ? 'created' : 'reused'}. Log in with password ${DEMO_PASSWORD} as:`,
      `    administrator A  ${formatMsisdn(ADMIN_A_PHONE)}  (code by SMS)`,
      `    administrator B  ${formatMsisdn(ADMIN_B_PHONE)}  (code by e-mail)`,
      `  One-time codes and e-mails appear at ${url}/dev/outbox`,
    );
  }
  console.log(lines.join('\n'));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
