// What a check-in needs of its session, kept per process for a couple of seconds so that a
// lecture hall checking in does not read the session row each time. Staleness is safe: the
// code key and step never change, and a session closed meanwhile (here or on another instance)
// cannot take a row, because the insert itself requires it open (checkins.repository.ts).
import type { BlockList } from 'node:net';
import { networkList, type SessionRow, sessionCodeKey } from '../sessions/index.ts';

export interface CheckinSession {
  id: string;
  courseId: string;
  openedAtMs: number;
  endsAtMs: number;
  closed: boolean;
  stepSeconds: number;
  lateAfterMinutes: number | null;
  selfieRequired: boolean;
  networks: BlockList | null;
  key: Buffer;
}

export function createSessionCache(opts: {
  load(id: string): Promise<SessionRow | undefined>;
  appSecret: string;
  ttlMs?: number;
  maxEntries?: number;
}) {
  const ttl = opts.ttlMs ?? 2000;
  const max = opts.maxEntries ?? 2000;
  const entries = new Map<string, { at: number; value: Promise<CheckinSession | null> }>();

  const toCached = (row: SessionRow): CheckinSession => ({
    id: row.id,
    courseId: row.courseId,
    openedAtMs: row.openedAt.getTime(),
    endsAtMs: row.endsAt.getTime(),
    closed: row.closedAt !== null,
    stepSeconds: row.codeStepSeconds,
    lateAfterMinutes: row.lateAfterMinutes,
    selfieRequired: row.selfieRequired,
    networks: networkList(row.allowedNetworks),
    key: sessionCodeKey(opts.appSecret, row.id),
  });

  return {
    /** The session, from the cache when it was read less than the TTL ago (real time, not the app clock). */
    get(id: string): Promise<CheckinSession | null> {
      const now = performance.now();
      const hit = entries.get(id);
      if (hit && now - hit.at < ttl) return hit.value;
      if (entries.size >= max) entries.clear();
      const value = opts.load(id).then((row) => (row ? toCached(row) : null));
      entries.set(id, { at: now, value });
      // A failed read is not remembered.
      value.catch(() => entries.delete(id));
      return value;
    },
    forget(id: string) {
      entries.delete(id);
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
