// @campus/platform/mail: mail templates and the outbox.

export * from './address-cap.ts';
export * from './mailer.ts';
export * from './template.ts';
