// The setting of background bulk operations: BULK_CHUNK_PAUSE_MS, a pause between two chunks (of
// 100 records, each one transaction) that leaves the database to other work during a large
// operation in a busy hour (default 0: none). Parsed at boot with the platform's settings.
import { int } from '@campus/platform/config';

export interface BulkSettings {
  /** Milliseconds between two chunks of a background bulk operation. */
  readonly chunkPauseMs: number;
}

export const bulkSettings = {
  BULK_CHUNK_PAUSE_MS: int({ fallback: '0', min: 0, max: 60_000 }),
};

export function bulkSettingsFrom(extra: { readonly BULK_CHUNK_PAUSE_MS: number | undefined }): BulkSettings {
  return { chunkPauseMs: extra.BULK_CHUNK_PAUSE_MS ?? 0 };
}
