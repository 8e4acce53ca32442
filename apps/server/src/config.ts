import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** The one configuration schema. Every key comes from the environment; bad keys are listed at start. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** PostgreSQL server; unset → embedded PGlite with data under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().default('./data'),
  /** The built web app to serve; default apps/web/dist. */
  WEB_DIST_DIR: z.string().optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * PostgreSQL server only: how prepared statements are planned (db/client.ts). Generic plans by default: the
   * numbers list's statements were re-planned on every call (0.5–1.3 ms each, as long as running them).
   */
  DB_PLAN_CACHE_MODE: z.enum(['force_generic_plan', 'auto', 'force_custom_plan']).default('force_generic_plan'),
  /** Demo mode: demo data on first start, the outbox messaging adapter, /dev/outbox. */
  DEMO_MODE: bool.default(true),
  /** Run the job workers inside the API process (npm start); `npm run worker` runs them alone. */
  RUN_WORKERS: bool.default(true),
  /** 32-byte key, base64, for PIN/PUK at rest. Demo generates one and keeps it in the database. */
  SECRETS_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64')
    .optional(),
  OPERATOR_PREFIXES: z
    .string()
    .regex(/^\d{3}(,\d{3})*$/, 'comma-separated 3-digit prefixes')
    .default('701,702,775,778'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().default('My Account <no-reply@my-account.local>'),
  SMS_GATEWAY_URL: z.url().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  /**
   * How long an API process keeps a session lookup's answer (modules/auth/session-cache.ts); changes are announced
   * by the database and forgotten at once, this only bounds how long an unchanged answer is reused. 0 keeps none.
   */
  SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(5),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  OTP_TTL_SECONDS: z.coerce.number().int().min(30).default(600),
  OTP_RESEND_SECONDS: z.coerce.number().int().min(0).default(30),
  TRUST_PROXY: bool.default(false),
  /** Serve HTTPS directly (PEM files); otherwise plain HTTP, usually behind a TLS-terminating proxy. */
  TLS_CERT_FILE: z.string().optional(),
  TLS_KEY_FILE: z.string().optional(),
  /** Requests per minute from one client IP to the authentication endpoints. */
  AUTH_IP_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Failed logins per phone per hour; growing delays start after the third. */
  LOGIN_FAILURES_PER_HOUR: z.coerce.number().int().min(1).default(100),
  /** One-time codes sent per phone per hour (at most 5 per challenge in any case). */
  OTP_SENDS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  SUPPORT_PHONE: z.string().default('9099'),
  SUPPORT_EMAIL: z.string().default('email@kcell.kz'),
  /** Network provisioning simulator (O5): delay of each command, and numbers whose commands fail. */
  NETWORK_SIM_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  /** Largest balance transfer (F40), in tenge with up to 2 decimals. */
  TRANSFER_MAX_AMOUNT: z
    .string()
    .regex(/^\d{1,13}(\.\d{1,2})?$/, 'tenge with up to 2 decimals, e.g. 1000000 or 500.50')
    .default('1000000'),
  NETWORK_SIM_FAIL_MSISDNS: z
    .string()
    .regex(/^77\d{9}(,77\d{9})*$/, 'comma-separated numbers 77XXXXXXXXX')
    .optional(),
  /** National IMEI registry simulator (O3): how long it takes to answer (the real one: up to 8 hours). */
  IMEI_REGISTRY_DELAY_MS: z.coerce.number().int().min(0).max(86_400_000).default(5000),
  /** SM-DP+ address in eSIM activation codes (F22): LPA:1$<address>$<matching id>. */
  ESIM_SMDP_ADDRESS: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, 'a host name, e.g. smdp.kcell.kz')
    .default('smdp.kcell.kz'),
  /** How often a live-updates stream (GET …/requests/events) looks for changed requests. */
  REQUEST_EVENTS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Reports (F19, F32–F37): a worker's lease on a report; a dead worker's report is taken over once it runs out. */
  REPORT_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /** Largest report sent as an e-mail attachment; a larger one is announced by e-mail and downloaded in My Account. */
  REPORT_ATTACHMENT_MAX_MB: z.coerce.number().min(0).max(100).default(10),
  /** The operator's requisites on certificates and reconciliation statements (F33, F35). */
  OPERATOR_NAME: z.string().min(1).default('АО «Оператор связи» (демо)'),
  OPERATOR_BIN: z
    .string()
    .regex(/^\d{12}$/, '12 digits')
    .default('980540001236'),
  OPERATOR_ADDRESS: z.string().default('Республика Казахстан, г. Алматы'),
});

export type Config = z.infer<typeof schema> & { operatorPrefixes: string[] };

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = schema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return { ...parsed.data, operatorPrefixes: parsed.data.OPERATOR_PREFIXES.split(',') };
}
