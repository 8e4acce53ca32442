/** `npm run billing -- --month 2026-10 [--company <BIN>]`: closes a month (O4). See modules/billing/billing-run.ts. */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { openDb } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { tiynToAmount } from '../lib/money.js';
import { BillingRunError, runBilling } from '../modules/billing/billing-run.js';
import { checkLedger } from '../modules/billing/ledger.js';

const USAGE = `Billing run (operator). Usage: npm run billing -- --month YYYY-MM [--company <BIN>]

Issues the month's invoices (subscription and service fees, usage, contract-phone instalments) for
every personal account that has none for that month yet, and posts them to the ledger. Running a
month again changes nothing that is already done.`;

async function main() {
  const { values } = parseArgs({
    options: { month: { type: 'string' }, company: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help || !values.month) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    await migrate(db);
    const started = Date.now();
    const r = await runBilling(db, { month: values.month, companyBin: values.company });
    const check = await checkLedger(db);
    console.log(
      [
        `billing run ${r.month}: ${r.companies} compan${r.companies === 1 ? 'y' : 'ies'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        `  invoices created:  ${r.invoicesCreated} (${r.linesCreated} lines, total ${tiynToAmount(r.totalTiyn)} KZT)`,
        `  already invoiced:  ${r.alreadyInvoiced} (left unchanged)`,
        `  errors:            ${r.errors.length}`,
        ...r.errors.map((e) => `    account ${e.accountNumber}: ${e.message}`),
        `  ledger check:      ${check.ok ? 'ok' : 'FAILED'} (total ${check.total}, ${check.transactions} transactions)`,
      ].join('\n'),
    );
    if (r.errors.length > 0 || !check.ok) process.exitCode = 2;
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof BillingRunError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
