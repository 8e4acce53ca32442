import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { errorResponses } from '../../plugins/openapi.js';
import { requireSession } from '../../plugins/session.js';
import type { RequestRow } from './requests.repository.js';
import { companyParams, requestParams, requestResource, requestsPage, requestsQuery } from './requests.schemas.js';
import { presentRequest, type RequestsService } from './requests.service.js';

const tags = ['Requests'];

/** Live updates: streams per process, their lifetime (the browser reconnects by itself), heartbeat. */
const MAX_STREAMS = 500;
const STREAM_LIFETIME_MS = 10 * 60_000;
const HEARTBEAT_MS = 15_000;
/** Each poll re-reads this far back, so a change committed a moment late is not missed (sent ones are skipped). */
const OVERLAP_SECONDS = 5;
const BATCH = 500;

const encodeEventId = (updatedText: string) => Buffer.from(updatedText).toString('base64url');
function decodeEventId(header: unknown): string | null {
  if (typeof header !== 'string' || header.length > 200) return null;
  const text = Buffer.from(header, 'base64url').toString('utf8');
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:?\d{2}){0,2}$/.test(text) ? text : null;
}

export function requestsRoutes(requests: RequestsService, pollMs: number): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession);
    const streams = new Set<() => void>();
    app.addHook('preClose', async () => {
      for (const end of streams) end();
    });

    app.get(
      '/companies/:companyId/requests',
      {
        schema: {
          tags,
          summary: 'Requests centre: every asynchronous operation of the company, newest first (B4)',
          description:
            'Filters: `status`, `kind`, `msisdn`; `updatedSince` (ISO 8601) returns only requests changed after that ' +
            'time — a polling client passes the largest `updatedAt` it has seen (and dedupes by id + updatedAt). ' +
            'Cursor paging: pass `nextCursor` as `cursor`. Live updates: GET …/requests/events.',
          params: companyParams,
          querystring: requestsQuery,
          response: { 200: requestsPage, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => requests.list(request.params.companyId, request.query, request.language),
    );

    app.get(
      '/companies/:companyId/requests/events',
      {
        schema: {
          tags,
          summary: 'Live updates of the company’s requests as server-sent events (B4)',
          description:
            '`text/event-stream`. Each change of a request of the company is one event `request` whose data is the ' +
            'Request resource (JSON) and whose id resumes the stream: the browser’s EventSource sends it back as ' +
            'Last-Event-ID when it reconnects. Without it the stream starts from now. A comment line is sent every ' +
            '15 s; the server ends a stream after 10 minutes (EventSource reconnects by itself, `retry: 3000`). ' +
            '429 when the server has too many open streams.',
          params: companyParams,
          response: {
            200: z.string().meta({ description: 'event: request\\nid: …\\ndata: {Request}\\n\\n …' }),
            ...errorResponses(401, 404, 429),
          },
        },
      },
      async (request, reply) => {
        if (streams.size >= MAX_STREAMS) throw new AppError('too_many_requests', 429, {}, { retryAfterSeconds: 5 });
        const { companyId } = request.params;
        const lang = request.language;
        let cursor = decodeEventId(request.headers['last-event-id']);
        if (!cursor) {
          const { rows } = await app.ctx.db.query<{ now: string }>('SELECT now()::text AS now');
          cursor = (rows[0] as { now: string }).now;
        }
        const sent = new Map<string, string>();
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          ...(reply.getHeaders() as Record<string, string>),
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
          'x-request-id': request.id,
        });
        res.write('retry: 3000\n\n');

        let closed = false;
        let timer: NodeJS.Timeout | undefined;
        const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
        const lifetime = setTimeout(() => end(), STREAM_LIFETIME_MS);
        const end = () => {
          if (closed) return;
          closed = true;
          clearInterval(heartbeat);
          clearTimeout(lifetime);
          if (timer) clearTimeout(timer);
          streams.delete(end);
          res.end();
        };
        streams.add(end);
        request.raw.on('close', end);
        res.on('close', end);

        const send = (row: RequestRow) => {
          if (sent.get(row.id) === row.updated_text) return;
          sent.set(row.id, row.updated_text);
          if (sent.size > 5000) sent.delete(sent.keys().next().value as string);
          const data = JSON.stringify(presentRequest(row, lang));
          res.write(`event: request\nid: ${encodeEventId(row.updated_text)}\ndata: ${data}\n\n`);
        };
        const poll = async () => {
          if (closed) return;
          try {
            const rows = await requests.changes(companyId, cursor as string, OVERLAP_SECONDS, BATCH);
            for (const row of rows) {
              if (closed) return;
              send(row);
            }
            const last = rows.at(-1);
            if (last && rows.length === BATCH) cursor = last.updated_text;
            else if (last) cursor = await requests.later(cursor as string, last.updated_text);
          } catch (err) {
            request.log.warn({ err }, 'request events poll failed');
          }
          if (!closed) timer = setTimeout(() => void poll(), pollMs);
        };
        await poll();
      },
    );

    app.get(
      '/companies/:companyId/requests/:id',
      {
        schema: {
          tags,
          summary: 'One request: status, result, texts in the caller’s language (B4)',
          params: requestParams,
          response: { 200: requestResource, ...errorResponses(401, 404) },
        },
      },
      async (request) => requests.get(request.params.companyId, request.params.id, request.language),
    );

    app.get(
      '/companies/:companyId/requests/:id/file',
      {
        schema: {
          tags,
          summary: 'The result file of a request (reports), as an attachment (B4)',
          description: '404 when the request has no file (yet).',
          params: requestParams,
          response: {
            200: z.unknown().meta({ description: 'The file itself, with its Content-Type and Content-Disposition' }),
            ...errorResponses(401, 404),
          },
        },
      },
      async (request, reply) => {
        const file = await requests.file(request.params.companyId, request.params.id);
        return reply
          .header('content-type', file.type ?? 'application/octet-stream')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
          .send(file.content);
      },
    );
  };
}
