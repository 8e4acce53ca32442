import type { AppContext } from '../../context.js';
import { Provisioning, ProvisioningFailed } from '../../integrations/network/provisioning.js';
import { simulatedNetworkFromConfig } from '../../integrations/network/simulated-network.js';
import type { Jobs } from '../../jobs/boss.js';
import { AppError } from '../../lib/errors.js';
import type { TextKey } from '../../lib/i18n.js';
import { deviceRequestHandlers } from '../devices/device-registration.jobs.js';
import { esimReplacementHandler } from '../esim/esim.jobs.js';
import { simReplacementHandler } from '../sim/sim-replacement.jobs.js';
import type { Completion, FailureEffects, RequestHandler } from './request-handler.js';
import {
  completeRequest,
  findRequestById,
  lockOpenRequest,
  markRunning,
  openRequests,
  type StoredResult,
} from './requests.repository.js';

export const REQUEST_JOB = 'request-run';
/** After this many starts (queue retries and sweeps together) a request that keeps erring is failed. */
export const MAX_ATTEMPTS = 8;
/** The periodic sweep re-dispatches requests due and untouched for this long. */
const OVERDUE_SECONDS = 60;
const SWEEP_EVERY_MS = 30_000;

function stored(c: Pick<Completion, 'data' | 'messageKey' | 'noteKey' | 'params'>): StoredResult {
  return {
    data: c.data ?? {},
    ...(c.messageKey ? { messageKey: c.messageKey } : {}),
    ...(c.noteKey ? { noteKey: c.noteKey } : {}),
    ...(c.params ? { params: c.params } : {}),
  };
}

/**
 * Runs stored requests (B4) by kind. Each run: mark the request running (once), then in one
 * transaction lock it, skip it when it is already final, do the work and complete it. The effect
 * and the final status commit together, so a job that is retried, duplicated by a sweep, or
 * re-run after a crash completes the request exactly once.
 */
export class RequestRunner {
  private readonly handlers = new Map<string, RequestHandler>();

  constructor(
    private readonly ctx: AppContext,
    private readonly provisioning: Provisioning,
  ) {}

  register(handler: RequestHandler) {
    this.handlers.set(handler.kind, handler);
  }

  get kinds(): string[] {
    return [...this.handlers.keys()];
  }

  async run(id: string): Promise<void> {
    const { db } = this.ctx;
    const claim = await db.transaction((tx) => markRunning(tx, id));
    if (!claim.open) return;
    const request = await findRequestById(db, id);
    const handler = request && this.handlers.get(request.kind);
    if (!request || !handler) throw new Error(`no handler for request ${id} (${request?.kind})`);
    if (claim.attempts > MAX_ATTEMPTS) {
      await this.fail(handler, id, 'request_failed', { attempts: claim.attempts }, {});
      return;
    }
    let after: (() => Promise<void>) | undefined;
    try {
      after = await db.transaction(async (tx) => {
        const locked = await lockOpenRequest(tx, id);
        if (!locked) return undefined;
        const c = await handler.perform(tx, locked);
        await completeRequest(tx, id, c.status, stored(c), c.status === 'failed' ? (c.errorCode ?? null) : null);
        return c.after;
      });
    } catch (err) {
      if (err instanceof ProvisioningFailed) {
        await this.provisioning.recordFailure(err);
        after = await this.fail(
          handler,
          id,
          'provisioning_failed',
          { command: err.command.kind, networkError: err.reason },
          {},
        );
      } else if (err instanceof AppError) {
        after = await this.fail(handler, id, err.code, err.details, err.params);
      } else {
        throw err;
      }
    }
    if (after) await after();
  }

  private async fail(
    handler: RequestHandler,
    id: string,
    code: TextKey,
    details: Record<string, unknown>,
    params: Record<string, string | number>,
  ): Promise<(() => Promise<void>) | undefined> {
    return this.ctx.db.transaction(async (tx) => {
      const locked = await lockOpenRequest(tx, id);
      if (!locked) return undefined;
      const effects: FailureEffects = (await handler.onFailure(tx, locked, code, details)) ?? {};
      await completeRequest(tx, id, 'failed', stored({ ...effects, params: { ...params, ...effects.params } }), code);
      return effects.after;
    });
  }
}

const runners = new WeakMap<Jobs, RequestRunner>();

/** Defines the request job with every kind's handler (called from runtime.ts defineJobs). */
export function defineRequestJobs(ctx: AppContext, jobs: Jobs): RequestRunner {
  const provisioning = new Provisioning(ctx.db, ctx.network ?? simulatedNetworkFromConfig(ctx.config));
  const runner = new RequestRunner(ctx, provisioning);
  runner.register(simReplacementHandler(ctx, provisioning));
  runner.register(esimReplacementHandler(ctx, provisioning));
  for (const handler of deviceRequestHandlers(ctx)) runner.register(handler);
  jobs.define({
    name: REQUEST_JOB,
    handler: async (data: { id: string }) => {
      await runner.run(data.id);
    },
  });
  runners.set(jobs, runner);
  return runner;
}

/**
 * Connects stored requests to the queue: new ones are sent as they are accepted (a delayed one with
 * startAfter, e.g. the IMEI registry's answer time); open ones are swept now (requests stored while
 * no queue ran, or whose worker died) and then every 30 s for any whose hand-over was lost.
 */
export async function connectRequests(ctx: AppContext, jobs: Jobs): Promise<void> {
  const runner = runners.get(jobs);
  if (!runner) throw new Error('defineRequestJobs was not called for these jobs');
  const send = (id: string, delaySeconds: number) =>
    jobs.send(REQUEST_JOB, { id }, delaySeconds > 0 ? { startAfter: delaySeconds } : {});
  ctx.requestQueue.onQueued = async (id, delaySeconds) => {
    await send(id, delaySeconds);
  };
  const sweep = async (overdueSeconds: number) => {
    const open = await openRequests(ctx.db, runner.kinds, { overdueSeconds, limit: 1000 });
    for (const r of open) await send(r.id, r.delay_seconds);
  };
  await sweep(0);
  const timer = setInterval(() => {
    if (!jobs.started) {
      clearInterval(timer);
      return;
    }
    sweep(OVERDUE_SECONDS).catch((err) => console.error('[requests] sweep failed', err));
  }, SWEEP_EVERY_MS);
  timer.unref();
}
