import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../plugins/openapi.js';
import { requireSession } from '../../plugins/session.js';
import { numberParams } from '../numbers/numbers.schemas.js';
import { requestResource } from '../requests/requests.schemas.js';
import { esimConfirmBody, esimOrder, esimOrderBody, esimOrderParams } from './esim.schemas.js';
import type { EsimService } from './esim.service.js';

const tags = ['eSIM'];

export function esimRoutes(esim: EsimService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession);

    app.post(
      '/companies/:companyId/numbers/:msisdn/esim-orders',
      {
        schema: {
          tags,
          summary: 'Issue an eSIM: activation code and QR code, valid 1 day, free (F22)',
          description:
            'Refusals (409): `esim_roaming`, `esim_number_blocked` (blocked or blocked for debt), `number_suspended`, ' +
            '`number_terminated`, `esim_tariff_not_supported`. A new order replaces an unused earlier one.',
          params: numberParams,
          body: esimOrderBody,
          response: { 201: esimOrder, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const s = request.session!;
        const { companyId, msisdn } = request.params;
        const actor = { administratorId: s.administratorId, ip: request.ip };
        const order = await esim.issue(companyId, msisdn, request.body.os, actor, request.language);
        return reply.status(201).send(order);
      },
    );

    app.post(
      '/companies/:companyId/numbers/:msisdn/esim-orders/:id/confirm',
      {
        schema: {
          tags,
          summary: '"I\'m sure the eSIM is set up" → Change to eSIM (F22): accepted as a request (202)',
          description:
            'Answers 202 with the Request (kind `esim_replacement`); it ends `succeeded` with `message` ("Done! You ' +
            'have successfully replaced the eSIM.") and `note` (reboot / IMEI registration advice), or `failed`. ' +
            'Refusals: 400 `esim_confirmation_required` (field confirmed); 404 `not_found` (no such order for this ' +
            'number); 410 `esim_order_expired` (issue again); 409 `esim_order_already_confirmed`, `esim_order_failed`, ' +
            '`esim_roaming`, `esim_number_blocked`, `sim_change_in_progress`.',
          params: esimOrderParams,
          body: esimConfirmBody,
          response: { 202: requestResource, ...errorResponses(400, 401, 403, 404, 409, 410) },
        },
      },
      async (request, reply) => {
        const s = request.session!;
        const { companyId, msisdn, id } = request.params;
        const actor = { administratorId: s.administratorId, ip: request.ip };
        const created = await esim.confirm(companyId, msisdn, id, request.body.confirmed, actor, request.language);
        return reply
          .status(202)
          .header('location', `/api/v1/companies/${companyId}/requests/${created.id}`)
          .send(created);
      },
    );
  };
}
