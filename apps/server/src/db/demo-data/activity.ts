/** The actions history (F31) of the demo: a few dozen administrator actions per company. */
import { almatyTime } from '@portal/calendar';
import type { AdminKey, DemoCompany, DemoNumber } from './model.js';
import { Rng } from './prng.js';
import { addDays } from './time.js';

export type ActionDetails = Record<string, string | number | boolean>;

export interface ActionRow {
  company_id: string;
  administrator_id: string;
  action: string;
  status: 'success' | 'failure';
  target: string | null;
  details: ActionDetails;
  ip: string;
  created_at: string;
}

type Draft = Pick<ActionRow, 'action' | 'status' | 'target' | 'details'>;

const ACTIONS_PER_COMPANY: Record<DemoCompany['spec']['key'], number> = {
  large: 45,
  small1: 20,
  small2: 15,
  companyB: 25,
};

const IPS = ['203.0.113.24', '203.0.113.57', '198.51.100.12', '198.51.100.200'];

/** One administrator action on a company, chosen by weight. */
function draftAction(rng: Rng, company: DemoCompany, numbers: readonly DemoNumber[], email: string): Draft {
  const n = rng.pick(numbers);
  const msisdn = n.row.msisdn;
  const kind = rng.weighted([
    ['login', 25],
    ['block', 8],
    ['unblock', 6],
    ['service_on', 12],
    ['service_off', 8],
    ['report', 12],
    ['usage', 6],
    ['invoice', 5],
    ['unallocated', 5],
    ['device', 5],
    ['secrets', 5],
    ['transfer', 4],
  ] as const);
  switch (kind) {
    case 'login':
      return rng.chance(0.9)
        ? { action: 'auth.login', status: 'success', target: null, details: { channel: 'otp' } }
        : { action: 'auth.login', status: 'failure', target: null, details: { reason: 'otp_invalid' } };
    case 'block':
      return { action: 'number.block', status: 'success', target: msisdn, details: { msisdn } };
    case 'unblock':
      return n.row.status === 'blocked_debt'
        ? { action: 'number.unblock', status: 'failure', target: msisdn, details: { msisdn, reason: 'blocked_debt' } }
        : { action: 'number.unblock', status: 'success', target: msisdn, details: { msisdn } };
    case 'service_on': {
      const service = rng.pick(['data_10gb', 'business_travel', 'missed_call_2050', 'ussd_ban', 'content_block']);
      const ok = rng.chance(0.85);
      return {
        action: 'service.activate',
        status: ok ? 'success' : 'failure',
        target: msisdn,
        details: ok ? { msisdn, service } : { msisdn, service, reason: 'prerequisite_missing' },
      };
    }
    case 'service_off': {
      const service = rng.pick(['data_5gb', 'voicemail', 'hidden_caller_id', 'content_block']);
      return { action: 'service.deactivate', status: 'success', target: msisdn, details: { msisdn, service } };
    }
    case 'report':
      return {
        action: rng.pick(['report.numbers', 'report.invoice_register', 'report.payments', 'report.registered_devices']),
        status: 'success',
        target: email,
        details: { email },
      };
    case 'usage':
      return { action: 'report.usage', status: 'success', target: msisdn, details: { msisdn, output: 'file' } };
    case 'invoice':
      return {
        action: 'invoice.find_numbers',
        status: 'success',
        target: company.spec.key === 'large' ? '3024211480941' : null,
        details: { output: 'screen' },
      };
    case 'unallocated':
      return { action: 'payments.unallocated.view', status: 'success', target: null, details: {} };
    case 'device': {
      const ok = rng.chance(0.6);
      return {
        action: 'device.register',
        status: ok ? 'success' : 'failure',
        target: msisdn,
        details: ok ? { msisdn } : { msisdn, reason: 'imei_not_detected' },
      };
    }
    case 'secrets':
      return { action: 'sim.secrets.view', status: 'success', target: msisdn, details: { msisdn } };
    case 'transfer': {
      const to = rng.pick(numbers).row.msisdn;
      return {
        action: 'balance.transfer',
        status: to === msisdn ? 'failure' : 'success',
        target: msisdn,
        details: { from: msisdn, to, amount: `${rng.int(5, 100) * 100}.00` },
      };
    }
  }
}

/** The manual's actions history sample (16.04.2025, Almaty time). */
function manualActions(): (Draft & { at: Date })[] {
  return [
    {
      action: 'device.register',
      status: 'failure',
      target: '77011441876',
      details: { msisdn: '77011441876', reason: 'registry_error' },
      at: almatyTime(2025, 3, 16, 12, 12),
    },
    {
      action: 'payments.unallocated.view',
      status: 'success',
      target: null,
      details: {},
      at: almatyTime(2025, 3, 16, 12, 17),
    },
    {
      action: 'payments.unallocated.view',
      status: 'success',
      target: null,
      details: {},
      at: almatyTime(2025, 3, 16, 12, 23),
    },
    {
      action: 'invoice.find_numbers',
      status: 'success',
      target: '3024211480941',
      details: { invoiceNumber: '3024211480941', output: 'screen' },
      at: almatyTime(2025, 3, 16, 12, 31),
    },
  ];
}

export function buildActions(
  companies: readonly DemoCompany[],
  adminIds: Readonly<Record<AdminKey, string>>,
  adminEmails: Readonly<Record<AdminKey, string>>,
  now: Date,
): ActionRow[] {
  const rows: ActionRow[] = [];
  for (const company of companies) {
    const rng = Rng.named(`actions:${company.spec.key}`);
    const admin = company.spec.admin;
    const live = company.numbers.filter((n) => n.row.status !== 'terminated');
    const drafts: (Draft & { at: Date })[] = company.spec.key === 'large' ? manualActions() : [];
    for (let i = 0; i < ACTIONS_PER_COMPANY[company.spec.key]; i++) {
      drafts.push({
        ...draftAction(rng, company, live, adminEmails[admin]),
        at: addDays(now, -rng.int(0, 89) - rng.next()),
      });
    }
    drafts.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const d of drafts) {
      rows.push({
        company_id: company.row.id,
        administrator_id: adminIds[admin],
        action: d.action,
        status: d.status,
        target: d.target,
        details: d.details,
        ip: rng.pick(IPS),
        created_at: d.at.toISOString(),
      });
    }
  }
  return rows;
}
