// A private Redis server (Debian's redis-server) for tests that must stop and restart it:
// loopback only, no persistence, on a free port that survives a restart.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

const BINARY = '/usr/bin/redis-server';

export interface TestRedisServer {
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Calls per command from INFO commandstats, e.g. { evalsha: 100, ping: 3 }. */
  commandCalls(): Promise<Record<string, number>>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function startRedisServer(): Promise<TestRedisServer> {
  if (!existsSync(BINARY)) {
    throw new Error(
      `${BINARY} is missing: install Debian's redis-server (deploy/services/ensure-packages.sh redis)`,
    );
  }
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  const ping = async () => {
    const client = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.ping();
      return true;
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  };

  const server: TestRedisServer = {
    url,
    async start() {
      child = spawn(
        BINARY,
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
      for (let i = 0; i < 100; i++) {
        if (await ping()) return;
        await sleep(50);
      }
      throw new Error(`redis-server did not answer on ${url}`);
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
    async commandCalls() {
      const client = new Redis(url);
      try {
        const text = await client.info('commandstats');
        const calls: Record<string, number> = {};
        for (const match of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm))
          calls[match[1] ?? ''] = Number(match[2]);
        return calls;
      } finally {
        client.disconnect();
      }
    },
  };
  await server.start();
  return server;
}
