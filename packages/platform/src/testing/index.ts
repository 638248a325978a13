// @campus/platform/testing: helpers for tests: databases, apps, services.
export * from './access.ts';
export * from './fuzz/index.ts';
export * from './old-database.ts';
export * from './privacy-marker.ts';
export * from './redis-server.ts';
export * from './spawn-app.ts';
export * from './test-app.ts';
export * from './test-config.ts';
export * from './test-database.ts';
export * from './two-factor.ts';
export * from './upgrade-check.ts';
