import { ConfigError, loadConfig } from './config.js';
import { connectRequests } from './modules/requests/request-jobs.js';
import { connectOutbox, defineJobs, openContext } from './runtime.js';

/** Runs the job workers alone (production shape: API instances with RUN_WORKERS=false, plus workers). */
async function main() {
  const config = loadConfig();
  const ctx = await openContext(config, { seed: false });
  const jobs = defineJobs(ctx);
  await jobs.start({ work: true });
  await connectOutbox(ctx, jobs);
  await connectRequests(ctx, jobs);
  console.log('worker: processing jobs');
  const stop = async () => {
    await jobs.stop();
    await ctx.db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
