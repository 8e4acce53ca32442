import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../plugins/openapi.js';
import { requireSession } from '../../plugins/session.js';
import { companyParams } from '../companies/companies.schemas.js';
import { attachment } from '../reports/reports.routes.js';
import {
  breakdownQuery,
  certificateParams,
  invoiceLookupQuery,
  invoiceLookupResult,
  pdfFile,
} from './documents.schemas.js';
import type { DocumentsService } from './documents.service.js';

const tags = ['Documents and reports'];

export function documentsRoutes(documents: DocumentsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession);

    app.get(
      '/companies/:companyId/invoice-lookup',
      {
        schema: {
          tags,
          summary: 'Find the mobile numbers of an invoice (F30)',
          description:
            'By `invoiceNumber` (13 digits) or by e-invoice `registrationNumber` — exactly one (else 400 ' +
            '`invoice_lookup_key_required`). Only invoices of this company: any other answers 404 `invoice_not_found`. ' +
            '`format=xlsx` downloads the list (columns: phone number, invoice number). In the actions history.',
          params: companyParams,
          querystring: invoiceLookupQuery,
          response: { 200: invoiceLookupResult, ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const actor = { administratorId: request.session!.administratorId, ip: request.ip };
        const r = await documents.lookup(request.params.companyId, request.query, actor, request.language);
        if (r.file) {
          return reply
            .type(r.file.contentType)
            .header('content-disposition', attachment(r.file.fileName))
            .send(r.file.content as never);
        }
        return r.json;
      },
    );

    app.get(
      '/companies/:companyId/invoices/:invoiceNumber/certificate.pdf',
      {
        schema: {
          tags,
          summary: 'Service delivery certificate of an invoice, as a PDF at once (F33)',
          description:
            'application/pdf: certificate of completed works with the parties’ requisites, the services by category, ' +
            "totals without and with VAT, the total in words (in the caller's language) and the breakdown by number. " +
            'Another company’s or an unknown invoice answers 404 `invoice_not_found`.',
          params: certificateParams,
          response: { 200: pdfFile, ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const actor = { administratorId: request.session!.administratorId, ip: request.ip };
        const file = await documents.certificate(
          request.params.companyId,
          request.params.invoiceNumber,
          actor,
          request.language,
        );
        return reply
          .type(file.contentType)
          .header('content-disposition', attachment(file.fileName))
          .send(file.content as never);
      },
    );

    app.get(
      '/companies/:companyId/invoice-breakdown',
      {
        schema: {
          tags,
          summary: 'Invoice breakdown of a personal account for a month, PDF or XLSX (F39)',
          description:
            'Every line of the invoice, number by number, with the total. No invoice of this company for that account ' +
            'and month answers 404 `invoice_breakdown_not_found`.',
          params: companyParams,
          querystring: breakdownQuery,
          response: { 200: pdfFile, ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const actor = { administratorId: request.session!.administratorId, ip: request.ip };
        const file = await documents.breakdown(request.params.companyId, request.query, actor, request.language);
        return reply
          .type(file.contentType)
          .header('content-disposition', attachment(file.fileName))
          .send(file.content as never);
      },
    );
  };
}
