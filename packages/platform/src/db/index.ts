// @campus/platform/db: the database handle (PGlite or PostgreSQL) and its rules.

export * from './create-database.ts';
export * from './database.ts';
export * from './group-commit.ts';
export * from './keyed-counters.ts';
