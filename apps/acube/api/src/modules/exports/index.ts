// Exports: what the app may use.
export { type ExportsModuleOptions, exportsModule } from './exports.module.ts';
export type { AuditExportState } from './exports.schemas.ts';
