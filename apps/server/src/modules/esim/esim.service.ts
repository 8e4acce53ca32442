import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import type { Queryable } from '../../db/client.js';
import { AppError, notFound } from '../../lib/errors.js';
import { type Language, type TextKey, t } from '../../lib/i18n.js';
import { isUuid } from '../../lib/identifiers.js';
import { money } from '../../lib/money.js';
import type { Actor } from '../numbers/number-actions.js';
import type { NumbersService } from '../numbers/numbers.service.js';
import { ESIM_REPLACEMENT, SIM_CHANGE_KINDS } from '../requests/request-kinds.js';
import { hasOpenRequest } from '../requests/requests.repository.js';
import type { RequestsService } from '../requests/requests.service.js';

export type EsimOs = 'ios' | 'android';

/** The steps on the phone after the QR code is shown (manual, "eSIM replacement"). */
const STEPS: Record<EsimOs, TextKey[]> = {
  ios: ['esim_step_wifi', 'esim_step_ios_settings', 'esim_step_ios_scan', 'esim_step_ios_activation'],
  android: ['esim_step_wifi', 'esim_step_android_scan', 'esim_step_android_adding'],
};

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A random matching id: 20 upper-case letters and digits. */
export function matchingId(length = 20): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHANUMERIC[randomInt(0, ALPHANUMERIC.length)];
  return s;
}

export function activationCode(smdpAddress: string, id = matchingId()): string {
  return `LPA:1$${smdpAddress}$${id}`;
}

/** Why a number cannot get an eSIM now, or null (F22: not while roaming or blocked). */
export function esimRefusal(n: {
  status: string;
  roaming: boolean;
  esim_allowed?: boolean;
}): { code: TextKey; status: number } | null {
  if (n.status === 'blocked' || n.status === 'blocked_debt') return { code: 'esim_number_blocked', status: 409 };
  if (n.status === 'suspended') return { code: 'number_suspended', status: 409 };
  if (n.status === 'terminated') return { code: 'number_terminated', status: 409 };
  if (n.roaming) return { code: 'esim_roaming', status: 409 };
  if (n.esim_allowed === false) return { code: 'esim_tariff_not_supported', status: 409 };
  return null;
}

interface OrderRow {
  id: string;
  os: EsimOs;
  status: 'issued' | 'confirmed' | 'expired' | 'failed';
  activation_code: string;
  created_at: Date | string;
  expires_at: Date | string;
  expired: boolean;
}

async function tariffAllowsEsim(tx: Queryable, numberId: string) {
  const { rows } = await tx.query<{ esim_allowed: boolean }>(
    'SELECT t.esim_allowed FROM numbers n JOIN tariffs t ON t.code = n.tariff_code WHERE n.id = $1',
    [numberId],
  );
  return rows[0]?.esim_allowed ?? true;
}

const toIso = (v: Date | string) => new Date(v).toISOString();

/**
 * F22 eSIM replacement: issue an order (activation code + QR code, valid 1 day, free), then confirm
 * it ("I'm sure the eSIM is set up") to switch the number to the eSIM — asynchronously, through the
 * network port (esim.jobs.ts).
 */
export class EsimService {
  constructor(
    private readonly numbers: NumbersService,
    private readonly requests: RequestsService,
    private readonly smdpAddress: string,
  ) {}

  async issue(companyId: string, msisdnInput: string, os: EsimOs, actor: Actor, lang: Language) {
    const order = await this.numbers.actions.run(
      { action: 'esim.issue', companyId, actor, msisdnInput, details: { os } },
      async (tx) => {
        const n = await this.numbers.lock(tx, companyId, msisdnInput);
        const refusal = esimRefusal({ ...n, esim_allowed: await tariffAllowsEsim(tx, n.id) });
        if (refusal) throw new AppError(refusal.code, refusal.status, { status: n.status, roaming: n.roaming });
        // A new QR code replaces any earlier one that was not used.
        await tx.query(`UPDATE esim_orders SET status = 'expired' WHERE number_id = $1 AND status = 'issued'`, [n.id]);
        const { rows } = await tx.query<OrderRow>(
          `INSERT INTO esim_orders (number_id, os, activation_code, status, expires_at)
           VALUES ($1, $2, $3, 'issued', now() + interval '1 day')
           RETURNING id, os, status, activation_code, created_at, expires_at, false AS expired`,
          [n.id, os, activationCode(this.smdpAddress)],
        );
        const row = rows[0] as OrderRow;
        return { result: { ...row, msisdn: n.msisdn }, details: { orderId: row.id } };
      },
    );
    const qrCode = await QRCode.toDataURL(order.activation_code, { errorCorrectionLevel: 'M', margin: 2, width: 320 });
    return {
      id: order.id,
      msisdn: order.msisdn,
      os: order.os,
      status: order.status,
      activationCode: order.activation_code,
      qrCode,
      createdAt: toIso(order.created_at),
      expiresAt: toIso(order.expires_at),
      cost: money(0),
      steps: STEPS[os].map((key) => t(key, lang)),
      notice: t('esim_notice', lang),
    };
  }

  async confirm(
    companyId: string,
    msisdnInput: string,
    orderId: string,
    confirmed: boolean,
    actor: Actor,
    lang: Language,
  ) {
    const id = await this.numbers.actions.run(
      { action: 'esim.confirm', companyId, actor, msisdnInput, details: { orderId: orderId.slice(0, 60) } },
      async (tx) => {
        const n = await this.numbers.lock(tx, companyId, msisdnInput);
        if (confirmed !== true) {
          throw new AppError('esim_confirmation_required', 400, {
            fields: [{ field: 'confirmed', code: 'esim_confirmation_required' }],
          });
        }
        if (!isUuid(orderId)) throw notFound();
        const { rows } = await tx.query<OrderRow>(
          `SELECT id, os, status, activation_code, created_at, expires_at, expires_at <= now() AS expired
           FROM esim_orders WHERE id = $1 AND number_id = $2 FOR UPDATE`,
          [orderId, n.id],
        );
        const order = rows[0];
        if (!order) throw notFound();
        if (order.status === 'confirmed') throw new AppError('esim_order_already_confirmed', 409);
        if (order.status === 'failed') throw new AppError('esim_order_failed', 409);
        if (order.status === 'expired' || order.expired) {
          throw new AppError('esim_order_expired', 410, { expiresAt: toIso(order.expires_at) });
        }
        const refusal = esimRefusal({ ...n, esim_allowed: await tariffAllowsEsim(tx, n.id) });
        if (refusal) throw new AppError(refusal.code, refusal.status, { status: n.status, roaming: n.roaming });
        if (await hasOpenRequest(tx, n.id, SIM_CHANGE_KINDS)) throw new AppError('sim_change_in_progress', 409);
        await tx.query(`UPDATE esim_orders SET status = 'confirmed', confirmed_at = now() WHERE id = $1`, [order.id]);
        const requestId = await this.requests.create(tx, {
          companyId,
          administratorId: actor.administratorId,
          numberId: n.id,
          kind: ESIM_REPLACEMENT,
          params: { orderId: order.id, os: order.os },
        });
        return { result: requestId, details: { requestId } };
      },
    );
    await this.requests.dispatch(id);
    return this.requests.get(companyId, id, lang);
  }
}
