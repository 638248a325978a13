// npm run dev:attn: the API on its port (3001) and Vite's dev server with hot reload on 5173,
// which proxies /api, /docs and /openapi.json to the API. Ctrl-C stops both.
//   npm run dev:attn                 (PORT and the other settings apply to the API as usual)
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const app = process.argv[2] ?? 'attn';
const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.PORT ?? (app === 'attn' ? '3001' : '3000');
const apiUrl = `http://127.0.0.1:${apiPort}`;

const children: ChildProcess[] = [
  spawn(process.execPath, [`apps/${app}/api/src/cli.ts`, 'serve'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: apiPort },
  }),
  spawn('npx', ['vite', '--host', process.env.DEV_HOST ?? '127.0.0.1'], {
    cwd: `${root}/apps/${app}/web`,
    stdio: 'inherit',
    env: { ...process.env, [`${app.toUpperCase()}_API_URL`]: apiUrl },
  }),
];

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
