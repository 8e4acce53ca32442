import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../plugins/openapi.js';
import { requireSession } from '../../plugins/session.js';
import { companyParams } from '../companies/companies.schemas.js';
import { numberDetails, numberParams, numbersPage, numbersQuery } from './numbers.schemas.js';
import type { NumbersService } from './numbers.service.js';

const tags = ['Numbers'];

export function numbersRoutes(numbers: NumbersService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession);

    app.get(
      '/companies/:companyId/numbers',
      {
        schema: {
          tags,
          summary: "The company's numbers, with search, status filter and cursor paging (F10)",
          params: companyParams,
          querystring: numbersQuery,
          response: { 200: numbersPage, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => numbers.list(request.params.companyId, request.query),
    );

    app.get(
      '/companies/:companyId/numbers/:msisdn',
      {
        schema: {
          tags,
          summary: 'Number profile: status, details and general information (F11–F13)',
          params: numberParams,
          response: { 200: numberDetails, ...errorResponses(401, 404) },
        },
      },
      async (request) => numbers.details(request.params.companyId, request.params.msisdn),
    );
  };
}
