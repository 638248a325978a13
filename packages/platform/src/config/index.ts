// @campus/platform/config: settings from the environment.
export * from './derive-key.ts';
export * from './load-config.ts';
export * from './settings.ts';
export * from './types.ts';
