/** Command-line arguments of seed-cli.ts. */
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run seed -- [--numbers N] [--usage-per-number M]

  --numbers N            also create (or extend to) the 'Bench Company' with N numbers (1..999999)
  --usage-per-number M   usage records per bench number (0..9999, default 0; needs --numbers)
  -h, --help             show this help

The database is DATABASE_URL, else embedded PGlite under DATA_DIR (default ./data).`;

export interface SeedArgs {
  numbers?: number;
  usagePerNumber: number;
  help: boolean;
}

export class UsageError extends Error {}

function integerOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got '${value}')`);
  }
  return Number(value);
}

/** Parses the command line; throws UsageError with a readable message on bad input. */
export function parseSeedArgs(argv: string[]): SeedArgs {
  let values: { numbers?: string; 'usage-per-number'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        numbers: { type: 'string' },
        'usage-per-number': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const numbers = integerOption('numbers', values.numbers, 1, 999_999);
  const usagePerNumber = integerOption('usage-per-number', values['usage-per-number'], 0, 9_999);
  if (usagePerNumber !== undefined && numbers === undefined) {
    throw new UsageError('--usage-per-number needs --numbers');
  }
  return { numbers, usagePerNumber: usagePerNumber ?? 0, help: values.help ?? false };
}
