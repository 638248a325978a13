// Bulk operations: what the app may use.
export { type BulkModuleOptions, bulkModule } from './bulk.module.ts';
export { type BulkSettings, bulkSettings, bulkSettingsFrom } from './bulk.settings.ts';
