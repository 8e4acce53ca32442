import { hash, verify } from '@node-rs/argon2';
import type { AppContext, SessionInfo } from '../../context.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { Language } from '../../lib/i18n.js';
import { isUuid } from '../../lib/identifiers.js';
import { passwordProblem } from '../../lib/password-policy.js';
import { recordAction } from '../actions/actions.service.js';
import { type AdministratorRow, toAdministrator } from '../auth/auth.service.js';
import type { SessionCache } from '../auth/session-cache.js';

/** "Chrome on Windows" from a user agent; enough to recognise one's own devices. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const ua = userAgent;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /OPR\//.test(ua)
      ? 'Opera'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Chrome\/|Chromium\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : /curl|node|undici|lightMyRequest/i.test(ua)
              ? 'API client'
              : 'Browser';
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Android/.test(ua)
      ? 'Android'
      : /iPhone|iPad|iOS/.test(ua)
        ? 'iOS'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}

/** F04 My Profile and B10 sessions. */
export class ProfileService {
  constructor(
    private readonly ctx: AppContext,
    /** The API process's kept session lookups: a session this service ends or changes is forgotten there at once. */
    private readonly kept: SessionCache,
  ) {}

  private async admin(id: string): Promise<AdministratorRow> {
    const row = (await this.ctx.db.query<AdministratorRow>('SELECT * FROM administrators WHERE id = $1', [id])).rows[0];
    if (!row) throw new AppError('unauthenticated', 401);
    return row;
  }

  async me(id: string) {
    return toAdministrator(await this.admin(id));
  }

  async setLanguage(session: SessionInfo, language: Language) {
    await this.ctx.db.query('UPDATE administrators SET language = $2, updated_at = now() WHERE id = $1', [
      session.administratorId,
      language,
    ]);
    await this.ctx.db.query('UPDATE sessions SET language = $2 WHERE id_hash = $1', [session.idHash, language]);
    this.kept.forgetSession(session.idHash);
    return this.me(session.administratorId);
  }

  private async checkPassword(admin: AdministratorRow, password: string, action: string, ip: string, field: string) {
    if (await verify(admin.password_hash, password)) return;
    await recordAction(this.ctx.db, {
      action,
      status: 'failure',
      administratorId: admin.id,
      details: { reason: 'wrong_current_password' },
      ip,
    });
    throw new AppError('wrong_current_password', 400, { fields: [{ field, code: 'wrong_current_password' }] });
  }

  /** Change e-mail: needs the current password. */
  async changeEmail(session: SessionInfo, email: string, password: string, ip: string) {
    const admin = await this.admin(session.administratorId);
    await this.checkPassword(admin, password, 'profile.email_changed', ip, 'password');
    await this.ctx.db.query('UPDATE administrators SET email = $2, updated_at = now() WHERE id = $1', [
      admin.id,
      email,
    ]);
    await recordAction(this.ctx.db, {
      action: 'profile.email_changed',
      status: 'success',
      administratorId: admin.id,
      details: { from: admin.email, to: email },
      ip,
    });
    return this.me(admin.id);
  }

  /** Change password: current, new (the rules), optionally ending every other session at once. */
  async changePassword(session: SessionInfo, current: string, next: string, signOutOthers: boolean, ip: string) {
    const admin = await this.admin(session.administratorId);
    await this.checkPassword(admin, current, 'profile.password_changed', ip, 'currentPassword');
    const problem = passwordProblem(next, admin.phone);
    if (problem) {
      await recordAction(this.ctx.db, {
        action: 'profile.password_changed',
        status: 'failure',
        administratorId: admin.id,
        details: { reason: problem },
        ip,
      });
      throw new AppError(problem, 400, { fields: [{ field: 'newPassword', code: problem }] });
    }
    await this.ctx.db.transaction(async (tx) => {
      await tx.query(
        'UPDATE administrators SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1',
        [admin.id, await hash(next)],
      );
      if (signOutOthers) {
        await tx.query(
          'UPDATE sessions SET ended_at = now() WHERE administrator_id = $1 AND id_hash <> $2 AND ended_at IS NULL',
          [admin.id, session.idHash],
        );
      }
    });
    if (signOutOthers) this.kept.forgetAdministrator(admin.id);
    await recordAction(this.ctx.db, {
      action: 'profile.password_changed',
      status: 'success',
      administratorId: admin.id,
      details: { signOutOtherDevices: signOutOthers },
      ip,
    });
  }

  /** B10: this administrator's live sessions, the current one first. */
  async sessions(session: SessionInfo) {
    const { rows } = await this.ctx.db.query<{
      id: string;
      id_hash: string;
      user_agent: string | null;
      ip: string | null;
      created_at: Date | string;
      last_seen_at: Date | string;
    }>(
      `SELECT id, id_hash, user_agent, ip, created_at, last_seen_at FROM sessions
       WHERE administrator_id = $1 AND ended_at IS NULL AND expires_at > now()
         AND last_seen_at > now() - make_interval(mins => $2)
       ORDER BY (id_hash = $3) DESC, last_seen_at DESC`,
      [session.administratorId, this.ctx.config.SESSION_IDLE_MINUTES, session.idHash],
    );
    return rows.map((r) => ({
      id: r.id,
      current: r.id_hash === session.idHash,
      device: describeDevice(r.user_agent),
      ip: r.ip,
      createdAt: new Date(r.created_at).toISOString(),
      lastSeenAt: new Date(r.last_seen_at).toISOString(),
    }));
  }

  async endSession(session: SessionInfo, id: string, ip: string) {
    if (!isUuid(id)) throw notFound();
    const { rowCount } = await this.ctx.db.query(
      'UPDATE sessions SET ended_at = now() WHERE id = $1 AND administrator_id = $2 AND ended_at IS NULL',
      [id, session.administratorId],
    );
    if (rowCount === 0) throw notFound();
    this.kept.forgetAdministrator(session.administratorId);
    await recordAction(this.ctx.db, {
      action: 'profile.session_ended',
      status: 'success',
      administratorId: session.administratorId,
      details: { session: id },
      ip,
    });
  }
}
