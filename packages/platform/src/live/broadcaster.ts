// Fan-out of small JSON messages to whoever listens on a channel, in this process or, when the
// app is scaled out, in every instance. Publishing never waits and never throws: a live view is
// a convenience on top of data that is already committed, so losing an event to an outage is
// acceptable where failing or slowing the write that caused it is not.

/** Receives each message published on the channel (a JSON copy: the same in every shape). */
export type Listener = (message: unknown) => void;

export interface SubscribeOptions {
  /**
   * Called when messages from other instances may have been missed (the shared channel was
   * down and is back): a listener that shows a state should reload it.
   */
  onGap?: () => void;
}

export interface Broadcaster {
  /** Delivers to this instance's listeners at once and to other instances best-effort. */
  publish(channel: string, message: unknown): void;
  /** Returns the function that unsubscribes (idempotent). */
  subscribe(channel: string, listener: Listener, opts?: SubscribeOptions): () => void;
  /** For /health/ready. */
  check(): Promise<{ status: 'up' | 'degraded'; note?: string }>;
  close(): Promise<void>;
}

export interface Subscription {
  listener: Listener;
  onGap: (() => void) | undefined;
}

/** The listeners of this process by channel; both implementations deliver locally through it. */
export class LocalChannels {
  readonly #channels = new Map<string, Set<Subscription>>();
  readonly #onError: (err: unknown, channel: string) => void;

  constructor(onError: (err: unknown, channel: string) => void) {
    this.#onError = onError;
  }

  /** Adds a listener; `first` says whether the channel had none before. */
  add(channel: string, sub: Subscription): { first: boolean; remove: () => boolean } {
    let subs = this.#channels.get(channel);
    const first = !subs;
    if (!subs) {
      subs = new Set();
      this.#channels.set(channel, subs);
    }
    subs.add(sub);
    let removed = false;
    return {
      first,
      /** Returns true when that was the channel's last listener. */
      remove: () => {
        if (removed) return false;
        removed = true;
        const current = this.#channels.get(channel);
        if (!current?.delete(sub) || current.size > 0) return false;
        this.#channels.delete(channel);
        return true;
      },
    };
  }

  /** Delivers a message already in JSON form; one listener's error never stops the others. */
  deliver(channel: string, json: string): void {
    const subs = this.#channels.get(channel);
    if (!subs || subs.size === 0) return;
    const message: unknown = JSON.parse(json);
    for (const sub of [...subs]) {
      try {
        sub.listener(message);
      } catch (err) {
        this.#onError(err, channel);
      }
    }
  }

  gap(): void {
    for (const [channel, subs] of this.#channels) {
      for (const sub of [...subs]) {
        try {
          sub.onGap?.();
        } catch (err) {
          this.#onError(err, channel);
        }
      }
    }
  }

  channels(): string[] {
    return [...this.#channels.keys()];
  }

  has(channel: string): boolean {
    return this.#channels.has(channel);
  }

  clear(): void {
    this.#channels.clear();
  }
}
