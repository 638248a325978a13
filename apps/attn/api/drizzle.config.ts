// drizzle-kit reads this to generate SQL migrations from the schema: `npm run db:generate -w @campus/attn-api`.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
  casing: 'snake_case',
});
