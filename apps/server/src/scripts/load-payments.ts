/**
 * `npm run payments -- --file payments.csv` loads a bank payments file (O4);
 * `npm run payments -- --allocate <payment id> --account <personal account>` allocates an unallocated one.
 * See modules/payments/payments.loader.ts.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { openDb } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { tiynToAmount } from '../lib/money.js';
import { AllocationError, allocatePayment, loadPayments } from '../modules/payments/payments.loader.js';

const USAGE = `Bank payments (operator). Usage:
  npm run payments -- --file payments.csv
      CSV with a header: date, payment order number, amount, BIN, account (comma or semicolon separated;
      date YYYY-MM-DD or DD.MM.YYYY; amount in tenge with at most 2 decimals). Bad lines are reported
      with their line number and field and are not loaded; the good ones are. Loading a file again
      loads only what is new (a payment is BIN + order number + date). Exit code 2 when lines were refused.
  npm run payments -- --allocate <payment id> --account <personal account number>
      Allocates an unallocated payment (from the company's allocation register).`;

async function main() {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      allocate: { type: 'string' },
      account: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help || (!values.file && !values.allocate) || (values.allocate && !values.account)) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    await migrate(db);
    if (values.allocate && values.account) {
      const r = await allocatePayment(db, { paymentId: values.allocate, accountNumber: values.account });
      console.log(`payment ${r.paymentId} (${tiynToAmount(r.amountTiyn)} KZT) allocated to account ${r.accountNumber}`);
      return;
    }
    // npm runs workspace scripts in apps/server: a relative path is the caller's.
    const path = resolve(process.env.INIT_CWD ?? process.cwd(), values.file as string);
    const r = await loadPayments(db, readFileSync(path, 'utf8'), { source: `file:${basename(path)}` });
    console.log(
      [
        `${path}: ${r.lines} payment line(s)`,
        `  loaded:        ${r.loaded} (${tiynToAmount(r.totalLoadedTiyn)} KZT): ${r.allocated} allocated, ${r.unallocated} unallocated`,
        `  already there: ${r.duplicates}`,
        `  refused:       ${new Set(r.errors.map((e) => e.line)).size} line(s)`,
        ...r.errors.map((e) => `    line ${e.line}, ${e.field}: ${e.message} [${e.code}]`),
      ].join('\n'),
    );
    if (r.errors.length > 0) process.exitCode = 2;
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof AllocationError) console.error(err.message);
  else if ((err as NodeJS.ErrnoException).code === 'ENOENT') console.error(`no such file: ${(err as Error).message}`);
  else console.error(err);
  process.exit(1);
});
