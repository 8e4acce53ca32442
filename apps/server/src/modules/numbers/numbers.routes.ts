import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../plugins/openapi.js';
import { requireSession } from '../../plugins/session.js';
import { companyParams } from '../companies/companies.schemas.js';
import {
  allowances,
  companyTariffs,
  contractPhones,
  numberDetails,
  numberParams,
  numbersPage,
  numbersQuery,
  statusChange,
} from './numbers.schemas.js';
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

    app.get(
      '/companies/:companyId/tariffs',
      {
        schema: {
          tags,
          summary: "Tariffs of the company's numbers, for the numbers list's tariff filter (F10)",
          params: companyParams,
          response: { 200: companyTariffs, ...errorResponses(401, 404) },
        },
      },
      async (request) => numbers.tariffs(request.params.companyId),
    );

    app.get(
      '/companies/:companyId/numbers/:msisdn/contract-phones',
      {
        schema: {
          tags,
          summary: 'Contract phones: device instalment contracts, newest first (F15)',
          params: numberParams,
          response: { 200: contractPhones, ...errorResponses(401, 404) },
        },
      },
      async (request) => numbers.contracts(request.params.companyId, request.params.msisdn),
    );

    app.get(
      '/companies/:companyId/numbers/:msisdn/allowances',
      {
        schema: {
          tags,
          summary: 'Remaining and additional allowances (F16)',
          params: numberParams,
          response: { 200: allowances, ...errorResponses(401, 404) },
        },
      },
      async (request) => numbers.allowances(request.params.companyId, request.params.msisdn, request.language),
    );

    const statusDescription =
      'Goes through network provisioning (O5): when the network does not confirm, nothing changes and the ' +
      'answer is 502 `provisioning_failed`. Refusals (409): `number_already_blocked`, `number_not_blocked`, ' +
      '`number_blocked_for_debt` (blocked by the operator for debt: only paying the debt lifts it), ' +
      '`number_suspended`, `number_terminated`. Each attempt is in the actions history.';

    app.post(
      '/companies/:companyId/numbers/:msisdn/block',
      {
        schema: {
          tags,
          summary: 'Block an active number (F20)',
          description: statusDescription,
          params: numberParams,
          response: { 200: statusChange, ...errorResponses(401, 403, 404, 409, 502) },
        },
      },
      async (request) => {
        const actor = { administratorId: request.session!.administratorId, ip: request.ip };
        return numbers.block(request.params.companyId, request.params.msisdn, actor, request.language);
      },
    );

    app.post(
      '/companies/:companyId/numbers/:msisdn/unblock',
      {
        schema: {
          tags,
          summary: 'Unblock a number the administrator blocked; a block for debt is refused (F20)',
          description: statusDescription,
          params: numberParams,
          response: { 200: statusChange, ...errorResponses(401, 403, 404, 409, 502) },
        },
      },
      async (request) => {
        const actor = { administratorId: request.session!.administratorId, ip: request.ip };
        return numbers.unblock(request.params.companyId, request.params.msisdn, actor, request.language);
      },
    );
  };
}
