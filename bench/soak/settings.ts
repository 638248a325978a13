// bench:soak's settings (SOAK_* variables).
export const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
export const RPS = Number(process.env.SOAK_RPS ?? 20);
export const WARMUP_S = Number(process.env.SOAK_WARMUP_SECONDS ?? 60);
export const APPS = (process.env.SOAK_APPS ?? 'attn,acube').split(',').map((s) => s.trim());
/** Requests waiting at once before the next is skipped (the server fell behind). */
export const MAX_IN_FLIGHT = 32;
/** Rate limits raised out of the way: the soak measures memory, not the limiter. */
export const HIGH = '1000000/minute;10000000/hour';
