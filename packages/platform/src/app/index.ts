// @campus/platform/app: building, starting and serving an app, and its command line.
// First, before the modules below load: a small young generation while the app starts.
import './young-generation.ts';

export * from './app-spec.ts';
export * from './build-app.ts';
export * from './cli.ts';
export * from './read-password.ts';
export * from './start-app.ts';
export * from './web-build.ts';
