// Puts live fan-out on the app (`app.live`): publish/subscribe across instances (Redis pub/sub
// when REDIS_URL is set, process memory otherwise) and server-sent event streams that end when
// the app closes. Reports the shared channel to /health/ready as `live`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import type { Broadcaster } from './broadcaster.ts';
import { type EventStream, type EventStreamOptions, EventStreams } from './event-stream.ts';
import { LocalBroadcaster } from './local-broadcaster.ts';

export interface Live extends Omit<Broadcaster, 'check' | 'close'> {
  /** Answers the request with a server-sent event stream (see event-stream.ts). */
  stream(request: FastifyRequest, reply: FastifyReply, opts?: EventStreamOptions): EventStream;
  /** How many streams are open in this process. */
  readonly openStreams: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    live: Live;
  }
}

export interface LivePluginOptions {
  redisUrl: string | undefined;
  redisPrefix: string;
  logger: Logger;
}

export async function createBroadcaster(opts: LivePluginOptions): Promise<Broadcaster> {
  if (!opts.redisUrl) return new LocalBroadcaster({ logger: opts.logger });
  // Loaded only when used: the embedded default starts without the Redis client.
  const { RedisBroadcaster } = await import('./redis-broadcaster.ts');
  return RedisBroadcaster.create({ url: opts.redisUrl, prefix: opts.redisPrefix, logger: opts.logger });
}

export const livePlugin = fp(
  async (app: FastifyInstance, opts: LivePluginOptions) => {
    const broadcaster = await createBroadcaster(opts);
    const streams = new EventStreams();
    app.decorate('live', {
      publish: (channel, message) => broadcaster.publish(channel, message),
      subscribe: (channel, listener, subscribeOpts) =>
        broadcaster.subscribe(channel, listener, subscribeOpts),
      stream: (request, reply, streamOpts) => streams.open(request, reply, streamOpts),
      get openStreams() {
        return streams.size;
      },
    } satisfies Live);
    app.health.register('live', () => broadcaster.check());
    // Before the server stops accepting: streams end first, so closing does not wait on them.
    app.addHook('preClose', async () => streams.closeAll());
    app.addHook('onClose', () => broadcaster.close());
  },
  { name: 'platform-live', dependencies: ['platform-health'] },
);
