// The one source of time. Code reads `clock.now()`; tests pass a settable clock.
export interface Clock {
  now(): Date;
  nowMs(): number;
}

export const systemClock: Clock = {
  now: () => new Date(),
  nowMs: () => Date.now(),
};

export interface TestClock extends Clock {
  set(at: Date | number | string): void;
  advance(ms: number): void;
}

export function createTestClock(start: Date | number | string = '2026-01-01T00:00:00Z'): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    nowMs: () => current,
    set(at) {
      current = new Date(at).getTime();
    },
    advance(ms) {
      current += ms;
    },
  };
}

/**
 * A test clock that runs with real time from `start` (default: now), for tests where time must
 * pass by itself (a browser watching codes rotate) and still be moved on at will.
 */
export function createRunningTestClock(start: Date | number | string = Date.now()): TestClock {
  let offset = new Date(start).getTime() - Date.now();
  const nowMs = () => Date.now() + offset;
  return {
    now: () => new Date(nowMs()),
    nowMs,
    set(at) {
      offset = new Date(at).getTime() - Date.now();
    },
    advance(ms) {
      offset += ms;
    },
  };
}
