import { hash } from '@node-rs/argon2';
import type { Db, Queryable } from '../../db/client.js';
import { randomToken } from '../../lib/crypto.js';
import { type Language, languages } from '../../lib/i18n.js';
import { isValidBinIin, normalizeMsisdn } from '../../lib/identifiers.js';
import { recordAction } from '../actions/actions.service.js';

/** A mistake in a back-office command: the message says which argument and why. */
export class BackofficeError extends Error {}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function phoneArg(value: string | undefined, name = '--phone'): string {
  const msisdn = normalizeMsisdn(value ?? '');
  if (!msisdn)
    throw new BackofficeError(`${name}: "${value ?? ''}" is not a Kazakhstani mobile number (+7 7XX XXX XX XX)`);
  return msisdn;
}

function binArg(value: string | undefined): string {
  if (!value || !isValidBinIin(value))
    throw new BackofficeError(`--bin: "${value ?? ''}" is not a valid BIN (12 digits, check digit)`);
  return value;
}

function emailArg(value: string | undefined): string {
  if (!value || !EMAIL.test(value)) throw new BackofficeError(`--email: "${value ?? ''}" is not an e-mail address`);
  return value;
}

/**
 * Operator staff's back office (O1): companies, administrators, access, announcement, contact
 * details. Every command is recorded in the actions history with the operator's name.
 */
export class BackofficeService {
  constructor(
    private readonly db: Db,
    private readonly operator: string,
  ) {}

  private async record(tx: Queryable, action: string, details: Record<string, unknown>, companyId?: string) {
    await recordAction(tx, {
      action: `backoffice.${action}`,
      status: 'success',
      companyId: companyId ?? null,
      details: { operator: this.operator, ...details },
    });
  }

  private async adminId(tx: Queryable, phone: string): Promise<string> {
    const row = (await tx.query<{ id: string }>('SELECT id FROM administrators WHERE phone = $1', [phone])).rows[0];
    if (!row) throw new BackofficeError(`--phone: no administrator has the number ${phone}`);
    return row.id;
  }

  private async companyId(tx: Queryable, bin: string): Promise<string> {
    const row = (await tx.query<{ id: string }>('SELECT id FROM companies WHERE bin = $1', [bin])).rows[0];
    if (!row) throw new BackofficeError(`--bin: no company has the BIN ${bin}`);
    return row.id;
  }

  async createCompany(args: { bin?: string; name?: string; address?: string }) {
    const bin = binArg(args.bin);
    if (!args.name?.trim()) throw new BackofficeError('--name: the full company name is required');
    return this.db.transaction(async (tx) => {
      const exists = await tx.query('SELECT 1 FROM companies WHERE bin = $1', [bin]);
      if (exists.rows.length) throw new BackofficeError(`--bin: a company with BIN ${bin} already exists`);
      const { rows } = await tx.query<{ id: string }>(
        'INSERT INTO companies (bin, full_name, legal_address) VALUES ($1, $2, $3) RETURNING id',
        [bin, args.name!.trim(), args.address ?? null],
      );
      await this.record(tx, 'company_created', { bin, name: args.name }, rows[0]!.id);
      return { id: rows[0]!.id, bin };
    });
  }

