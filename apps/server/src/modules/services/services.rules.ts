/** The catalog rules (F17, F18): whether the administrator may connect or disconnect a service now, and why not. */
import type { TextKey } from '../../lib/i18n.js';
import { type NumberStatus, statusRefusal } from '../numbers/numbers.service.js';
import type { CatalogRow } from './services.repository.js';

export interface NumberState {
  status: NumberStatus;
  tariffCode: string;
  tariffName: string;
  /** Codes of the services connected to the number. */
  active: ReadonlySet<string>;
}

/** A rule that stops the toggle: the error code (also the message key), message parameters, details. */
export interface Refusal {
  code: TextKey;
  params: Record<string, string>;
  details: Record<string, unknown>;
}

type Catalog = ReadonlyMap<string, CatalogRow>;

const nameOf = (catalog: Catalog, code: string) => catalog.get(code)?.name ?? code;

/** `2025-05-31` → `31.05.2025`, the date form of the manual. */
const displayDate = (iso: string) => iso.split('-').reverse().join('.');

/**
 * Number status: nothing changes on a terminated number; while blocked (by the administrator or
 * for debt) or suspended, only services allowed while blocked (restrictions) can be toggled.
 */
function statusRule(s: CatalogRow, n: NumberState): Refusal | null {
  const code = statusRefusal(n.status);
  if (!code) return null;
  if (s.allowed_while_blocked && n.status !== 'terminated') return null;
  return { code, params: { service: s.name }, details: { service: s.code, status: n.status } };
}

/** Why the administrator cannot connect `s` now, or null when they can. */
export function activationRefusal(s: CatalogRow, n: NumberState, catalog: Catalog): Refusal | null {
  const service = s.name;
  if (n.active.has(s.code))
    return { code: 'service_already_active', params: { service }, details: { service: s.code } };
  if (s.operator_only) return { code: 'service_operator_only', params: { service }, details: { service: s.code } };
  const status = statusRule(s, n);
  if (status) return status;
  if (s.expired && s.available_until) {
    return {
      code: 'service_promotion_ended',
      params: { service, date: displayDate(s.available_until) },
      details: { service: s.code, availableUntil: s.available_until },
    };
  }
  if (s.allowed_tariffs && !s.allowed_tariffs.includes(n.tariffCode)) {
    return {
      code: 'service_tariff_not_allowed',
      params: { service, tariff: n.tariffName },
      details: { service: s.code, tariff: n.tariffCode, allowedTariffs: s.allowed_tariffs },
    };
  }
  if (s.requires_service_code && !n.active.has(s.requires_service_code)) {
    return {
      code: 'service_requires_missing',
      params: { service, required: nameOf(catalog, s.requires_service_code) },
      details: { service: s.code, requiredService: s.requires_service_code },
    };
  }
  if (s.exclusive_group) {
    const rival = [...n.active].find((c) => c !== s.code && catalog.get(c)?.exclusive_group === s.exclusive_group);
    if (rival) {
      return {
        code: 'service_exclusive_conflict',
        params: { service, active: nameOf(catalog, rival) },
        details: { service: s.code, exclusiveGroup: s.exclusive_group, conflictingService: rival },
      };
    }
  }
  return null;
}

/** Why the administrator cannot disconnect `s` now, or null when they can. */
export function deactivationRefusal(s: CatalogRow, n: NumberState, catalog: Catalog): Refusal | null {
  const service = s.name;
  if (!n.active.has(s.code)) return { code: 'service_not_active', params: { service }, details: { service: s.code } };
  if (s.operator_only) return { code: 'service_operator_only', params: { service }, details: { service: s.code } };
  const status = statusRule(s, n);
  if (status) return status;
  const dependent = [...n.active].find((c) => catalog.get(c)?.requires_service_code === s.code);
  if (dependent) {
    return {
      code: 'service_required_by',
      params: { service, dependent: nameOf(catalog, dependent) },
      details: { service: s.code, dependentService: dependent },
    };
  }
  return null;
}
