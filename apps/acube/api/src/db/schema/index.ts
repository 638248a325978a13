// The app's own tables. The platform's (audit log, login sessions, files, job progress) are
// created by the platform's own migrations, applied before the app's; the app refers to them only
// for foreign keys, from @campus/platform/tables, and queries them only through the platform.
export * from './admins.ts';
export * from './bookings.ts';
export * from './bulk-operations.ts';
export * from './events.ts';
export * from './registrations.ts';
export * from './submissions.ts';
