// GET /api/teacher/sessions/:id/live: the teacher's screen watches check-ins arrive, as
// server-sent events (see live.schemas.ts for the events). Authenticated by the session cookie
// like every ATTN route (EventSource sends it; never a token in the URL). Access is checked
// before the stream starts, so a refusal is an ordinary JSON error. The client applies events
// as upserts by student id: an event may repeat what the snapshot already holds.

import type { Db } from '@campus/platform/db';
import { errorResponses } from '@campus/platform/http';
import type { EventStream } from '@campus/platform/live';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AttnLive, LiveEvent, LiveSnapshot } from '../../live-channel.ts';
import { currentUser } from '../auth/index.ts';
import { LiveParams } from './live.schemas.ts';
import { getLiveSnapshot } from './use-cases/get-live-snapshot.ts';

/** Streams end after this long and the browser reconnects, which checks access again. */
const MAX_STREAM_MS = 15 * 60_000;

export const liveRoutes: FastifyPluginAsyncTypebox<{ ctx: { db: () => Db; live: AttnLive } }> = async (
  app,
  { ctx },
) => {
  const { live } = ctx;

  app.get(
    '/teacher/sessions/:id/live',
    {
      config: { rateLimit: 'teacher', access: ['teacher'] },
      schema: {
        tags: ['live'],
        summary: 'Check-ins of one of your sessions as they happen (server-sent events)',
        description:
          'Events: `snapshot` first (and again after the server may have missed events), then ' +
          "`checkin`, `mark`, `unmark`, `verification`, `closed`; each event's data is JSON with " +
          'its `type`. Heartbeat comments every 15 s; the stream ends after 15 minutes and the ' +
          'browser reconnects.',
        params: LiveParams,
        response: {
          200: {
            description: 'An event stream',
            content: { 'text/event-stream': { schema: Type.String() } },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const teacherId = currentUser(request).userId;
      const sessionId = request.params.id;
      const load = () => getLiveSnapshot(ctx, { teacherId, sessionId });
      let stream: EventStream | undefined;
      // While a snapshot is loading, events wait here, so none falls between it and the stream.
      let pending: LiveEvent[] | null = [];
      const forward = (event: LiveEvent) => {
        if (pending) pending.push(event);
        else stream?.send(event.type, event);
      };
      const sendSnapshot = (snapshot: LiveSnapshot) => {
        stream?.send('snapshot', snapshot);
        for (const event of pending ?? []) stream?.send(event.type, event);
        pending = null;
      };
      const resync = async () => {
        if (!stream || stream.closed || pending) return;
        pending = [];
        try {
          sendSnapshot(await load());
        } catch (err) {
          request.log.warn(
            { err, sessionId },
            'live snapshot failed: stream ended for the client to reconnect',
          );
          stream.close();
        }
      };

      const unsubscribe = live.subscribe(sessionId, forward, () => void resync());
      let snapshot: LiveSnapshot;
      try {
        snapshot = await load();
      } catch (err) {
        unsubscribe();
        throw err;
      }
      stream = app.live.stream(request, reply, { maxDurationMs: MAX_STREAM_MS });
      stream.onClose(unsubscribe);
      request.log.info(
        { event: 'live.watching', sessionId, checkins: snapshot.checkins.length },
        'live stream of a session',
      );
      sendSnapshot(snapshot);
    },
  );
};
