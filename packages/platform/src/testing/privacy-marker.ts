// The privacy marker test's tools: every write operation of an app's OpenAPI document, a body for
// each with a unique marker in every free-text field (inside otherwise valid values: an e-mail
// as `<marker>@example.org`), a database that refuses writes (a trigger on every table that
// raises with the row in its message and detail) or has lost its tables (renamed), and the
// places the marker must never be found: log lines, the job tables (schema pgboss), files.
//
// The parts, in privacy-marker/: operations.ts (the write operations and calling them),
// sample-value.ts (bodies from schemas), database.ts (failing writes, lost tables, job tables),
// search.ts (files and logs).
import { randomBytes } from 'node:crypto';

export { failWrites, loseTables, markerInJobTables } from './privacy-marker/database.ts';
export {
  type CallOptions,
  callWriteOperations,
  type MarkerCall,
  type WriteOperation,
  writeOperations,
} from './privacy-marker/operations.ts';
export { sampleValue } from './privacy-marker/sample-value.ts';
export { markerInFiles, markerInLogs } from './privacy-marker/search.ts';

/** A fresh marker: lower-case letters and digits, so no encoding or lower-casing hides it. */
export function newMarker(): string {
  return `pmk${randomBytes(6).toString('hex')}`;
}
