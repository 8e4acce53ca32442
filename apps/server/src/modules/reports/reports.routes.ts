import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../plugins/openapi.js';
import { requireSession } from '../../plugins/session.js';
import { companyParams } from '../companies/companies.schemas.js';
import { numberParams } from '../numbers/numbers.schemas.js';
import { requestResource } from '../requests/requests.schemas.js';
import { XLSX_TYPE } from './report-builders.js';
import { actionsPage, actionsQuery, reportBody, usagePage, usageReportBody } from './reports.schemas.js';
import type { ReportsService } from './reports.service.js';

const tags = ['Documents and reports'];

const periodErrors =
  'Period refusals (400, naming the field): `period_start_after_end` (to), `period_in_future` (to), ' +
  '`period_too_old` (from: earlier than the report reaches back), `period_not_closed` (to: reconciliation ' +
  'months are available from the 1st of the next month), `field_invalid` (not a date).';

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function reportsRoutes(reports: ReportsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession);

    app.post(
      '/companies/:companyId/numbers/:msisdn/usage-reports',
      {
        schema: {
          tags,
          summary: 'Usage details of a number: on screen, as a file, or e-mailed (F19)',
          description:
            '`output: screen` answers 200 with a page of usage records (oldest first; pass `nextCursor` as `cursor`) and ' +
            "the period's totals. `xlsx` and `email` answer 202 with the request (requests centre, B4) and the message " +
            '"Your request to submit a report has been accepted."; a job builds the XLSX, stores it on the request ' +
            '(GET …/requests/{id}/file) and, for `email`, e-mails it as an attachment (to `email` or the ' +
            `administrator's address). Default period: one month back to today. ${periodErrors}`,
          params: numberParams,
          body: usageReportBody,
          response: { 200: usagePage, 202: requestResource, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const actor = { administratorId: request.session!.administratorId, ip: request.ip };
        const r = await reports.usage(
          request.params.companyId,
          request.params.msisdn,
          request.body,
          actor,
          request.language,
        );
        return reply.code(r.status).send(r.body as never);
      },
    );

    app.post(
      '/companies/:companyId/reports',
      {
        schema: {
          tags,
          summary: 'Order a report by e-mail (F32, F34, F35, F36, F37)',
          description:
            'Answers 202 with the request (requests centre, B4) and the message "Your request to submit a report has ' +
            'been accepted."; a job builds the file, stores it on the request and e-mails it as an attachment exactly ' +
            `once (to \`email\` or the administrator's address). Files: XLSX; reconciliation: PDF. ${periodErrors}`,
          params: companyParams,
          body: reportBody,
          response: { 202: requestResource, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const actor = { administratorId: request.session!.administratorId, ip: request.ip };
        const r = await reports.requestReport(request.params.companyId, request.body, actor, request.language);
        return reply.code(202).send(r);
      },
    );

    app.get(
      '/companies/:companyId/actions',
      {
        schema: {
          tags,
          summary: "Actions history: the company's administrators' actions, newest first (F31)",
          description:
            'Each action with its status (success / failure), time and administrator. Default period: one month back to ' +
            `today. \`format=xlsx\` downloads the whole period as a spreadsheet (${XLSX_TYPE}) instead of a JSON page. ` +
            periodErrors,
          params: companyParams,
          querystring: actionsQuery,
          response: { 200: actionsPage, ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const { format, ...q } = request.query;
        if (format === 'xlsx') {
          const file = await reports.actionsXlsx(request.params.companyId, q, request.language);
          return reply
            .type(XLSX_TYPE)
            .header('content-disposition', attachment(file.fileName))
            .send(file.content as never);
        }
        return reports.actions(request.params.companyId, q, request.language);
      },
    );
  };
}
