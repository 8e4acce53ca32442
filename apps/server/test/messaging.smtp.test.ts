import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_B_EMAIL, ADMIN_B_PHONE, DEMO_PASSWORD } from '../src/db/demo-data/constants.js';
import type { Jobs } from '../src/jobs/boss.js';
import { connectOutbox, defineJobs } from '../src/runtime.js';
import { codeFrom, createTestApp, type TestApp } from './helpers/test-app.js';

interface Received {
  to: string[];
  raw: string;
}

let smtp: SMTPServer;
let received: Received[] = [];
let t: TestApp;
let jobs: Jobs;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', ok));
  const { port } = smtp.server.address() as AddressInfo;
  t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'My Account <no-reply@portal.test>' });
  jobs = defineJobs(t.ctx);
  await jobs.start({ work: true });
  await connectOutbox(t.ctx, jobs);
});

afterAll(async () => {
  await jobs?.stop();
  await t?.close();
  await new Promise<void>((ok) => smtp.close(() => ok()));
});

async function waitFor<T>(probe: () => T | undefined, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

function decodeBody(raw: string): string {
  // Bodies may be quoted-printable; undo soft breaks and =XX escapes enough to find the code.
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

describe('O2 e-mail over SMTP (real SMTP server in the test)', () => {
  it('delivers administrator B’s one-time code by SMTP through the job queue, exactly once; the code logs in', async () => {
    received = [];
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { phone: ADMIN_B_PHONE, password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const mail = await waitFor(() => received.find((m) => m.to.includes(ADMIN_B_EMAIL)));
    expect(mail.raw).toMatch(/^From: My Account <no-reply@portal\.test>/m);
    expect(mail.raw).toMatch(/^Subject: Your My Account login code/m);
    const code = codeFrom(decodeBody(mail.raw));
    const verify = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/otp/verify',
      payload: { challengeId: res.json().challengeId, code },
    });
    expect(verify.statusCode).toBe(200);
    const { rows } = await t.ctx.db.query<{ status: string }>(
      'SELECT status FROM outbox_messages WHERE recipient = $1 ORDER BY id DESC LIMIT 1',
      [ADMIN_B_EMAIL],
    );
    expect(rows[0]!.status).toBe('sent');
    await new Promise((r) => setTimeout(r, 1500));
    expect(received.filter((m) => m.to.includes(ADMIN_B_EMAIL))).toHaveLength(1);
  });

  it('leaves a message pending (and retries it) when the SMTP server refuses it', async () => {
    const id = await t.ctx.messaging.enqueue({
      channel: 'email',
      to: 'nobody@',
      subject: 'x',
      text: 'x',
      language: 'en',
    });
    await expect(t.ctx.messaging.deliver(id!)).rejects.toThrow();
    const { rows } = await t.ctx.db.query<{ status: string; attempts: number; last_error: string }>(
      'SELECT status, attempts, last_error FROM outbox_messages WHERE id = $1',
      [id],
    );
    expect(rows[0]).toMatchObject({ status: 'pending', attempts: expect.any(Number) });
    expect(rows[0]!.last_error).toBeTruthy();
  });
});
