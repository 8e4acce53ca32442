import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../plugins/openapi.js';
import { requireSession } from '../../plugins/session.js';
import { numberParams } from '../numbers/numbers.schemas.js';
import { requestResource } from '../requests/requests.schemas.js';
import {
  deviceImeiParams,
  deviceRegistrationBody,
  deviceRegistrationsPage,
  deviceRegistrationsQuery,
  deviceStatus,
} from './device.schemas.js';
import type { DeviceService } from './device.service.js';

const tags = ['Device registration (IMEI)'];

export function deviceRoutes(devices: DeviceService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession);

    app.get(
      '/companies/:companyId/numbers/:msisdn/device',
      {
        schema: {
          tags,
          summary: 'Last detected IMEI, registration status and request history (F24)',
          params: numberParams,
          response: { 200: deviceStatus, ...errorResponses(401, 404) },
        },
      },
      async (request) => devices.status(request.params.companyId, request.params.msisdn),
    );

    app.get(
      '/companies/:companyId/numbers/:msisdn/device-registrations',
      {
        schema: {
          tags,
          summary: 'Request history of device registrations, newest first (F24)',
          params: numberParams,
          querystring: deviceRegistrationsQuery,
          response: { 200: deviceRegistrationsPage, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => devices.history(request.params.companyId, request.params.msisdn, request.query),
    );

    app.post(
      '/companies/:companyId/numbers/:msisdn/device-registrations',
      {
        schema: {
          tags,
          summary: 'Register, re-register or register a duplicate of a device (F24–F26): a request (202)',
          description:
            'The national registry answers later (within 8 hours; the demo simulator after IMEI_REGISTRY_DELAY_MS); ' +
            'the result goes to the requests centre and by SMS to the administrator. The Request (kind ' +
            '`device_register` | `device_reregister` | `device_duplicate`) ends `succeeded` (registered) or `failed` ' +
            'with error.code `imei_needs_reregistration`, `imei_needs_duplicate`, `imei_invalid`, ' +
            '`imei_previous_owner_mismatch`. Refusals: 400 `invalid_imei` (field imei), `previous_owner_required`, ' +
            '`invalid_msisdn` (previousOwner.msisdn), `previous_owner_is_this_number`, `invalid_iin_bin` ' +
            '(previousOwner.iinBin), `terms_not_accepted` (termsAccepted; reregister and duplicate), or ' +
            '`validation_failed` naming several fields; 409 `device_request_pending`, `device_already_registered`, ' +
            '`number_terminated`.',
          params: numberParams,
          body: deviceRegistrationBody,
          response: { 202: requestResource, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const s = request.session!;
        const { companyId, msisdn } = request.params;
        const actor = { administratorId: s.administratorId, ip: request.ip };
        const created = await devices.register(companyId, msisdn, request.body, actor, request.language);
        return reply
          .status(202)
          .header('location', `/api/v1/companies/${companyId}/requests/${created.id}`)
          .send(created);
      },
    );

    app.delete(
      '/companies/:companyId/numbers/:msisdn/device-registrations/:imei',
      {
        schema: {
          tags,
          summary: 'Remove a device registration (F24): a request (202)',
          description:
            'Request kind `device_remove`; ends `succeeded` (registration removed) or `failed` (`imei_not_registered`). ' +
            'Refusals: 400 `invalid_imei`; 404 `device_not_registered`; 409 `device_request_pending`.',
          params: deviceImeiParams,
          response: { 202: requestResource, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const s = request.session!;
        const { companyId, msisdn, imei } = request.params;
        const actor = { administratorId: s.administratorId, ip: request.ip };
        const created = await devices.remove(companyId, msisdn, imei, actor, request.language);
        return reply
          .status(202)
          .header('location', `/api/v1/companies/${companyId}/requests/${created.id}`)
          .send(created);
      },
    );
  };
}
