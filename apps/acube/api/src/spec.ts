// A-Cube as the platform sees it: name, settings, schema, plugin, demo data, commands.
import { fileURLToPath } from 'node:url';
import type { AppSpec } from '@campus/platform/app';
import { acubeApp } from './app.ts';
import { createAdminCommand } from './commands/create-admin.ts';
import { type AcubeConfig, loadAcubeConfig } from './config.ts';
import { seedDemoData } from './demo-data.ts';

export const acubeSpec: AppSpec<AcubeConfig> = {
  name: 'acube',
  title: 'A-Cube',
  version: '0.1.0',
  description: 'bookings, events, volunteers and contact for a mental-health non-profit',
  loadConfig: loadAcubeConfig,
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  // The seed's limits, per caller (admin id once logged in, else client IP).
  policies: {
    public: '10/minute;30/hour',
    // A bot-check challenge before each public form: a few more than the forms themselves.
    challenge: '20/minute;100/hour',
    admin: '60/minute;1000/hour',
    auth: '5/minute;20/hour',
    // Every panel load and every access token's expiry refreshes: generous, unlike a password guess.
    refresh: '60/minute;600/hour',
    upload: '10/minute;50/hour',
    export: '5/minute;20/hour',
  },
  sensitivePaths: ['body.message', 'body.phone'],
  plugin: acubeApp,
  seedDemoData,
  commands: { 'create-admin': createAdminCommand },
  // The public pages and the admin panel; served when built (the API starts without a build).
  // The manage pages that mails link to carry a token in their address: private.
  web: {
    root: fileURLToPath(new URL('../../web', import.meta.url)),
    privatePaths: ['/booking', '/registration'],
  },
};
