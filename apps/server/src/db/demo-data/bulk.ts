import type { Queryable } from '../client.js';

/** SQL types of the columns of one row type, e.g. `{ id: 'uuid', msisdn: 'text' }`. */
export type ColumnTypes<R> = { readonly [K in keyof R & string]: string };

/**
 * Inserts rows in batches, each batch one statement with one JSON parameter expanded by
 * json_to_recordset: few round trips, no parameter-count limit, fast on PGlite.
 */
export async function insertRows<R extends object>(
  q: Queryable,
  table: string,
  types: ColumnTypes<R>,
  rows: readonly R[],
  batchSize = 2000,
  onConflict = '',
): Promise<void> {
  const names = Object.keys(types);
  const columns = names.join(', ');
  const definitions = names.map((n) => `${n} ${types[n as keyof R & string]}`).join(', ');
  const sql = `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_to_recordset($1::json) AS r(${definitions}) ${onConflict}`;
  for (let i = 0; i < rows.length; i += batchSize) {
    await q.query(sql, [JSON.stringify(rows.slice(i, i + batchSize))]);
  }
}
