import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { Language } from '../../lib/i18n.js';

/** The channel the database announces changes on (migration 0006_auth_change_notifications.sql). */
export const AUTH_CHANGES_CHANNEL = 'auth_changes';

/** Past this many entries a map is emptied: a bound on memory, not a policy (a miss costs one query). */
const MAX_ENTRIES = 50_000;

export interface CachedSession {
  idHash: string;
  administratorId: string;
  csrfToken: string;
  language: Language | null;
  /** Local clock (ms) at which the session ends by its own rules (expiry, idle time) as last read. */
  validUntil: number;
}

interface Kept<T> {
  value: T;
  until: number;
}

/**
 * The answers of recent session lookups (AuthService.sessionFor), kept by this process for a few seconds so that a
 * request usually needs no database round trip before its own work: which session a cookie is, that its
 * administrator manages a company, that a number is that company's. Only what exists is kept; a miss asks the
 * database as before.
 *
 * Kept answers are used only while this process listens to the database's announcements of changes (migration
 * 0006): a session ended or a grant removed by any process — another API instance, the back-office tool, SQL
 * typed by hand — is forgotten here when it commits. When the listening connection is lost, everything is
 * forgotten and nothing is kept until it listens again. Changes made by this process are also forgotten at once,
 * without waiting for their announcement (forgetSession, forgetAdministrator).
 */
export class SessionCache {
  private readonly sessions = new Map<string, Kept<CachedSession>>();
  /** `${administratorId} ${companyId}` */
  private readonly grants = new Map<string, number>();
  /** `${companyId} ${msisdn}` */
  private readonly numbers = new Map<string, number>();
  private listening = false;
  /**
   * Counts forgettings. A lookup notes it before asking the database and keeps its answer only if it has not moved:
   * a change announced while the query ran may have been missed by the query's snapshot.
   */
  private forgot = 0;
  private readonly pings = new Map<string, () => void>();
  private stop: (() => Promise<void>) | undefined;
  private closed = false;
  /** Called when the listening connection is (again) listening. */
  private readonly waiting = new Set<() => void>();

  constructor(
    private readonly db: Db,
    /** How long an answer is kept; 0 keeps nothing. */
    private readonly ttlMs: number,
  ) {
    if (ttlMs > 0)
      this.stop = db.listen(
        AUTH_CHANGES_CHANNEL,
        (payload) => this.changed(payload),
        (listening) => {
          this.listening = listening && !this.closed;
          // Lost or found again: forget. A lookup that queried while nothing was heard must not keep its answer
          // once listening resumes (a change committed in the gap was never announced here).
          this.clear();
          if (listening) for (const wake of this.waiting) wake();
        },
      );
  }

  /** Whether kept answers may be used now. */
  get active(): boolean {
    return this.listening && this.ttlMs > 0;
  }

  session(idHash: string): CachedSession | undefined {
    if (!this.active) return undefined;
    const kept = this.sessions.get(idHash);
    if (!kept) return undefined;
    const now = Date.now();
    if (kept.until > now && kept.value.validUntil > now) return kept.value;
    this.sessions.delete(idHash);
    return undefined;
  }

  manages(administratorId: string, companyId: string): boolean {
    return this.fresh(this.grants, `${administratorId} ${companyId}`);
  }

  hasNumber(companyId: string, msisdn: string): boolean {
    return this.fresh(this.numbers, `${companyId} ${msisdn}`);
  }

  /** To pass to remember(): taken before the lookup's query. */
  get generation(): number {
    return this.forgot;
  }

  /** Keeps what one lookup found: the session, and the grant and number it confirmed (never what it refused). */
  remember(generation: number, session: CachedSession, found: { companyId?: string; msisdn?: string | null }) {
    if (!this.active || generation !== this.forgot) return;
    const until = Date.now() + this.ttlMs;
    put(this.sessions, session.idHash, { value: session, until });
    if (found.companyId) {
      put(this.grants, `${session.administratorId} ${found.companyId}`, until);
      if (found.msisdn) put(this.numbers, `${found.companyId} ${found.msisdn}`, until);
    }
  }

  forgetSession(idHash: string) {
    this.forgot++;
    this.sessions.delete(idHash);
  }

  /** Every session and grant of one administrator (sessions ended in bulk, a grant removed). */
  forgetAdministrator(administratorId: string) {
    this.forgot++;
    for (const [key, kept] of this.sessions)
      if (kept.value.administratorId === administratorId) this.sessions.delete(key);
    for (const key of this.grants.keys()) if (key.startsWith(`${administratorId} `)) this.grants.delete(key);
  }

  clear() {
    this.forgot++;
    this.sessions.clear();
    this.grants.clear();
    this.numbers.clear();
  }

  /**
   * Resolves once every change committed before the call has been applied here: a marker sent on the channel
   * comes back after the announcements committed before it. For tools and tests that change rows directly.
   */
  async settled(timeoutMs = 5000): Promise<void> {
    if (this.ttlMs <= 0 || this.closed) return;
    if (!this.listening) {
      // Still connecting (or connecting again): nothing is kept meanwhile, and what is kept after will be fresh.
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiting.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        this.waiting.add(done);
      });
      if (!this.listening) return;
    }
    const id = randomUUID();
    const back = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        // No answer: nothing kept can be trusted.
        this.pings.delete(id);
        this.clear();
        resolve();
      }, timeoutMs);
      this.pings.set(id, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    await this.db.query('SELECT pg_notify($1, $2)', [AUTH_CHANGES_CHANNEL, `p:${id}`]);
    await back;
  }

  async close() {
    this.closed = true;
    this.listening = false;
    await this.stop?.();
    this.clear();
  }

  private changed(payload: string) {
    const kind = payload.slice(0, 2);
    const rest = payload.slice(2);
    if (kind === 'p:') {
      this.pings.get(rest)?.();
      this.pings.delete(rest);
      return;
    }
    this.forgot++;
    if (kind === 's:') this.sessions.delete(rest);
    else if (kind === 'g:') this.grants.delete(rest);
    else if (kind === 'n:') this.numbers.delete(rest);
    else this.clear();
  }

  private fresh(map: Map<string, number>, key: string): boolean {
    if (!this.active) return false;
    const until = map.get(key);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    map.delete(key);
    return false;
  }
}

function put<V>(map: Map<string, V>, key: string, value: V) {
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, value);
}
