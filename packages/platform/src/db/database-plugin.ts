// Makes the app's database available as `app.db`, reports it in /health/ready and its pool in
// /metrics. The Database itself is made (and closed) by the entry point, which owns its lifetime.
import fp from 'fastify-plugin';
import { Gauge } from 'prom-client';
import type { Database, Db } from './create-database.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    database: Database;
  }
}

export const databasePlugin = fp(
  async (app, opts: { database: Database }) => {
    const { database } = opts;
    app.decorate('db', database.db);
    app.decorate('database', database);
    app.health.register('database', async () => {
      await database.ping();
      return 'up';
    });
    const pool = (
      name: string,
      help: string,
      pick: (s: { total: number; idle: number; waiting: number }) => number,
    ) =>
      new Gauge({
        name,
        help,
        labelNames: ['kind'],
        registers: [app.metrics],
        collect() {
          const stats = database.poolStats();
          if (stats) this.set({ kind: database.kind }, pick(stats));
        },
      });
    pool('db_pool_connections', 'Connections open in the database pool', (s) => s.total);
    pool('db_pool_idle_connections', 'Idle connections in the database pool', (s) => s.idle);
    pool('db_pool_waiting_clients', 'Queries waiting for a pooled connection', (s) => s.waiting);
  },
  { name: 'platform-database', dependencies: ['platform-health', 'platform-metrics'] },
);
