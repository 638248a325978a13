// What other modules (and the web front end, types only) may use of the live module.

export type { AttnLive, LiveCheckin, LiveEvent, LiveSnapshot, LiveStudent } from '../../live-channel.ts';
export { liveModule } from './live.module.ts';
