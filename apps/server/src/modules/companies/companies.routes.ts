import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../plugins/openapi.js';
import { requireSession } from '../../plugins/session.js';
import { recordAction } from '../actions/actions.service.js';
import { aliasBody, company, companyParams } from './companies.schemas.js';
import type { CompaniesService } from './companies.service.js';

const tags = ['Companies'];

export function companiesRoutes(companies: CompaniesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession);

    app.get(
      '/companies',
      {
        schema: {
          tags,
          summary: 'Companies this administrator manages (F05, F06)',
          response: { 200: z.object({ items: z.array(company) }), ...errorResponses(401) },
        },
      },
      async (request) => ({ items: await companies.list(request.session!.administratorId) }),
    );

    app.patch(
      '/companies/:companyId',
      {
        schema: {
          tags,
          summary: "Set the administrator's alias for a company (F05)",
          params: companyParams,
          body: aliasBody,
          response: { 200: company, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const s = request.session!;
        const result = await companies.setAlias(s.administratorId, request.params.companyId, request.body.alias);
        await recordAction(app.ctx.db, {
          action: 'company.alias_changed',
          status: 'success',
          administratorId: s.administratorId,
          companyId: result.id,
          details: { alias: result.alias },
          ip: request.ip,
        });
        return result;
      },
    );
  };
}
