import type { AppContext } from '../../context.js';
import type { Queryable } from '../../db/client.js';
import type { RegistryOutcome } from '../../integrations/imei-registry/imei-registry.js';
import { SimulatedImeiRegistry } from '../../integrations/imei-registry/simulated-imei-registry.js';
import { type TextKey, t } from '../../lib/i18n.js';
import { formatMsisdn } from '../../lib/identifiers.js';
import { recordRequestAction } from '../requests/request-actions.js';
import type { RequestHandler } from '../requests/request-handler.js';
import { DEVICE_KINDS, type DeviceKind, deviceRequestKind } from '../requests/request-kinds.js';
import { lockRequestNumber, requester } from '../requests/request-number.js';
import type { RequestRow } from '../requests/requests.repository.js';
import { completeRegistration, type RegistrationRow } from './device.repository.js';

/** The registry's answer as the number's registration state. */
const STATE: Record<RegistryOutcome, RegistrationRow['state']> = {
  registered: 'registered',
  duplicate_registered: 'registered',
  removed: 'removed',
  needs_reregistration: 'needs_reregistration',
  needs_duplicate: 'needs_duplicate',
  invalid: 'invalid',
  previous_owner_mismatch: 'failed',
  not_registered: 'failed',
};

const DONE: readonly RegistryOutcome[] = ['registered', 'duplicate_registered', 'removed'];

/**
 * Stores the result SMS for the administrator who asked, in their language, in the job's
 * transaction. The dedupe key makes it exactly one SMS per request, however often the job runs;
 * the returned callback hands it to delivery after the commit.
 */
async function resultSms(
  ctx: AppContext,
  tx: Queryable,
  request: RequestRow,
  key: TextKey,
  params: Record<string, string>,
): Promise<(() => Promise<void>) | undefined> {
  const admin = await requester(tx, request);
  if (!admin) return undefined;
  const id = await ctx.messaging.enqueue(
    {
      channel: 'sms',
      to: admin.phone,
      text: t(key, admin.language, params),
      language: admin.language,
      dedupeKey: `imei-result:${request.id}`,
    },
    tx,
  );
  if (!id) return undefined;
  return async () => {
    await ctx.messaging.onQueued?.(id);
  };
}

function deviceHandler(ctx: AppContext, kind: DeviceKind): RequestHandler {
  const registry = () => ctx.imeiRegistry ?? new SimulatedImeiRegistry(ctx.config.operatorPrefixes);
  const imeiOf = (request: RequestRow) => String(request.params.imei);
  return {
    kind: deviceRequestKind(kind),
    async perform(tx, request) {
      const n = await lockRequestNumber(tx, request);
      const imei = imeiOf(request);
      const previousOwner = request.params.previousOwner as { msisdn: string; iinBin: string } | undefined;
      const outcome = await registry().submit(
        { requestId: request.id, kind, imei, msisdn: n.msisdn, ownerIinBin: n.company_bin, previousOwner },
        tx,
      );
      const state = STATE[outcome];
      const done = DONE.includes(outcome);
      const key = `imei_${outcome}` as TextKey;
      const params = { imei, msisdn: formatMsisdn(n.msisdn) };
      await completeRegistration(tx, request.id, state);
      await recordRequestAction(tx, request, `device.${kind}`, done ? 'success' : 'failure', n.msisdn, {
        imei,
        outcome,
      });
      const after = await resultSms(ctx, tx, request, key, params);
      return {
        status: done ? 'succeeded' : 'failed',
        data: { msisdn: n.msisdn, imei, kind, outcome, state },
        messageKey: key,
        params,
        ...(done ? {} : { errorCode: key }),
        after,
      };
    },
    async onFailure(tx, request, code, details) {
      const imei = imeiOf(request);
      const params = { imei, msisdn: request.msisdn ? formatMsisdn(request.msisdn) : '' };
      await completeRegistration(tx, request.id, 'failed');
      await recordRequestAction(tx, request, `device.${kind}`, 'failure', request.msisdn, { imei, code, ...details });
      const after = await resultSms(ctx, tx, request, 'imei_failed', params);
      return { data: { msisdn: request.msisdn, imei, kind, state: 'failed' }, params, after };
    },
  };
}

/** One handler per request kind: device_register, device_reregister, device_duplicate, device_remove. */
export function deviceRequestHandlers(ctx: AppContext): RequestHandler[] {
  return DEVICE_KINDS.map((kind) => deviceHandler(ctx, kind));
}
