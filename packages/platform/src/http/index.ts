// @campus/platform/http: shared HTTP schemas and the web UI server.
export * from './schemas.ts';
export * from './web-app.ts';
