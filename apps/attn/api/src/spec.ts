// ATTN as the platform sees it: name, settings, schema, plugin, commands.
import { fileURLToPath } from 'node:url';
import type { AppSpec } from '@campus/platform/app/app-spec.ts';
import { attnApp } from './app.ts';
import { type AttnConfig, loadAttnConfig } from './config.ts';

export const attnSpec: AppSpec<AttnConfig> = {
  name: 'attn',
  title: 'ATTN',
  version: '0.1.0',
  description: 'class attendance with rotating codes and verified selfies',
  loadConfig: loadAttnConfig,
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  plugin: attnApp,
};
