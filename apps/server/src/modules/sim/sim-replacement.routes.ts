import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../plugins/openapi.js';
import { requireSession } from '../../plugins/session.js';
import { numberParams } from '../numbers/numbers.schemas.js';
import { requestResource } from '../requests/requests.schemas.js';
import type { SimReplacementService } from './sim-replacement.service.js';

const tags = ['SIM card'];

export const simReplacementBody = z.strictObject({
  iccid: z.string().max(40).meta({
    description:
      'The new SIM card’s number (ICCID) from the back of the card: 19–20 digits starting 89; spaces allowed',
    example: '89997022001210685270',
  }),
});

export function simReplacementRoutes(service: SimReplacementService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession);

    app.post(
      '/companies/:companyId/numbers/:msisdn/sim-replacement',
      {
        schema: {
          tags,
          summary: 'Replace the SIM card with a new one (F21): accepted as a request (202)',
          description:
            'Answers 202 with the Request (kind `sim_replacement`, also at its Location); the swap goes through the ' +
            'network and the request ends `succeeded` (result: msisdn, iccid, replacementDate; the new PIN/PUK are ' +
            'revealed by POST …/sim/secrets) or `failed` (`provisioning_failed`: nothing changed). Refusals: 400 ' +
            '`invalid_iccid` (field iccid); 409 `sim_replacement_needs_active` (details.status), `iccid_in_use` (field ' +
            'iccid), `sim_change_in_progress`.',
          params: numberParams,
          body: simReplacementBody,
          response: { 202: requestResource, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const s = request.session!;
        const { companyId, msisdn } = request.params;
        const actor = { administratorId: s.administratorId, ip: request.ip };
        const created = await service.request(companyId, msisdn, request.body.iccid, actor, request.language);
        return reply
          .status(202)
          .header('location', `/api/v1/companies/${companyId}/requests/${created.id}`)
          .send(created);
      },
    );
  };
}
