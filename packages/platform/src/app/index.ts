// @campus/platform/app: building, starting and serving an app, and its command line.
export * from './app-spec.ts';
export * from './build-app.ts';
export * from './cli.ts';
export * from './read-password.ts';
export * from './start-app.ts';
export * from './web-build.ts';
