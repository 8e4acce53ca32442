/**
 * Reads a report's rows from the database in batches, never the whole result at once.
 * PostgreSQL: `COPY (SELECT …) TO STDOUT` streamed with back-pressure when the query says how to
 * read its text rows (the fastest way out of the database: big reports), else a server-side cursor
 * in one read-only transaction; either way one snapshot and one plan.
 * PGlite: keyset pages, so that the single connection is free for other work between batches.
 */
import { StringDecoder } from 'node:string_decoder';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Db } from '../../db/client.js';

export interface BatchQuery<R> {
  /** The select list. */
  columns: string;
  /** Extra select-list entries that only the keyset pages need (e.g. a timestamp with its microseconds). */
  keyColumns?: string;
  /** `FROM …` with joins. */
  from: string;
  /** The filter (without WHERE); `$1…` refer to `params`. */
  where: string;
  params: unknown[];
  /** Expressions of a unique ordering key, all ascending or all descending. */
  order: readonly string[];
  descending?: boolean;
  /** The key's values in a row, in `order`'s order (for the next keyset page). */
  key: (row: R) => unknown[];
  /** PostgreSQL: read with COPY and build each row from its text fields (in `columns`' order; null for NULL). */
  fromCopy?: (fields: (string | null)[]) => R;
}

const COPY_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** A field of COPY's text format: `\N` is NULL; backslash escapes are undone. */
export function copyField(text: string): string | null {
  if (text === '\\N') return null;
  if (!text.includes('\\')) return text;
  return text.replace(
    /\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|([\s\S]))/g,
    (_m, oct?: string, hex?: string, ch?: string) => {
      if (oct) return String.fromCharCode(Number.parseInt(oct, 8));
      if (hex) return String.fromCharCode(Number.parseInt(hex, 16));
      return COPY_ESCAPES[ch as string] ?? (ch as string);
    },
  );
}

/** The query with its parameters written in as literals (COPY takes no parameters). */
function inlineParams(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_m, n: string) => {
    const v = params[Number(n) - 1];
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    return pg.escapeLiteral(v instanceof Date ? v.toISOString() : String(v));
  });
}

async function copyBatches<R>(
  pool: pg.Pool,
  q: BatchQuery<R> & { fromCopy: NonNullable<BatchQuery<R>['fromCopy']> },
  orderBy: string,
  handle: (rows: R[]) => Promise<void>,
  batchSize: number,
): Promise<number> {
  const client = await pool.connect();
  let failed = false;
  try {
    const sql = `COPY (SELECT ${q.columns} ${q.from} WHERE ${q.where} ORDER BY ${orderBy}) TO STDOUT`;
    const stream = client.query(copyTo(inlineParams(sql, q.params)));
    const decoder = new StringDecoder('utf8');
    let count = 0;
    let rest = '';
    let batch: R[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = rest + decoder.write(chunk);
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        batch.push(q.fromCopy(text.slice(start, end).split('\t').map(copyField)));
        start = end + 1;
        if (batch.length >= batchSize) {
          count += batch.length;
          await handle(batch); // the stream waits meanwhile
          batch = [];
        }
      }
      rest = text.slice(start);
    }
    if (batch.length > 0) {
      count += batch.length;
      await handle(batch);
    }
    return count;
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    // A connection left in the middle of a COPY is closed, not reused.
    client.release(failed);
  }
}

export const DEFAULT_BATCH = 5000;

/** Calls `handle` with each batch in order; resolves to the number of rows. */
export async function forEachBatch<R>(
  db: Db,
  q: BatchQuery<R>,
  handle: (rows: R[]) => Promise<void>,
  batchSize = DEFAULT_BATCH,
): Promise<number> {
  const direction = q.descending ? 'DESC' : 'ASC';
  const orderBy = q.order.map((c) => `${c} ${direction}`).join(', ');
  let count = 0;
  if (db.kind === 'postgres' && db.pool && q.fromCopy) {
    return copyBatches(db.pool, { ...q, fromCopy: q.fromCopy }, orderBy, handle, batchSize);
  }
  if (db.kind === 'postgres') {
    await db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION READ ONLY');
      await tx.query(
        `DECLARE report_rows NO SCROLL CURSOR FOR SELECT ${q.columns} ${q.from} WHERE ${q.where} ORDER BY ${orderBy}`,
        q.params,
      );
      // The next batch is fetched while this one is handled: the server works while Node writes.
      const fetch = () => {
        const pending = tx.query<R>(`FETCH FORWARD ${batchSize} FROM report_rows`);
        pending.catch(() => undefined); // a prefetch left behind by a failing handler must not go unhandled
        return pending;
      };
      let next = fetch();
      for (;;) {
        const { rows } = await next;
        if (rows.length === 0) break;
        const more = rows.length === batchSize;
        if (more) next = fetch();
        count += rows.length;
        await handle(rows);
        if (!more) break;
      }
    });
    return count;
  }
  let after: unknown[] | null = null;
  for (;;) {
    const params = [...q.params];
    let where = q.where;
    if (after) {
      const placeholders = after.map((v) => {
        params.push(v);
        return `$${params.length}`;
      });
      // The row comparison picks up after the last row; the bound on the first column alone lets an
      // index on it start there instead of at the beginning of the range (each page stays cheap).
      const first = q.order.length > 1 ? ` AND ${q.order[0]} ${q.descending ? '<=' : '>='} ${placeholders[0]}` : '';
      where = `(${where})${first} AND (${q.order.join(', ')}) ${q.descending ? '<' : '>'} (${placeholders.join(', ')})`;
    }
    params.push(batchSize);
    const { rows } = await db.query<R>(
      `SELECT ${q.columns}${q.keyColumns ? `, ${q.keyColumns}` : ''} ${q.from} WHERE ${where} ORDER BY ${orderBy} LIMIT $${params.length}`,
      params,
    );
    if (rows.length === 0) break;
    count += rows.length;
    await handle(rows);
    if (rows.length < batchSize) break;
    after = q.key(rows[rows.length - 1] as R);
  }
  return count;
}
