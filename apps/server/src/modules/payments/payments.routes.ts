import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../plugins/openapi.js';
import { requireSession } from '../../plugins/session.js';
import { companyParams } from '../companies/companies.schemas.js';
import { unallocatedPage, unallocatedQuery } from './payments.schemas.js';
import type { PaymentsService } from './payments.service.js';

const tags = ['Documents and reports'];

export function paymentsRoutes(payments: PaymentsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession);

    app.get(
      '/companies/:companyId/payments/unallocated',
      {
        schema: {
          tags,
          summary: 'Unallocated payments: date, payment order number, amount, and what to do about them (F38)',
          params: companyParams,
          querystring: unallocatedQuery,
          response: { 200: unallocatedPage, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => {
        const s = request.session!;
        return payments.unallocated(request.params.companyId, request.query, request.language, {
          administratorId: s.administratorId,
          ip: request.ip,
        });
      },
    );
  };
}
