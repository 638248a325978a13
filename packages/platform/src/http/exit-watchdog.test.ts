import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startTimeOf } from './exit-watchdog.ts';

const moduleUrl = new URL('./exit-watchdog.ts', import.meta.url).href;

test('the start time is read past a command name holding spaces and parentheses', () => {
  const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
  const stat = `4242 (node (a) b) ${fields.join(' ')}`;
  assert.equal(startTimeOf(stat), '22');
});

test('a process still here after its exit began is killed by the watcher', {
  skip: process.platform !== 'linux',
}, async () => {
  // The child arms the watcher and then never ends, as a process stuck in exit would.
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { armExitWatchdog } from ${JSON.stringify(moduleUrl)};
       console.log(armExitWatchdog(1000)); setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], cwd: fileURLToPath(new URL('.', import.meta.url)) },
  );
  let out = '';
  child.stdout.on('data', (c) => {
    out += c;
  });
  const guard = setTimeout(() => child.kill('SIGTERM'), 15_000);
  const [code, signal] = await once(child, 'exit');
  clearTimeout(guard);
  assert.equal(out.trim(), 'true', 'the watcher was armed');
  assert.deepEqual([code, signal], [null, 'SIGKILL']);
});
