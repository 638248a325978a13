// Bulk operations: what the app may use.
export { type BulkModuleOptions, bulkModule } from './bulk.module.ts';
