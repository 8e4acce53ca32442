/**
 * npm run seed [-- --numbers 100000 --usage-per-number 10]
 * Migrates the database, creates the demo data if absent and, with --numbers, the benchmark company.
 */
import { ConfigError, loadConfig } from '../../config.js';
import { openDb } from '../client.js';
import { migrate } from '../migrate.js';
import { ADMIN_A_PHONE, ADMIN_B_PHONE, DEMO_PASSWORD } from './constants.js';
import { getSecretsKey } from './secrets-key.js';
import { seedDemoData } from './seed.js';
import { parseSeedArgs, USAGE, UsageError } from './seed-args.js';
import { seedLargeCompany } from './seed-large.js';

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function main(argv: string[]): Promise<void> {
  const args = parseSeedArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    const applied = await migrate(db);
    if (applied.length > 0) console.log(`Migrations applied: ${applied.join(', ')}`);
    const secretsKey = await getSecretsKey(db, config);

    let started = Date.now();
    const demo = await seedDemoData(db, { secretsKey });
    if (demo.created) {
      console.log(`Demo data created in ${seconds(started)}.`);
      console.log(
        `  Administrator A: +${ADMIN_A_PHONE} (OTP by SMS), administrator B: +${ADMIN_B_PHONE} (OTP by e-mail)`,
      );
      console.log(`  Password for both: ${DEMO_PASSWORD}`);
    } else {
      console.log('Demo data already present; left unchanged.');
    }

    if (args.numbers !== undefined) {
      started = Date.now();
      const bench = await seedLargeCompany(db, {
        numbers: args.numbers,
        usagePerNumber: args.usagePerNumber,
        secretsKey,
      });
      console.log(
        bench.created
          ? `Bench Company (${bench.companyId}) now has ${args.numbers} numbers, ` +
              `${args.usagePerNumber} usage records per new number; took ${seconds(started)}.`
          : `Bench Company (${bench.companyId}) already has at least ${args.numbers} numbers; left unchanged.`,
      );
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(`Error: ${err.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (err instanceof ConfigError) {
    console.error(err.message);
    process.exitCode = 2;
  } else {
    console.error(err);
    process.exitCode = 1;
  }
});
