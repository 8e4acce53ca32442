import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../plugins/openapi.js';
import { requireSession } from '../../plugins/session.js';
import { numberParams } from '../numbers/numbers.schemas.js';
import { numberService, numberServices, serviceParams } from './services.schemas.js';
import type { ServicesService } from './services.service.js';

const tags = ['Services'];

const RULES =
  'Catalog rules, each refused with 409 and its code: `service_already_active`, `service_not_active`, ' +
  '`service_operator_only`, `number_blocked` / `number_blocked_for_debt` / `number_suspended` / ' +
  '`number_terminated` (unless the service is allowed while blocked; never when terminated), ' +
  '`service_promotion_ended`, `service_tariff_not_allowed`, `service_requires_missing`, ' +
  '`service_exclusive_conflict` (one service of a family at a time: the active one must be disconnected ' +
  'first), `service_required_by` (another connected service needs it). Unknown code: 404 `service_not_found`. ' +
  'The change goes through network provisioning (O5): when the network does not confirm, nothing changes ' +
  'and the answer is 502 `provisioning_failed`.';

export function servicesRoutes(services: ServicesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession);

    app.get(
      '/companies/:companyId/numbers/:msisdn/services',
      {
        schema: {
          tags,
          summary: 'Every service with its state, availability and the reason when unavailable (F17, F18)',
          params: numberParams,
          response: { 200: numberServices, ...errorResponses(401, 404) },
        },
      },
      async (request) => services.list(request.params.companyId, request.params.msisdn, request.language),
    );

    app.put(
      '/companies/:companyId/numbers/:msisdn/services/:serviceCode',
      {
        schema: {
          tags,
          summary: 'Connect a service (F17, F18)',
          description: RULES,
          params: serviceParams,
          response: { 200: numberService, ...errorResponses(401, 403, 404, 409, 502) },
        },
      },
      async (request) => {
        const s = request.session!;
        const { companyId, msisdn, serviceCode } = request.params;
        const actor = { administratorId: s.administratorId, ip: request.ip };
        return services.activate(companyId, msisdn, serviceCode, actor, request.language);
      },
    );

    app.delete(
      '/companies/:companyId/numbers/:msisdn/services/:serviceCode',
      {
        schema: {
          tags,
          summary: 'Disconnect a service (F17, F18)',
          description: RULES,
          params: serviceParams,
          response: { 200: numberService, ...errorResponses(401, 403, 404, 409, 502) },
        },
      },
      async (request) => {
        const s = request.session!;
        const { companyId, msisdn, serviceCode } = request.params;
        const actor = { administratorId: s.administratorId, ip: request.ip };
        return services.deactivate(companyId, msisdn, serviceCode, actor, request.language);
      },
    );
  };
}
