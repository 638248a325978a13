// Builds the web UI of every app that has one (apps/*/web with a vite.config.*), when missing or
// older than its sources. Run by `npm ci` (the root postinstall) and by `npm run build:web`;
// `serve` checks again at start. No web folder yet, or no Vite (an install without dev
// dependencies), is not an error here; a failed build is.
// Usage: node scripts/build-web.ts
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWebBuilt, WebBuildError } from '@campus/platform/app';

const apps = fileURLToPath(new URL('../apps/', import.meta.url));
const configs = ['vite.config.ts', 'vite.config.js', 'vite.config.mjs'];
const roots = (existsSync(apps) ? readdirSync(apps) : [])
  .map((app) => join(apps, app, 'web'))
  .filter((root) => configs.some((file) => existsSync(join(root, file))));

const logger = {
  info: (_fields: object, message: string) => console.log(message),
  warn: (_fields: object, message: string) => console.warn(message),
};

if (roots.length === 0) console.log('No web UI to build (no apps/*/web/vite.config.*).');
for (const root of roots) {
  try {
    const result = await ensureWebBuilt({ root, logger });
    if (result === 'fresh') console.log(`Web UI up to date: ${root}/dist`);
  } catch (err) {
    if (err instanceof WebBuildError && err.code === 'VITE_MISSING') {
      // An install without dev dependencies: nothing to build with; `serve` says so at start.
      console.warn(err.message);
      continue;
    }
    console.error(err instanceof WebBuildError ? err.message : err);
    process.exitCode = 1;
  }
}
