// drizzle-kit reads this to generate the platform's own migrations from its tables' schema files:
// `npx drizzle-kit generate --config src/db/drizzle.config.ts` (from packages/platform).
// They are applied before every app's migrations (db/migrate.ts), with their own bookkeeping.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/audit/schema.ts',
    './src/auth/schema.ts',
    './src/files/schema.ts',
    './src/jobs/schema.ts',
    './src/db/counters.schema.ts',
  ],
  out: './src/db/migrations',
  casing: 'snake_case',
});
