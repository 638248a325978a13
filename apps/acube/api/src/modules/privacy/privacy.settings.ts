// RETENTION_DAYS: how long a closed record (a cancelled, completed or no-show booking, a
// registration of an event that is over or cancelled, a rejected volunteer application, an
// answered or archived contact message) is kept before the retention schedule erases it; 0 keeps
// them. Parsed and checked at boot with the platform's settings.
import { int } from '@campus/platform/config';

export interface PrivacySettings {
  /** Days a closed record is kept after its last change (RETENTION_DAYS, default 730); 0: never erased. */
  readonly retentionDays: number;
}

export const privacySettings = {
  RETENTION_DAYS: int({ fallback: '730', min: 0, max: 36_500 }),
};

export function privacySettingsFrom(extra: { readonly RETENTION_DAYS: number | undefined }): PrivacySettings {
  return { retentionDays: extra.RETENTION_DAYS ?? 730 };
}
