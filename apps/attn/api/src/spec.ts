// ATTN as the platform sees it: name, settings, schema, plugin, commands.
import { fileURLToPath } from 'node:url';
import type { AppSpec } from '@campus/platform/app';
import { attnApp } from './app.ts';
import { createUserCommand, setPasswordCommand } from './commands/create-user.ts';
import { type AttnConfig, loadAttnConfig } from './config.ts';
import { seedDemoData } from './demo-data.ts';
import { faceCalibrateCommand, faceCompareCommand } from './modules/face/index.ts';
import { sisSimCommand } from './modules/sis/index.ts';

export const attnSpec: AppSpec<AttnConfig> = {
  name: 'attn',
  title: 'ATTN',
  version: '0.1.0',
  description: 'class attendance with rotating codes and verified selfies',
  loadConfig: loadAttnConfig,
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  // Before login the key is the client IP, which a whole lecture hall can share behind one NAT
  // address: 'auth' lets 500 students log in at once, none refused (bench:login; at 300 a minute
  // 200 of them waited up to a minute). Guessing one account stays throttled per account
  // (brute-force.ts). After login, per student.
  policies: {
    auth: '600/minute;5000/hour',
    // Check-in tickets, asked for before login and so per IP: a hall of 500 scanning within a
    // minute or two, some twice, behind one NAT address.
    ticket: '600/minute;5000/hour',
    user: '60/minute;1000/hour',
    student: '30/minute;600/hour',
    teacher: '120/minute;3000/hour',
    admin: '120/minute;3000/hour',
    // Face enrolment uploads: each costs up to three face analyses in a worker thread.
    face: '5/minute;30/hour',
  },
  plugin: attnApp,
  web: { root: fileURLToPath(new URL('../../web', import.meta.url)) },
  seedDemoData,
  commands: {
    'create-user': createUserCommand,
    'set-password': setPasswordCommand,
    'sis-sim': sisSimCommand,
    'face-compare': faceCompareCommand,
    'face-calibrate': faceCalibrateCommand,
  },
};
