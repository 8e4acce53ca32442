import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../plugins/openapi.js';
import { requireSession } from '../../plugins/session.js';
import { numberParams } from '../numbers/numbers.schemas.js';
import { simCard, simSecrets } from './sim.schemas.js';
import type { SimService } from './sim.service.js';

const tags = ['SIM card'];

export function simRoutes(sim: SimService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession);

    app.get(
      '/companies/:companyId/numbers/:msisdn/sim',
      {
        schema: {
          tags,
          summary: 'SIM card & device: replacement date, ICCID, IMEI; PIN/PUK are not included (F14)',
          params: numberParams,
          response: { 200: simCard, ...errorResponses(401, 404) },
        },
      },
      async (request) => sim.card(request.params.companyId, request.params.msisdn),
    );

    app.post(
      '/companies/:companyId/numbers/:msisdn/sim/secrets',
      {
        schema: {
          tags,
          summary: "Reveal the active SIM's PIN1, PIN2, PUK1, PUK2 (F14)",
          description:
            'An explicit reveal: each call is recorded in the actions history as `sim.secrets_viewed`. ' +
            '404 `sim_not_found` when the number has no active SIM.',
          params: numberParams,
          response: { 200: simSecrets, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const s = request.session!;
        const actor = { administratorId: s.administratorId, ip: request.ip };
        return sim.revealSecrets(request.params.companyId, request.params.msisdn, actor);
      },
    );
  };
}
