// A person's data on request: what the app may use.
export { type PrivacyModuleOptions, privacyModule } from './privacy.module.ts';
export type {
  CountsResponse,
  EraseBody,
  EraseResponse,
  PersonExport,
  PrivacyCounts,
} from './privacy.schemas.ts';
export { RETENTION_QUEUE } from './privacy.schemas.ts';
export { type PrivacySettings, privacySettings, privacySettingsFrom } from './privacy.settings.ts';
