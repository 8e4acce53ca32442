import PgBoss from 'pg-boss';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';

export type JobHandler<T = Record<string, unknown>> = (data: T) => Promise<void>;

export interface JobDefinition {
  name: string;
  handler: JobHandler<never>;
  /** Retries with backoff; handlers must be idempotent (a retried job never repeats an effect). */
  retryLimit?: number;
}

/** pg-boss over either database. On PGlite, parameterless (possibly multi-statement) SQL goes through exec. */
function bossDb(db: Db) {
  const pglite = db.pglite;
  if (!pglite) throw new Error('bossDb is only for PGlite');
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return pglite.query(text, values as never[]);
    },
  };
}

export class Jobs {
  private boss: PgBoss | null = null;
  private readonly definitions = new Map<string, JobDefinition>();

  constructor(private readonly ctx: AppContext) {}

  define(def: JobDefinition) {
    this.definitions.set(def.name, def);
  }

  get started() {
    return this.boss !== null;
  }

  async start(options: { work: boolean }) {
    const { db, config } = this.ctx;
    const boss =
      db.kind === 'postgres'
        ? new PgBoss({ connectionString: config.DATABASE_URL, max: 4, schema: 'pgboss' })
        : new PgBoss({ db: bossDb(db), schema: 'pgboss' });
    boss.on('error', (err) => console.error('[jobs]', err));
    await boss.start();
    for (const def of this.definitions.values()) {
      await boss.createQueue(def.name, {
        name: def.name,
        retryLimit: def.retryLimit ?? 5,
        retryDelay: 2,
        retryBackoff: true,
      });
      if (options.work) {
        await boss.work(def.name, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async (jobs) => {
          for (const job of jobs) await def.handler(job.data as never);
        });
      }
    }
    this.boss = boss;
  }

  async send(name: string, data: object, options: { singletonKey?: string; startAfter?: number } = {}) {
    if (!this.boss) throw new Error('the job queue is not started');
    return this.boss.send(name, data, options);
  }

  async stop() {
    const boss = this.boss;
    this.boss = null;
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
