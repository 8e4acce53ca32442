import { createHmac } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { AppContext, SessionInfo } from '../../context.js';
import { randomDigits, randomToken, safeEqual, sha256 } from '../../lib/crypto.js';
import { AppError } from '../../lib/errors.js';
import { type Language, t } from '../../lib/i18n.js';
import { formatMsisdn, isOperatorNumber, isUuid } from '../../lib/identifiers.js';
import { passwordProblem } from '../../lib/password-policy.js';
import { recordAction } from '../actions/actions.service.js';
import { type CachedSession, SessionCache } from './session-cache.js';
import { Throttle } from './throttle.js';

const MAX_CODE_ATTEMPTS = 5;
const MAX_SENDS_PER_CHALLENGE = 5;

export interface AdministratorRow {
  id: string;
  phone: string;
  email: string;
  full_name: string;
  language: Language;
  password_hash: string;
}

interface ChallengeRow {
  id: string;
  administrator_id: string;
  channel: 'sms' | 'email';
  destination: string;
  sends: number;
  failed_attempts: number;
  code_hash: string;
  expires_in: number;
  since_last_send: number;
  consumed_at: string | null;
}

export interface Challenge {
  challengeId: string;
  channel: 'sms' | 'email';
  destination: string;
  resendAfterSeconds: number;
  expiresInSeconds: number;
}

export interface RequestMeta {
  ip: string;
  userAgent: string | undefined;
  language: Language;
}

// A real argon2id hash of a random string: unknown phones cost the same time as wrong passwords.
let dummyHash: Promise<string> | null = null;
const getDummyHash = () => {
  dummyHash ??= hash(randomToken(16));
  return dummyHash;
};

export const hashPassword = (password: string) => hash(password);

export function maskEmail(email: string): string {
  const [user = '', domain = ''] = email.split('@');
  return `${user.slice(0, 1)}***@${domain}`;
}

export function maskPhone(msisdn: string): string {
  const f = formatMsisdn(msisdn);
  return `${f.slice(0, 6)} *** ** ${f.slice(-2)}`;
}

const HOUR = 3600;

const throttled = (retryAfterSeconds: number, code: 'too_many_requests' | 'otp_send_limit' = 'too_many_requests') =>
  new AppError(code, 429, { retryAfterSeconds }, { retryAfterSeconds });

export class AuthService {
  private readonly throttle: Throttle;
  /** Recent lookups' answers (sessionFor); the services that end sessions in this process forget them here. */
  readonly sessions: SessionCache;

  constructor(private readonly ctx: AppContext) {
    this.throttle = new Throttle(ctx.db);
    this.sessions = new SessionCache(ctx.db, ctx.config.SESSION_CACHE_SECONDS * 1000);
  }

  async close() {
    await this.sessions.close();
  }

  /** A request-rate limit per client IP on the authentication endpoints. */
  async guardIp(ip: string): Promise<void> {
    const hit = await this.throttle.hit(`auth-ip:${ip}`, 60);
    if (hit.count > this.ctx.config.AUTH_IP_LIMIT_PER_MINUTE) throw throttled(hit.windowLeftSeconds);
  }

  /** Per phone: at most LOGIN_FAILURES_PER_HOUR failures an hour, and growing delays after the third. */
  private async guardLoginFailures(phone: string): Promise<void> {
    const state = await this.throttle.peek(`login-fail:${phone}`, HOUR);
    if (state.count >= this.ctx.config.LOGIN_FAILURES_PER_HOUR) throw throttled(state.windowLeftSeconds);
    if (state.count >= 3 && state.sinceLastSeconds !== null) {
      const delay = Math.min(2 ** (state.count - 3), 60);
      if (state.sinceLastSeconds < delay) throw throttled(Math.ceil(delay - state.sinceLastSeconds));
    }
  }

  /** Per phone: at most OTP_SENDS_PER_HOUR codes an hour. */
  private async guardCodeSends(phone: string): Promise<void> {
    const hit = await this.throttle.hit(`otp-send:${phone}`, HOUR);
    if (hit.count > this.ctx.config.OTP_SENDS_PER_HOUR) throw throttled(hit.windowLeftSeconds, 'otp_send_limit');
  }

  private codeHash(challengeId: string, code: string): string {
    return createHmac('sha256', this.ctx.secretsKey).update(`${challengeId}:${code}`).digest('hex');
  }

