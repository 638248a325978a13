// The app's own tables. The platform's (audit log, login sessions, files, job progress) are
// created by the platform's own migrations, applied before the app's; the app refers to them only
// for foreign keys, from @campus/platform/tables, and queries them only through the platform.
export * from './attendance.ts';
export * from './courses.ts';
export * from './faces.ts';
export * from './users.ts';
