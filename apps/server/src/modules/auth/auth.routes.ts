import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { t } from '../../lib/i18n.js';
import { errorResponses } from '../../plugins/openapi.js';
import { clearSessionCookies, requireSession, setSessionCookies } from '../../plugins/session.js';
import {
  challengeReply,
  loginBody,
  messageReply,
  passwordResetBody,
  passwordResetConfirmBody,
  resendBody,
  verifyBody,
  verifyReply,
} from './auth.schemas.js';
import type { AuthService } from './auth.service.js';

const tags = ['Authentication'];

export function authRoutes(auth: AuthService): FastifyPluginAsyncZod {
  return async (app) => {
    const meta = (request: import('fastify').FastifyRequest) => ({
      ip: request.ip,
      userAgent: request.headers['user-agent'],
      language: request.language,
    });

    // A request-rate limit per client IP on every authentication endpoint.
    app.addHook('preHandler', async (request) => {
      if (request.routeOptions.url?.startsWith('/api/v1/auth/')) await auth.guardIp(request.ip);
    });

    app.post(
      '/auth/login',
      {
        schema: {
          tags,
          summary: 'Log in with phone and password; sends a one-time code (F01)',
          body: loginBody,
          response: { 200: challengeReply, ...errorResponses(400, 401, 429) },
        },
      },
      async (request) => auth.login(request.body.phone, request.body.password, meta(request)),
    );

    app.post(
      '/auth/otp/resend',
      {
        schema: {
          tags,
          summary: 'Send the one-time code again (after the countdown)',
          body: resendBody,
          response: { 200: challengeReply, ...errorResponses(400, 429) },
        },
      },
      async (request) => auth.resend(request.body.challengeId, meta(request)),
    );

    app.post(
      '/auth/otp/verify',
      {
        schema: {
          tags,
          summary: 'Check the one-time code; starts a session (cookie)',
          body: verifyBody,
          response: { 200: verifyReply, ...errorResponses(400, 429) },
        },
      },
      async (request, reply) => {
        const result = await auth.verify(request.body.challengeId, request.body.code, meta(request));
        setSessionCookies(request, reply, result.token, result.csrfToken);
        return { administrator: result.administrator };
      },
    );

    app.post(
      '/auth/logout',
      {
        preHandler: requireSession,
        schema: { tags, summary: 'End this session', response: { 204: z.null(), ...errorResponses(401, 403) } },
      },
      async (request, reply) => {
        const s = request.session!;
        await auth.logout(s.idHash, s.administratorId, request.ip);
        clearSessionCookies(reply);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/password-reset',
      {
        schema: {
          tags,
          summary: 'Forgot password / first login: e-mails a single-use link (F02)',
          description: 'Answers the same whether or not the phone belongs to an administrator.',
          body: passwordResetBody,
          response: { 202: messageReply, ...errorResponses(400, 429) },
        },
      },
      async (request, reply) => {
        const publicUrl = app.ctx.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;
        await auth.requestPasswordReset(request.body.phone, meta(request), publicUrl);
        return reply.status(202).send({ message: t('password_reset_requested', request.language) });
      },
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        schema: {
          tags,
          summary: 'Set a new password with the e-mailed link (F02)',
          body: passwordResetConfirmBody,
          response: { 204: z.null(), ...errorResponses(400, 429) },
        },
      },
      async (request, reply) => {
        const { token, newPassword, signOutOtherDevices } = request.body;
        await auth.confirmPasswordReset(token, newPassword, signOutOtherDevices, meta(request));
        return reply.status(204).send(null);
      },
    );
  };
}
