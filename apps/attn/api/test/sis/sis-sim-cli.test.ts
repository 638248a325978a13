// `npm run attn -- sis-sim` as a developer runs it: a separate process that prints its address
// and logins, answers the contract, and stops on SIGTERM.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

test('sis-sim prints its address and logins, serves the roster and checks passwords, and stops on SIGTERM', async () => {
  const child = spawn(
    process.execPath,
    [CLI, 'sis-sim', '--port', '0', '--students', '7', '--token', 'cli-token-123'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed: ${out}`)), 30_000);
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /Simulated SIS at (http:\/\/[\d.]+:\d+)/.exec(out);
        if (match?.[1] && out.includes('down_for_ms')) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
    });
    assert.match(out, /T1001 \/ pass-T1001/);
    assert.match(out, /7 students/);
    assert.ok(!out.includes('cli-token-123'), 'the token is not printed');

    const headers = { authorization: 'Bearer cli-token-123', 'content-type': 'application/json' };
    const users = await fetch(`${url}/ims/oneroster/rostering/v1p2/users?limit=100`, { headers });
    assert.equal(users.status, 200);
    assert.equal(((await users.json()) as { users: unknown[] }).users.length, 10);
    const verify = await fetch(`${url}/auth/v1/credentials/verify`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ school_number: '202600007', password: 'pass-202600007' }),
    });
    assert.equal(((await verify.json()) as { valid: boolean }).valid, true);
    const unauthorised = await fetch(`${url}/ims/oneroster/rostering/v1p2/users`);
    assert.equal(unauthorised.status, 401);
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    assert.equal(code, 0);
  }
});
