// drizzle-kit reads this to generate SQL migrations from the schema: `npm run db:generate -w @campus/acube-api`.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // The app's own tables only: index.ts also re-exports the platform's tables for queries, but the
  // platform migrates those itself (packages/platform/src/db/migrations).
  schema: './src/db/schema/!(index).ts',
  out: './src/db/migrations',
  casing: 'snake_case',
});
