// @campus/platform/audit: the append-only audit log and its admin routes.
export * from './audit-log.ts';
export * from './audit-routes.ts';
