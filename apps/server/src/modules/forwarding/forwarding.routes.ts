import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../plugins/openapi.js';
import { requireSession } from '../../plugins/session.js';
import { numberParams } from '../numbers/numbers.schemas.js';
import { callForwarding, callForwardings, forwardingBody, forwardingParams } from './forwarding.schemas.js';
import type { ForwardingService } from './forwarding.service.js';

const tags = ['Call forwarding'];

export function forwardingRoutes(forwarding: ForwardingService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession);

    app.get(
      '/companies/:companyId/numbers/:msisdn/call-forwardings',
      {
        schema: {
          tags,
          summary: 'Call forwardings of the number, and the services calls can be forwarded to (F23)',
          params: numberParams,
          response: { 200: callForwardings, ...errorResponses(401, 404) },
        },
      },
      async (request) => forwarding.list(request.params.companyId, request.params.msisdn, request.language),
    );

    app.post(
      '/companies/:companyId/numbers/:msisdn/call-forwardings',
      {
        schema: {
          tags,
          summary: 'Add a call forwarding to a number or to a service (F23)',
          description:
            'Refusals: 400 `validation_failed` (targetMsisdn not a Kazakhstani mobile number, unknown service), ' +
            '400 `forwarding_target_is_self`; 409 `forwarding_type_exists`, `forwarding_unconditional_active` ' +
            '(remove the unconditional one first), `forwarding_conditional_active` (remove the conditional ones ' +
            'first), `number_blocked` / `number_blocked_for_debt` / `number_suspended` / `number_terminated`; ' +
            '502 `provisioning_failed` (nothing changed).',
          params: numberParams,
          body: forwardingBody,
          response: { 201: callForwarding, ...errorResponses(400, 401, 403, 404, 409, 502) },
        },
      },
      async (request, reply) => {
        const s = request.session!;
        const { companyId, msisdn } = request.params;
        const actor = { administratorId: s.administratorId, ip: request.ip };
        const created = await forwarding.add(companyId, msisdn, request.body, actor, request.language);
        return reply.status(201).send(created);
      },
    );

    app.delete(
      '/companies/:companyId/numbers/:msisdn/call-forwardings/:id',
      {
        schema: {
          tags,
          summary: 'Remove a call forwarding (F23)',
          description:
            '404 `forwarding_not_found`; 409 when the number is not active; 502 `provisioning_failed` (nothing changed).',
          params: forwardingParams,
          response: { 204: z.null(), ...errorResponses(401, 403, 404, 409, 502) },
        },
      },
      async (request, reply) => {
        const s = request.session!;
        const { companyId, msisdn, id } = request.params;
        await forwarding.remove(companyId, msisdn, id, { administratorId: s.administratorId, ip: request.ip });
        return reply.status(204).send(null);
      },
    );
  };
}
