// @campus/platform/tables: the platform's tables, created by its own migrations. Apps refer to
// them for foreign keys (and tests read them); they never query or migrate them.
export * from './audit/schema.ts';
export * from './auth/schema.ts';
export * from './db/counters.schema.ts';
export * from './files/schema.ts';
export * from './jobs/schema.ts';
