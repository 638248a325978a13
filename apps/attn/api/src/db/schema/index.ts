// The app's tables, and the platform's re-exported for queries (and for a foreign key to them).
// The platform's tables are created and changed by the platform's own migrations, applied before
// the app's (packages/platform/src/db/migrate.ts); drizzle-kit reads only the app's own files
// here (drizzle.config.ts), so they never enter the app's migrations again.
export * from '@campus/platform/tables';
export * from '@campus/platform/tables';
export * from '@campus/platform/tables';
export * from '@campus/platform/tables';
export * from './attendance.ts';
export * from './courses.ts';
export * from './faces.ts';
export * from './users.ts';
