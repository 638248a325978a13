// Puts the mailer on the app (`app.mail`); templates are registered by the app's modules.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Mailer, type MailerOptions } from './mailer.ts';

declare module 'fastify' {
  interface FastifyInstance {
    mail: Mailer;
  }
}

export const mailPlugin = fp(
  async (app: FastifyInstance, opts: Omit<MailerOptions, 'jobs'>) => {
    const mailer = new Mailer({ ...opts, jobs: app.jobs });
    // Nothing to close: the transport opens one SMTP connection per message (no pool), so a
    // mail job still running during shutdown can finish its send.
    app.decorate('mail', mailer);
  },
  { name: 'platform-mail', dependencies: ['platform-jobs'] },
);
