import type { Db } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import { isUuid } from '../../lib/identifiers.js';

export interface CompanyView {
  id: string;
  bin: string;
  fullName: string;
  alias: string | null;
  numbersCount: number;
}

export class CompaniesService {
  constructor(private readonly db: Db) {}

  /**
   * Tenancy gate: the company must be one this administrator manages. A company that is not
   * theirs answers 404, exactly like one that does not exist (fail closed).
   */
  async assertAccess(administratorId: string, companyId: string): Promise<void> {
    if (!isUuid(companyId)) throw notFound();
    const { rows } = await this.db.query(
      'SELECT 1 FROM administrator_companies WHERE administrator_id = $1 AND company_id = $2',
      [administratorId, companyId],
    );
    if (rows.length === 0) throw notFound();
  }

  async hasNumber(companyId: string, msisdn: string): Promise<boolean> {
    const { rows } = await this.db.query('SELECT 1 FROM numbers WHERE company_id = $1 AND msisdn = $2', [
      companyId,
      msisdn,
    ]);
    return rows.length > 0;
  }

  async list(administratorId: string): Promise<CompanyView[]> {
    const { rows } = await this.db.query<{
      id: string;
      bin: string;
      full_name: string;
      alias: string | null;
      numbers_count: string;
    }>(
      `SELECT c.id, c.bin, c.full_name, ac.alias,
              (SELECT count(*) FROM numbers n WHERE n.company_id = c.id) AS numbers_count
       FROM administrator_companies ac JOIN companies c ON c.id = ac.company_id
       WHERE ac.administrator_id = $1
       ORDER BY coalesce(ac.alias, c.full_name)`,
      [administratorId],
    );
    return rows.map((r) => ({
      id: r.id,
      bin: r.bin,
      fullName: r.full_name,
      alias: r.alias,
      numbersCount: Number(r.numbers_count),
    }));
  }

  async setAlias(administratorId: string, companyId: string, alias: string | null): Promise<CompanyView> {
    await this.assertAccess(administratorId, companyId);
    await this.db.query(
      'UPDATE administrator_companies SET alias = $3 WHERE administrator_id = $1 AND company_id = $2',
      [administratorId, companyId, alias],
    );
    const company = (await this.list(administratorId)).find((c) => c.id === companyId);
    if (!company) throw notFound();
    return company;
  }
}
