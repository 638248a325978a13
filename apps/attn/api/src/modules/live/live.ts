// ATTN's side of the platform's live fan-out: one channel per attendance session. The modules
// that change check-ins call publish() after their change is committed (never inside the
// transaction: a rolled-back check-in must not appear on the teacher's screen).
import type { Live } from '@campus/platform/live/live-plugin.ts';
import type { LiveEvent } from './live.schemas.ts';

export type AttnLive = ReturnType<typeof createAttnLive>;

const channel = (sessionId: string) => `attendance-session:${sessionId}`;

export function createAttnLive(live: Pick<Live, 'publish' | 'subscribe'>) {
  return {
    /** Fire-and-forget: never throws, never waits (a Redis outage reaches this instance only). */
    publish<E extends { type: string }>(sessionId: string, event: E & LiveEvent): void {
      live.publish(channel(sessionId), event);
    },
    subscribe(sessionId: string, listener: (event: LiveEvent) => void, onGap?: () => void): () => void {
      return live.subscribe(channel(sessionId), (message) => listener(message as LiveEvent), { onGap });
    },
  };
}
