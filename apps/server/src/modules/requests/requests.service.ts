import type { Db, Queryable } from '../../db/client.js';
import { AppError, notFound } from '../../lib/errors.js';
import { isTextKey, type Language, t } from '../../lib/i18n.js';
import { isUuid } from '../../lib/identifiers.js';
import type { RequestQueue } from './request-queue.js';
import {
  changedRequests,
  findRequest,
  insertRequest,
  laterTimestamp,
  listRequests,
  type NewRequest,
  type RequestRow,
  type RequestStatus,
  readFile,
} from './requests.repository.js';

const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:?\d{2}){0,2}$/;

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function text(key: string | undefined, lang: Language, params: Record<string, string | number>) {
  return key && isTextKey(key) ? t(key, lang, params) : null;
}

/** The request resource of the API (B4): texts in the caller's language. */
export function presentRequest(r: RequestRow, lang: Language) {
  const params = r.result?.params ?? {};
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    msisdn: r.msisdn,
    administrator: r.administrator_id ? { id: r.administrator_id, fullName: r.administrator_name ?? '' } : null,
    params: r.params,
    result: r.result ? (r.result.data ?? {}) : null,
    message: text(r.result?.messageKey, lang, params),
    note: text(r.result?.noteKey, lang, params),
    error:
      r.status === 'failed' && r.error_code
        ? { code: r.error_code, message: text(r.error_code, lang, params) ?? r.error_code }
        : null,
    file: r.file_name
      ? {
          name: r.file_name,
          contentType: r.file_type ?? 'application/octet-stream',
          url: `/api/v1/companies/${r.company_id}/requests/${r.id}/file`,
        }
      : null,
    createdAt: iso(r.created_at) as string,
    startedAt: iso(r.started_at),
    completedAt: iso(r.completed_at),
    updatedAt: iso(r.updated_at) as string,
  };
}

export type RequestResource = ReturnType<typeof presentRequest>;

export function encodeRequestCursor(r: RequestRow): string {
  return Buffer.from(JSON.stringify({ c: r.created_text, i: r.id })).toString('base64url');
}

function decodeRequestCursor(cursor: string): { created: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { c?: unknown; i?: unknown };
    if (typeof v.c === 'string' && PG_TIMESTAMP.test(v.c) && typeof v.i === 'string' && isUuid(v.i)) {
      return { created: v.c, id: v.i };
    }
  } catch {
    /* fall through */
  }
  throw new AppError('invalid_cursor', 400, { fields: [{ field: 'cursor', code: 'invalid_cursor' }] });
}

export interface RequestsQuery {
  status?: RequestStatus;
  kind?: string;
  msisdn?: string;
  updatedSince?: string;
  limit: number;
  cursor?: string;
}

/**
 * Requests centre (B4): every asynchronous operation is a stored request with a status, a result
 * and, for reports, a file. Modules create requests in the transaction that accepts the work and
 * dispatch them after it commits; background jobs (request-jobs.ts) complete them.
 */
export class RequestsService {
  constructor(
    private readonly db: Db,
    private readonly queue: RequestQueue,
  ) {}

  /** Stores a new pending request in the caller's transaction; `dispatch` it after the commit. */
  create(tx: Queryable, request: NewRequest): Promise<string> {
    return insertRequest(tx, request);
  }

  /** Hands a committed request to the job queue (when one is connected; the sweep covers the rest). */
  async dispatch(id: string, delayMs = 0): Promise<void> {
    await this.queue.dispatch(id, delayMs / 1000);
  }

  async get(companyId: string, id: string, lang: Language): Promise<RequestResource> {
    const row = isUuid(id) ? await findRequest(this.db, companyId, id) : undefined;
    if (!row) throw notFound();
    return presentRequest(row, lang);
  }

  async list(companyId: string, q: RequestsQuery, lang: Language) {
    let numberId: string | undefined;
    if (q.msisdn) {
      const { rows } = await this.db.query<{ id: string }>(
        'SELECT id FROM numbers WHERE company_id = $1 AND msisdn = $2',
        [companyId, q.msisdn],
      );
      if (!rows[0]) return { items: [], nextCursor: null };
      numberId = rows[0].id;
    }
    const rows = await listRequests(this.db, {
      companyId,
      status: q.status,
      kind: q.kind,
      numberId,
      updatedSince: q.updatedSince,
      before: q.cursor ? decodeRequestCursor(q.cursor) : undefined,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => presentRequest(r, lang)),
      nextCursor: rows.length > q.limit && last ? encodeRequestCursor(last) : null,
    };
  }

  async file(companyId: string, id: string) {
    const file = isUuid(id) ? await readFile(this.db, companyId, id) : undefined;
    if (!file) throw notFound();
    return file;
  }

  /** Changes after `since` (PostgreSQL timestamp text) less an overlap, for live updates. */
  changes(companyId: string, since: string, overlapSeconds: number, limit: number) {
    return changedRequests(this.db, companyId, since, overlapSeconds, limit);
  }

  later(a: string, b: string) {
    return laterTimestamp(this.db, a, b);
  }
}