  /** The new administrator sets a password with "Forgot password?" (first login, F02). */
  async createAdministrator(args: { phone?: string; email?: string; name?: string; language?: string }) {
    const phone = phoneArg(args.phone);
    const email = emailArg(args.email);
    if (!args.name?.trim()) throw new BackofficeError('--name: the administrator’s full name is required');
    const language = (args.language ?? 'ru') as Language;
    if (!languages.includes(language)) throw new BackofficeError('--language: one of en, ru, kk');
    const unusable = await hash(randomToken(32));
    return this.db.transaction(async (tx) => {
      const exists = await tx.query('SELECT 1 FROM administrators WHERE phone = $1', [phone]);
      if (exists.rows.length) throw new BackofficeError(`--phone: an administrator with ${phone} already exists`);
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO administrators (phone, email, full_name, password_hash, language)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [phone, email, args.name!.trim(), unusable, language],
      );
      await this.record(tx, 'administrator_created', { phone, email });
      return { id: rows[0]!.id, phone };
    });
  }

  async grant(args: { phone?: string; bin?: string; role?: string }) {
    const phone = phoneArg(args.phone);
    const bin = binArg(args.bin);
    const role = args.role ?? 'owner';
    if (!['owner', 'administrator', 'accountant', 'viewer'].includes(role)) {
      throw new BackofficeError('--role: one of owner, administrator, accountant, viewer');
    }
    return this.db.transaction(async (tx) => {
      const administratorId = await this.adminId(tx, phone);
      const companyId = await this.companyId(tx, bin);
      await tx.query(
        `INSERT INTO administrator_companies (administrator_id, company_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (administrator_id, company_id) DO UPDATE SET role = EXCLUDED.role`,
        [administratorId, companyId, role],
      );
      await this.record(tx, 'access_granted', { phone, bin, role }, companyId);
    });
  }

  /** Revoking access also ends that administrator's sessions, so the change holds at once. */
  async revoke(args: { phone?: string; bin?: string }) {
    const phone = phoneArg(args.phone);
    const bin = binArg(args.bin);
    return this.db.transaction(async (tx) => {
      const administratorId = await this.adminId(tx, phone);
      const companyId = await this.companyId(tx, bin);
      const { rowCount } = await tx.query(
        'DELETE FROM administrator_companies WHERE administrator_id = $1 AND company_id = $2',
        [administratorId, companyId],
      );
      if (rowCount === 0) throw new BackofficeError(`${phone} has no access to ${bin}`);
      await tx.query('UPDATE sessions SET ended_at = now() WHERE administrator_id = $1 AND ended_at IS NULL', [
        administratorId,
      ]);
      await this.record(tx, 'access_revoked', { phone, bin }, companyId);
    });
  }

  async setAnnouncement(args: { language?: string; title?: string; body?: string }) {
    const language = args.language as Language;
    if (!languages.includes(language)) throw new BackofficeError('--language: one of en, ru, kk');
    if (!args.title?.trim() || !args.body?.trim()) throw new BackofficeError('--title and --body are required');
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO announcements (language, title, body) VALUES ($1, $2, $3)
         ON CONFLICT (language) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, updated_at = now()`,
        [language, args.title!.trim(), args.body!.trim()],
      );
      await this.record(tx, 'announcement_set', { language, title: args.title });
    });
  }

  /** Contact details (F03's update form): a new e-mail and/or a new phone for an administrator. */
  async setContact(args: { phone?: string; email?: string; newPhone?: string }) {
    const phone = phoneArg(args.phone);
    if (!args.email && !args.newPhone) throw new BackofficeError('give --email and/or --new-phone');
    const email = args.email ? emailArg(args.email) : null;
    const newPhone = args.newPhone ? phoneArg(args.newPhone, '--new-phone') : null;
    await this.db.transaction(async (tx) => {
      const administratorId = await this.adminId(tx, phone);
      if (newPhone && newPhone !== phone) {
        const taken = await tx.query('SELECT 1 FROM administrators WHERE phone = $1', [newPhone]);
        if (taken.rows.length) throw new BackofficeError(`--new-phone: ${newPhone} belongs to another administrator`);
      }
      await tx.query(
        'UPDATE administrators SET email = coalesce($2, email), phone = coalesce($3, phone), updated_at = now() WHERE id = $1',
        [administratorId, email, newPhone],
      );
      await this.record(tx, 'contact_changed', { phone, email, newPhone });
    });
  }

  async listAdministrators() {
    const { rows } = await this.db.query<{ phone: string; email: string; full_name: string; companies: string | null }>(
      `SELECT a.phone, a.email, a.full_name, string_agg(c.bin || ' ' || c.full_name, '; ' ORDER BY c.bin) AS companies
       FROM administrators a LEFT JOIN administrator_companies ac ON ac.administrator_id = a.id
       LEFT JOIN companies c ON c.id = ac.company_id GROUP BY a.id ORDER BY a.phone`,
    );
    return rows;
  }
}
