import type { FastifyInstance } from 'fastify';
import { AppError, notFound } from '../lib/errors.js';
import { normalizeMsisdn } from '../lib/identifiers.js';
import type { CompaniesService } from '../modules/companies/companies.service.js';

/**
 * Tenancy, fail closed: every route whose path has `:companyId` first checks that the caller has
 * a session and manages that company, and — when the path has `:msisdn` — that the number is the
 * company's. This runs before the request is validated, so another company's resources answer
 * 404 whatever the request looks like. A new route is covered by being written under
 * /companies/:companyId.
 */
export function registerCompanyScope(api: FastifyInstance, companies: CompaniesService) {
  api.addHook('preValidation', async (request) => {
    const url = request.routeOptions.url ?? '';
    if (!url.includes(':companyId')) return;
    if (!request.session) throw new AppError('unauthenticated', 401);
    const params = request.params as { companyId: string; msisdn?: string };
    await companies.assertAccess(request.session.administratorId, params.companyId);
    if (url.includes(':msisdn')) {
      const msisdn = normalizeMsisdn(params.msisdn ?? '');
      if (!msisdn || !(await companies.hasNumber(params.companyId, msisdn))) throw notFound();
    }
  });
}
