import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { openContext } from '../../src/runtime.js';
import { openTestDb } from './test-db.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
}

/** The real app on this file's own seeded database; `env` overrides configuration keys. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await openTestDb();
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO_MODE: 'true',
    OTP_RESEND_SECONDS: '30',
    AUTH_IP_LIMIT_PER_MINUTE: '1000',
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ...env,
  });
  const ctx = await openContext(config, { db, seed: false });
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app: app as unknown as FastifyInstance,
    ctx,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** The newest message the outbox holds for a recipient. */
export async function lastMessageTo(ctx: AppContext, recipient: string) {
  const { rows } = await ctx.db.query<{ body: string; channel: string; subject: string | null }>(
    'SELECT body, channel, subject FROM outbox_messages WHERE recipient = $1 ORDER BY id DESC LIMIT 1',
    [recipient],
  );
  return rows[0];
}

export function codeFrom(text: string): string {
  const m = /\b(\d{6})\b/.exec(text);
  if (!m) throw new Error(`no code in: ${text}`);
  return m[1]!;
}

/** Logs in through the API like a person: phone + password, then the code from the outbox. */
export async function login(t: TestApp, phone: string, password: string): Promise<Session> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const { challengeId, channel } = res.json();
  const admin = (
    await t.ctx.db.query<{ phone: string; email: string }>('SELECT phone, email FROM administrators WHERE phone = $1', [
      phone.replace(/\D/g, '').replace(/^8/, '7'),
    ])
  ).rows[0]!;
  const msg = await lastMessageTo(t.ctx, channel === 'sms' ? admin.phone : admin.email);
  const verify = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/otp/verify',
    payload: { challengeId, code: codeFrom(msg!.body) },
  });
  if (verify.statusCode !== 200) throw new Error(`verify failed: ${verify.statusCode} ${verify.body}`);
  const cookies = verify.cookies as { name: string; value: string }[];
  const sid = cookies.find((c) => c.name === 'sid')!.value;
  const csrf = cookies.find((c) => c.name === 'csrf_token')!.value;
  const cookie = `sid=${sid}; csrf_token=${csrf}`;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
