// The embedded default: one process, so fan-out is a map of listeners in memory.
import type { Logger } from 'pino';
import { type Broadcaster, type Listener, LocalChannels, type SubscribeOptions } from './broadcaster.ts';

export class LocalBroadcaster implements Broadcaster {
  readonly #local: LocalChannels;

  constructor(opts: { logger: Logger }) {
    this.#local = new LocalChannels((err, channel) =>
      opts.logger.error({ err, channel }, 'live listener failed'),
    );
  }

  publish(channel: string, message: unknown): void {
    // Serialised once, so listeners get exactly what a Redis subscriber would.
    this.#local.deliver(channel, JSON.stringify(message));
  }

  subscribe(channel: string, listener: Listener, opts: SubscribeOptions = {}): () => void {
    const { remove } = this.#local.add(channel, { listener, onGap: opts.onGap });
    return () => void remove();
  }

  async check() {
    return { status: 'up' as const, note: 'live events within this process (no REDIS_URL)' };
  }

  async close(): Promise<void> {
    this.#local.clear();
  }
}