  /** F01 step 1: phone + password. Unknown phone and wrong password answer the same. */
  async login(phone: string, password: string, meta: RequestMeta): Promise<Challenge> {
    const { db } = this.ctx;
    await this.guardLoginFailures(phone);
    const admin = (await db.query<AdministratorRow>('SELECT * FROM administrators WHERE phone = $1', [phone])).rows[0];
    const ok = admin ? await verify(admin.password_hash, password) : await verify(await getDummyHash(), password);
    if (!admin || !ok) {
      await this.throttle.hit(`login-fail:${phone}`, HOUR);
      await recordAction(db, {
        action: 'auth.login',
        status: 'failure',
        administratorId: admin?.id ?? null,
        details: { reason: admin ? 'wrong_password' : 'unknown_phone' },
        ip: meta.ip,
      });
      throw new AppError('invalid_credentials', 401);
    }
    await this.throttle.clear(`login-fail:${phone}`);
    await this.guardCodeSends(admin.phone);
    const channel = isOperatorNumber(admin.phone, this.ctx.config.operatorPrefixes) ? 'sms' : 'email';
    const destination = channel === 'sms' ? admin.phone : admin.email;
    const code = randomDigits(6);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO otp_challenges (administrator_id, code_hash, channel, destination, expires_at)
       VALUES ($1, 'pending', $2, $3, now() + make_interval(secs => $4)) RETURNING id`,
      [admin.id, channel, destination, this.ctx.config.OTP_TTL_SECONDS],
    );
    const challengeId = rows[0]!.id;
    await db.query('UPDATE otp_challenges SET code_hash = $2 WHERE id = $1', [
      challengeId,
      this.codeHash(challengeId, code),
    ]);
    await this.sendCode(admin.id, challengeId, channel, destination, code, 1, meta);
    return this.challengeReply(challengeId, channel, destination, this.ctx.config.OTP_TTL_SECONDS);
  }

  private challengeReply(id: string, channel: 'sms' | 'email', destination: string, expiresIn: number): Challenge {
    return {
      challengeId: id,
      channel,
      destination: channel === 'sms' ? maskPhone(destination) : maskEmail(destination),
      resendAfterSeconds: this.ctx.config.OTP_RESEND_SECONDS,
      expiresInSeconds: expiresIn,
    };
  }

  private async sendCode(
    administratorId: string,
    challengeId: string,
    channel: 'sms' | 'email',
    destination: string,
    code: string,
    sendNo: number,
    meta: RequestMeta,
  ) {
    const lang = meta.language;
    await this.ctx.messaging.enqueue({
      channel,
      to: destination,
      subject: channel === 'email' ? t('otp_email_subject', lang) : undefined,
      text: channel === 'sms' ? t('otp_sms', lang, { code }) : t('otp_email_body', lang, { code }),
      language: lang,
      dedupeKey: `otp:${challengeId}:${sendNo}`,
    });
    await recordAction(this.ctx.db, {
      action: 'auth.code_sent',
      status: 'success',
      administratorId,
      details: { channel, send: sendNo },
      ip: meta.ip,
    });
  }

  private async loadChallenge(challengeId: string): Promise<ChallengeRow | undefined> {
    const { rows } = await this.ctx.db.query<ChallengeRow>(
      `SELECT id, administrator_id, channel, destination, sends, failed_attempts, code_hash, consumed_at,
              floor(extract(epoch FROM expires_at - now()))::int AS expires_in,
              floor(extract(epoch FROM now() - last_sent_at))::int AS since_last_send
       FROM otp_challenges WHERE id = $1`,
      [challengeId],
    );
    return rows[0];
  }

  /** "Send code again": after the countdown, at most five sends per challenge. */
  async resend(challengeId: string, meta: RequestMeta): Promise<Challenge> {
    const ch = await this.loadChallenge(challengeId);
    if (!ch || ch.consumed_at || ch.expires_in <= 0) throw new AppError('otp_expired', 400);
    if (ch.failed_attempts >= MAX_CODE_ATTEMPTS) throw new AppError('otp_attempts_exceeded', 400);
    const wait = this.ctx.config.OTP_RESEND_SECONDS - ch.since_last_send;
    if (wait > 0)
      throw new AppError('otp_resend_too_early', 429, { retryAfterSeconds: wait }, { retryAfterSeconds: wait });
    if (ch.sends >= MAX_SENDS_PER_CHALLENGE) throw new AppError('otp_send_limit', 429);
    const phone = (
      await this.ctx.db.query<{ phone: string }>('SELECT phone FROM administrators WHERE id = $1', [
        ch.administrator_id,
      ])
    ).rows[0]!.phone;
    await this.guardCodeSends(phone);
    const code = randomDigits(6);
    const { rowCount } = await this.ctx.db.query(
      `UPDATE otp_challenges SET code_hash = $2, sends = sends + 1, last_sent_at = now(),
              expires_at = now() + make_interval(secs => $3)
       WHERE id = $1 AND sends = $4 AND consumed_at IS NULL`,
      [challengeId, this.codeHash(challengeId, code), this.ctx.config.OTP_TTL_SECONDS, ch.sends],
    );
    if (rowCount === 0)
      throw new AppError('otp_resend_too_early', 429, { retryAfterSeconds: 1 }, { retryAfterSeconds: 1 });
    await this.sendCode(ch.administrator_id, challengeId, ch.channel, ch.destination, code, ch.sends + 1, meta);
    return this.challengeReply(challengeId, ch.channel, ch.destination, this.ctx.config.OTP_TTL_SECONDS);
  }

  /** F01 step 2: the code works once, within its lifetime, and dies after five wrong tries. */
  async verify(challengeId: string, code: string, meta: RequestMeta) {
    const { db } = this.ctx;
    const outcome = await db.transaction(async (tx) => {
      const ch = (
        await tx.query<ChallengeRow>(
          `SELECT id, administrator_id, failed_attempts, code_hash, consumed_at,
                  floor(extract(epoch FROM expires_at - now()))::int AS expires_in
           FROM otp_challenges WHERE id = $1 FOR UPDATE`,
          [challengeId],
        )
      ).rows[0];
      if (!ch || ch.consumed_at || ch.expires_in <= 0) return { error: 'otp_expired' as const, ch };
      if (ch.failed_attempts >= MAX_CODE_ATTEMPTS) return { error: 'otp_attempts_exceeded' as const, ch };
      if (!safeEqual(ch.code_hash, this.codeHash(challengeId, code))) {
        const attempts = ch.failed_attempts + 1;
        await tx.query('UPDATE otp_challenges SET failed_attempts = $2 WHERE id = $1', [challengeId, attempts]);
        return attempts >= MAX_CODE_ATTEMPTS
          ? { error: 'otp_attempts_exceeded' as const, ch }
          : { error: 'otp_invalid' as const, ch, attemptsLeft: MAX_CODE_ATTEMPTS - attempts };
      }
      await tx.query('UPDATE otp_challenges SET consumed_at = now() WHERE id = $1', [challengeId]);
      const session = await this.createSession(tx, ch.administrator_id, meta);
      return { error: null, ch, session };
    });
    if (outcome.error) {
      await recordAction(db, {
        action: 'auth.code_verify',
        status: 'failure',
        administratorId: outcome.ch?.administrator_id ?? null,
        details: { reason: outcome.error },
        ip: meta.ip,
      });
      if (outcome.error === 'otp_invalid') {
        const attemptsLeft = outcome.attemptsLeft ?? 0;
        throw new AppError(
          'otp_invalid',
          400,
          { attemptsLeft, fields: [{ field: 'code', code: 'otp_invalid' }] },
          { attemptsLeft },
        );
      }
      throw new AppError(outcome.error, 400);
    }
    const admin = (
      await db.query<AdministratorRow>('SELECT * FROM administrators WHERE id = $1', [outcome.ch.administrator_id])
    ).rows[0]!;
    await recordAction(db, { action: 'auth.login', status: 'success', administratorId: admin.id, ip: meta.ip });
    return { administrator: toAdministrator(admin), ...outcome.session! };
  }

  private async createSession(tx: import('../../db/client.js').Queryable, administratorId: string, meta: RequestMeta) {
    const token = randomToken(32);
    const csrfToken = randomToken(24);
    await tx.query(
      `INSERT INTO sessions (id_hash, administrator_id, csrf_token, language, ip, user_agent, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(hours => $7))`,
      [
        sha256(token),
        administratorId,
        csrfToken,
        meta.language,
        meta.ip,
        meta.userAgent?.slice(0, 300) ?? null,
        this.ctx.config.SESSION_ABSOLUTE_HOURS,
      ],
    );
    return { token, csrfToken };
  }

  /** The live session for a cookie token: not ended, within 12 h in all and 30 min idle. */
  /**
   * The live session behind a cookie token. With `scope`, the same round trip also answers the
   * tenancy question for a company-scoped route (does the administrator manage the company, is the
   * number the company's), so a request pays one query before its own work, not three.
   */
  async sessionFor(
    token: string,
    scope?: { companyId: string; numberRoute: boolean; msisdn: string | null },
  ): Promise<SessionInfo | null> {
    const companyId = scope && isUuid(scope.companyId) ? scope.companyId : null;
    const idHash = sha256(token);
    const msisdn = scope?.numberRoute ? scope.msisdn : null;
    // Usually answered by this process's cache (session-cache.ts): no round trip before the request's own work.
    const kept = this.sessions.session(idHash);
    if (
      kept &&
      (!scope ||
        (companyId &&
          this.sessions.manages(kept.administratorId, companyId) &&
          (!scope.numberRoute || (msisdn && this.sessions.hasNumber(companyId, msisdn)))))
    )
      return sessionInfo(kept, scope, true, Boolean(scope?.numberRoute));
    const generation = this.sessions.generation;
    const { rows } = await this.ctx.db.query<{
      id_hash: string;
      administrator_id: string;
      csrf_token: string;
      language: Language | null;
      idle_seconds: number;
      valid_seconds: number;
      company_ok: boolean | null;
      number_ok: boolean | null;
    }>(
      `SELECT s.id_hash, s.administrator_id, s.csrf_token, s.language,
              extract(epoch FROM now() - s.last_seen_at)::int AS idle_seconds,
              extract(epoch FROM least(s.expires_at, s.last_seen_at + make_interval(mins => $2)) - now())::float8
                AS valid_seconds,
              EXISTS (SELECT 1 FROM administrator_companies ac
                      WHERE ac.administrator_id = s.administrator_id AND ac.company_id = $3::uuid) AS company_ok,
              EXISTS (SELECT 1 FROM numbers n WHERE n.company_id = $3::uuid AND n.msisdn = $4) AS number_ok
       FROM sessions s
       WHERE s.id_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now()
         AND s.last_seen_at > now() - make_interval(mins => $2)`,
      [idHash, this.ctx.config.SESSION_IDLE_MINUTES, companyId, msisdn],
    );
    const s = rows[0];
    if (!s) return null;
    // Touch at most once a minute: idle expiry needs no finer grain, and reads stay reads.
    if (s.idle_seconds >= 60)
      await this.ctx.db.query('UPDATE sessions SET last_seen_at = now() WHERE id_hash = $1', [s.id_hash]);
    const session: CachedSession = {
      idHash: s.id_hash,
      administratorId: s.administrator_id,
      csrfToken: s.csrf_token,
      language: s.language,
      validUntil: Date.now() + s.valid_seconds * 1000,
    };
    const company = s.company_ok === true;
    const number = s.number_ok === true;
    this.sessions.remember(generation, session, {
      ...(company && companyId ? { companyId, msisdn: number ? msisdn : null } : {}),
    });
    return sessionInfo(session, scope, company, number);
  }

  async logout(idHash: string, administratorId: string, ip: string) {
    await this.ctx.db.query('UPDATE sessions SET ended_at = now() WHERE id_hash = $1 AND ended_at IS NULL', [idHash]);
    this.sessions.forgetSession(idHash);
    await recordAction(this.ctx.db, { action: 'auth.logout', status: 'success', administratorId, ip });
  }

  /** F02: always answers the same; an e-mail with a single-use link goes only to a real administrator. */
  async requestPasswordReset(phone: string, meta: RequestMeta, publicUrl: string) {
    const { db } = this.ctx;
    const admin = (await db.query<AdministratorRow>('SELECT * FROM administrators WHERE phone = $1', [phone])).rows[0];
    if (!admin) return;
    const token = randomToken(32);
    await db.query(
      `INSERT INTO password_reset_tokens (token_hash, administrator_id, expires_at)
       VALUES ($1, $2, now() + interval '30 minutes')`,
      [sha256(token), admin.id],
    );
    const link = `${publicUrl}/reset-password?token=${token}`;
    await this.ctx.messaging.enqueue({
      channel: 'email',
      to: admin.email,
      subject: {
        en: 'Reset your My Account password',
        ru: 'Сброс пароля Моего аккаунта',
        kk: 'Менің аккаунтым құпиясөзін қалпына келтіру',
      }[meta.language],
      text: {
        en: `Someone just requested a password reset for ${formatMsisdn(admin.phone)}.\n\nLink to reset credentials (valid 30 minutes, works once):\n${link}\n\nIf it was not you, ignore this e-mail.`,
        ru: `Только что был запрошен сброс пароля для ${formatMsisdn(admin.phone)}.\n\nСсылка для сброса (действует 30 минут, один раз):\n${link}\n\nЕсли это были не вы, проигнорируйте письмо.`,
        kk: `${formatMsisdn(admin.phone)} үшін құпиясөзді қалпына келтіру сұралды.\n\nҚалпына келтіру сілтемесі (30 минут, бір рет жарамды):\n${link}\n\nЕгер бұл сіз болмасаңыз, хатты елемеңіз.`,
      }[meta.language],
      language: meta.language,
    });
    await recordAction(db, {
      action: 'auth.password_reset_requested',
      status: 'success',
      administratorId: admin.id,
      ip: meta.ip,
    });
  }

  /** F02: a single-use, 30-minute link sets a new password; optionally ends every session. */
  async confirmPasswordReset(token: string, newPassword: string, signOutOtherDevices: boolean, meta: RequestMeta) {
    const { db } = this.ctx;
    const outcome = await db.transaction(async (tx) => {
      const row = (
        await tx.query<{ administrator_id: string; phone: string }>(
          `SELECT t.administrator_id, a.phone FROM password_reset_tokens t JOIN administrators a ON a.id = t.administrator_id
           WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now() FOR UPDATE OF t`,
          [sha256(token)],
        )
      ).rows[0];
      if (!row) return { error: 'reset_link_invalid' as const };
      const problem = passwordProblem(newPassword, row.phone);
      if (problem) return { error: problem, administratorId: row.administrator_id };
      await tx.query('UPDATE password_reset_tokens SET used_at = now() WHERE token_hash = $1', [sha256(token)]);
      // Every other outstanding link of this administrator dies with this one.
      await tx.query(
        'UPDATE password_reset_tokens SET used_at = now() WHERE administrator_id = $1 AND used_at IS NULL',
        [row.administrator_id],
      );
      await tx.query(
        'UPDATE administrators SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1',
        [row.administrator_id, await hash(newPassword)],
      );
      if (signOutOtherDevices) {
        await tx.query('UPDATE sessions SET ended_at = now() WHERE administrator_id = $1 AND ended_at IS NULL', [
          row.administrator_id,
        ]);
      }
      return { error: null, administratorId: row.administrator_id };
    });
    if (!outcome.error && signOutOtherDevices) this.sessions.forgetAdministrator(outcome.administratorId);
    await recordAction(db, {
      action: 'auth.password_reset',
      status: outcome.error ? 'failure' : 'success',
      administratorId: outcome.administratorId ?? null,
      details: outcome.error ? { reason: outcome.error } : { signOutOtherDevices },
      ip: meta.ip,
    });
    if (outcome.error === 'reset_link_invalid')
      throw new AppError('reset_link_invalid', 400, { fields: [{ field: 'token', code: outcome.error }] });
    if (outcome.error)
      throw new AppError(outcome.error, 400, { fields: [{ field: 'newPassword', code: outcome.error }] });
  }

  async administrator(id: string) {
    const row = (await this.ctx.db.query<AdministratorRow>('SELECT * FROM administrators WHERE id = $1', [id])).rows[0];
    return row ? toAdministrator(row) : null;
  }
}

export function toAdministrator(a: AdministratorRow) {
  return { id: a.id, phone: a.phone, email: a.email, fullName: a.full_name, language: a.language };
}

/** The request's view of a session (plugins/session.ts), with the tenancy verdict for the routed company. */
function sessionInfo(
  s: CachedSession,
  scope: { companyId: string; numberRoute: boolean; msisdn: string | null } | undefined,
  company: boolean,
  number: boolean,
): SessionInfo {
  return {
    idHash: s.idHash,
    administratorId: s.administratorId,
    csrfToken: s.csrfToken,
    language: s.language,
    ...(scope
      ? { scope: { companyId: scope.companyId, numberRoute: scope.numberRoute, msisdn: scope.msisdn, company, number } }
      : {}),
  };
}
