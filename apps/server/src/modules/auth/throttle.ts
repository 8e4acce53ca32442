import type { Queryable } from '../../db/client.js';

export interface Hit {
  count: number;
  /** Seconds since the previous hit in this window (null when this is the first). */
  sinceLastSeconds: number | null;
  /** Seconds until the window ends. */
  windowLeftSeconds: number;
}

/**
 * Fixed-window counters kept in the database (rate_limits), so every API instance shares them.
 * Windows are aligned on the database clock.
 */
export class Throttle {
  constructor(private readonly db: Queryable) {}

  async hit(key: string, windowSeconds: number): Promise<Hit> {
    const { rows } = await this.db.query<{ count: number; since_last: number | null; left: number }>(
      `WITH w AS (SELECT to_timestamp(floor(extract(epoch FROM now()) / $2) * $2) AS start),
       prev AS (SELECT updated_at FROM rate_limits, w WHERE key = $1 AND window_start = w.start)
       INSERT INTO rate_limits AS r (key, window_start, count, updated_at)
       SELECT $1, w.start, 1, now() FROM w
       ON CONFLICT (key, window_start) DO UPDATE SET count = r.count + 1, updated_at = now()
       RETURNING r.count,
         (SELECT extract(epoch FROM now() - updated_at)::float8 FROM prev) AS since_last,
         extract(epoch FROM r.window_start + make_interval(secs => $2) - now())::float8 AS left`,
      [key, windowSeconds],
    );
    const r = rows[0]!;
    return { count: r.count, sinceLastSeconds: r.since_last, windowLeftSeconds: Math.max(1, Math.ceil(r.left)) };
  }

  async peek(key: string, windowSeconds: number): Promise<Hit> {
    const { rows } = await this.db.query<{ count: number; since_last: number; left: number }>(
      `SELECT count, extract(epoch FROM now() - updated_at)::float8 AS since_last,
              extract(epoch FROM window_start + make_interval(secs => $2) - now())::float8 AS left
       FROM rate_limits
       WHERE key = $1 AND window_start = to_timestamp(floor(extract(epoch FROM now()) / $2) * $2)`,
      [key, windowSeconds],
    );
    const r = rows[0];
    if (!r) return { count: 0, sinceLastSeconds: null, windowLeftSeconds: windowSeconds };
    return { count: r.count, sinceLastSeconds: r.since_last, windowLeftSeconds: Math.max(1, Math.ceil(r.left)) };
  }

  async clear(key: string): Promise<void> {
    await this.db.query('DELETE FROM rate_limits WHERE key = $1', [key]);
  }

  /** Old windows are useless; the job queue's maintenance calls this. */
  async prune(): Promise<void> {
    await this.db.query("DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'");
  }
}
