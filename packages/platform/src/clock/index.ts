// @campus/platform/clock: the one source of time.
export * from './clock.ts';
