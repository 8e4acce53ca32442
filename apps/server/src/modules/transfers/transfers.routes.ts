import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorResponses } from '../../plugins/openapi.js';
import { requireSession } from '../../plugins/session.js';
import { companyParams } from '../companies/companies.schemas.js';
import { balanceTransfer, transferBody, transferHeaders, transfersPage, transfersQuery } from './transfers.schemas.js';
import type { TransfersService } from './transfers.service.js';

const tags = ['Balance transfer'];

export function transfersRoutes(transfers: TransfersService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession);

    app.post(
      '/companies/:companyId/balance-transfers',
      {
        schema: {
          tags,
          summary: 'Transfer balance from one number of the company to another (F40)',
          description:
            'Moves the amount as one ledger transaction (sender −, recipient +): never loses or creates a tiyn. ' +
            'Refusals change nothing and are recorded in the actions history: ' +
            '400 `validation_failed` (field errors `invalid_msisdn`, `amount_not_string`, `amount_invalid`, ' +
            '`amount_not_positive`, `amount_too_many_decimals`, `amount_above_maximum`), 400 `transfer_same_number`; ' +
            '404 when either number is not the company’s; 409 `transfer_sender_blocked` / `…_blocked_debt` / ' +
            '`…_suspended` / `…_terminated` and the same for `transfer_recipient_…`; 422 `transfer_insufficient_funds` ' +
            '(details.availableFunds), 422 `idempotency_key_reused`.',
          params: companyParams,
          headers: transferHeaders,
          body: transferBody,
          response: { 201: balanceTransfer, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
        onError: async (request, reply, error) => {
          // Refused by validation before the handler ran: still an administrator action (F31).
          if (!request.session || !hasZodFastifySchemaValidationErrors(error)) return;
          // Validation runs before the CSRF check: record only what the administrator really sent.
          const csrfOk = await requireSession(request, reply).then(
            () => true,
            () => false,
          );
          if (!csrfOk) return;
          const fields = error.validation.map((v) => v.instancePath.replace(/^\//, '') || 'body');
          await transfers
            .recordInvalid(
              (request.params as { companyId: string }).companyId,
              { administratorId: request.session.administratorId, ip: request.ip },
              request.body,
              fields,
            )
            .catch((err) => request.log.error({ err }, 'could not record the refused transfer'));
        },
      },
      async (request, reply) => {
        const s = request.session!;
        const result = await transfers.create(
          request.params.companyId,
          request.body,
          { administratorId: s.administratorId, ip: request.ip },
          request.headers['idempotency-key'],
        );
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(result.status as 201).send(result.body as never);
      },
    );

    app.get(
      '/companies/:companyId/balance-transfers',
      {
        schema: {
          tags,
          summary: "The company's balance transfers, newest first (F40)",
          params: companyParams,
          querystring: transfersQuery,
          response: { 200: transfersPage, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => transfers.list(request.params.companyId, request.query),
    );
  };
}
