// @campus/platform/mail: mail templates and the outbox.
export * from './mailer.ts';
export * from './template.ts';
export * from './address-cap.ts';
