import type { FastifyInstance } from 'fastify';
import { AppError, notFound } from '../lib/errors.js';
import type { CompaniesService } from '../modules/companies/companies.service.js';
import { companyScopeOf } from './session.js';

/**
 * Tenancy, fail closed: every route whose path has `:companyId` first checks that the caller has
 * a session and manages that company, and — when the path has `:msisdn` — that the number is the
 * company's. This runs before the request is validated, so another company's resources answer
 * 404 whatever the request looks like. A new route is covered by being written under
 * /companies/:companyId.
 *
 * The verdict normally comes with the session (one query: plugins/session.ts); when the session
 * carries none for exactly this company and number, it is asked here.
 */
export function registerCompanyScope(api: FastifyInstance, companies: CompaniesService) {
  api.addHook('preValidation', async (request) => {
    const wanted = companyScopeOf(request);
    if (!wanted) {
      if ((request.routeOptions.url ?? '').includes(':companyId')) throw notFound();
      return;
    }
    const session = request.session;
    if (!session) throw new AppError('unauthenticated', 401);
    const known = session.scope;
    if (
      known &&
      known.companyId === wanted.companyId &&
      known.numberRoute === wanted.numberRoute &&
      known.msisdn === wanted.msisdn
    ) {
      if (!known.company) throw notFound();
      if (wanted.numberRoute && !known.number) throw notFound();
      return;
    }
    await companies.assertAccess(session.administratorId, wanted.companyId);
    if (wanted.numberRoute) {
      if (!wanted.msisdn || !(await companies.hasNumber(wanted.companyId, wanted.msisdn))) throw notFound();
    }
  });
}
