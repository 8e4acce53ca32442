import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../plugins/openapi.js';
import { requireSession } from '../../plugins/session.js';
import { administrator } from '../auth/auth.schemas.js';
import { emailBody, languageBody, passwordBody, sessionParams, sessionView } from './profile.schemas.js';
import type { ProfileService } from './profile.service.js';

const tags = ['Profile'];

export function profileRoutes(profile: ProfileService): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession);

    app.get(
      '/me',
      {
        schema: {
          tags,
          summary: 'The logged-in administrator (F04)',
          response: { 200: administrator, ...errorResponses(401) },
        },
      },
      async (request) => profile.me(request.session!.administratorId),
    );

    app.patch(
      '/me',
      {
        schema: {
          tags,
          summary: 'Change the interface language (F07); e-mails and SMS follow it',
          body: languageBody,
          response: { 200: administrator, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => profile.setLanguage(request.session!, request.body.language),
    );

    app.put(
      '/me/email',
      {
        schema: {
          tags,
          summary: 'Change e-mail; needs the current password (F04)',
          body: emailBody,
          response: { 200: administrator, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => profile.changeEmail(request.session!, request.body.email, request.body.password, request.ip),
    );

    app.put(
      '/me/password',
      {
        schema: {
          tags,
          summary: 'Change password; optionally end every other session (F04, B10)',
          body: passwordBody,
          response: { 204: z.null(), ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const b = request.body;
        await profile.changePassword(
          request.session!,
          b.currentPassword,
          b.newPassword,
          b.signOutOtherDevices,
          request.ip,
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me/sessions',
      {
        schema: {
          tags,
          summary: 'Active sessions: device, IP, last seen (B10)',
          response: { 200: z.object({ items: z.array(sessionView) }), ...errorResponses(401) },
        },
      },
      async (request) => ({ items: await profile.sessions(request.session!) }),
    );

    app.delete(
      '/me/sessions/:id',
      {
        schema: {
          tags,
          summary: 'End one session (B10)',
          params: sessionParams,
          response: { 204: z.null(), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        await profile.endSession(request.session!, request.params.id, request.ip);
        return reply.status(204).send(null);
      },
    );
  };
}
