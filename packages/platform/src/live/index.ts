// @campus/platform/live: server-sent event streams across instances.
export * from './event-stream.ts';
export * from './event-stream-client.ts';
export * from './live-plugin.ts';
