// Scaled out: every instance publishes to Redis and listens on one dedicated subscriber
// connection per process, under the app's REDIS_PREFIX. Messages are delivered to this
// instance's listeners at once, before Redis sees them, so a Redis outage only cuts other
// instances off: it is logged once (and its end once), publishing stays fire-and-forget with
// the fail-fast client's short timeout, and on reconnect the channels are subscribed again and
// every listener is told it may have missed something (onGap).
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { connectRedis, createRedis } from '../redis/create-redis.ts';
import { type Broadcaster, type Listener, LocalChannels, type SubscribeOptions } from './broadcaster.ts';

export interface RedisBroadcasterOptions {
  url: string;
  /** The app's REDIS_PREFIX: channels are `<prefix>live:<channel>`. */
  prefix: string;
  logger: Logger;
}

/** A subscriber connection as createRedis makes one, but we resubscribe ourselves on 'ready'. */
function createSubscriber(url: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResubscribe: false,
    commandTimeout: 2000,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 5), 2000),
  });
  redis.on('error', () => {});
  return redis;
}

export class RedisBroadcaster implements Broadcaster {
  readonly #pub: Redis;
  readonly #sub: Redis;
  readonly #prefix: string;
  readonly #logger: Logger;
  readonly #local: LocalChannels;
  /** Tells this instance's own messages apart when Redis echoes them back. */
  readonly #origin = randomUUID();
  #down = false;
  #downSince = 0;
  /** The subscriber has not (yet, or again) subscribed everything since it (re)connected. */
  #subscriberLost = true;
  #closing = false;

  private constructor(opts: RedisBroadcasterOptions) {
    this.#prefix = `${opts.prefix}live:`;
    this.#logger = opts.logger;
    this.#local = new LocalChannels((err, channel) =>
      opts.logger.error({ err, channel }, 'live listener failed'),
    );
    this.#pub = createRedis(opts.url);
    this.#sub = createSubscriber(opts.url);
    this.#sub.on('message', (channel: string, payload: string) => this.#receive(channel, payload));
    this.#sub.on('ready', () => void this.#resubscribe());
    // Either client may be the last one back: whichever is, tells that Redis is back.
    this.#pub.on('ready', () => this.#recovered());
    this.#sub.on('close', () => {
      if (this.#closing) return;
      this.#subscriberLost = true;
      this.#fail(new Error('connection to Redis lost'));
    });
  }

  /** Connects both clients; an unreachable Redis is logged and retried, never thrown. */
  static async create(opts: RedisBroadcasterOptions): Promise<RedisBroadcaster> {
    const broadcaster = new RedisBroadcaster(opts);
    await Promise.all(
      [broadcaster.#pub, broadcaster.#sub].map((client) =>
        connectRedis(client).catch((err) => broadcaster.#fail(err)),
      ),
    );
    return broadcaster;
  }

  publish(channel: string, message: unknown): void {
    const json = JSON.stringify(message);
    this.#local.deliver(channel, json);
    if (this.#pub.status !== 'ready') {
      this.#fail(new Error(`Redis connection ${this.#pub.status}`));
      return;
    }
    this.#pub.publish(this.#prefix + channel, `${this.#origin}\n${json}`).then(
      () => this.#recovered(),
      (err) => this.#fail(err),
    );
  }

  subscribe(channel: string, listener: Listener, opts: SubscribeOptions = {}): () => void {
    const { first, remove } = this.#local.add(channel, { listener, onGap: opts.onGap });
    if (first && this.#sub.status === 'ready') {
      this.#sub.subscribe(this.#prefix + channel).catch((err) => {
        // A half-working connection: start over, and 'ready' subscribes every channel again.
        this.#fail(err);
        this.#subscriberLost = true;
        this.#sub.disconnect(true);
      });
    }
    return () => {
      if (remove() && this.#sub.status === 'ready')
        this.#sub.unsubscribe(this.#prefix + channel).catch(() => {});
    };
  }

  async check() {
    if (this.#sub.status === 'ready' && !this.#subscriberLost) {
      try {
        await this.#pub.ping();
        this.#recovered();
        return { status: 'up' as const };
      } catch (err) {
        this.#fail(err);
      }
    }
    return { status: 'degraded' as const, note: "no Redis: live events reach this instance's streams only" };
  }

  async close(): Promise<void> {
    this.#closing = true;
    this.#local.clear();
    this.#pub.disconnect();
    this.#sub.disconnect();
  }

  #receive(fullChannel: string, payload: string): void {
    if (!fullChannel.startsWith(this.#prefix)) return;
    const cut = payload.indexOf('\n');
    if (cut < 0 || payload.slice(0, cut) === this.#origin) return;
    const channel = fullChannel.slice(this.#prefix.length);
    try {
      this.#local.deliver(channel, payload.slice(cut + 1));
    } catch (err) {
      this.#logger.warn({ err, channel }, 'unreadable live message ignored');
    }
  }

  async #resubscribe(): Promise<void> {
    const channels = this.#local.channels().map((c) => this.#prefix + c);
    try {
      if (channels.length > 0) await this.#sub.subscribe(...channels);
    } catch (err) {
      this.#fail(err);
      this.#sub.disconnect(true);
      return;
    }
    if (this.#subscriberLost) {
      this.#subscriberLost = false;
      this.#local.gap();
    }
    this.#recovered();
  }

  #fail(err: unknown): void {
    if (this.#closing || this.#down) return;
    this.#down = true;
    this.#downSince = Date.now();
    this.#logger.error(
      { err: err instanceof Error ? { message: err.message, name: err.name } : err },
      "live fan-out lost Redis: streams get this instance's events only until it is back",
    );
  }

  #recovered(): void {
    if (!this.#down || this.#closing) return;
    if (this.#sub.status !== 'ready' || this.#subscriberLost || this.#pub.status !== 'ready') return;
    this.#down = false;
    this.#logger.info(
      { downForMs: Date.now() - this.#downSince },
      'live fan-out has Redis back: events are shared across instances again',
    );
    this.#downSince = 0;
  }
}
