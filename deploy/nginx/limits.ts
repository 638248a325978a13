// How much nginx lets through before the apps see a request: body sizes per route and requests
// per minute per client IP on /api, both never stricter than the apps' own limits.
import type { AppName, NginxSite } from './options.ts';

const MiB = 1024 * 1024;
/** Room for a multipart body's boundaries, part headers and small form fields around its files. */
export const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Body limits per route, matching each app's own (nginx answers 413 only above what the app
 * would take; the app then refuses a file over its own limit with its own 413):
 * - ATTN selfie check-in: one 8 MiB photo (apps/attn/api/src/app.ts, kinds.selfie) + form fields
 * - ATTN face enrolment: MAX_PHOTOS (3) × MAX_PHOTO_BYTES (8 MiB) (modules/face/face.schemas.ts)
 * - ATTN roster CSV: ROSTER_BODY_LIMIT, 10 MiB raw text (modules/courses/roster-import.schemas.ts)
 * - A-Cube upload: 10 MiB (apps/acube/api/src/app.ts, kinds.upload) + form fields
 * - everything else: the platform's bodyLimit, 1 MiB (packages/platform/src/http/create-server.ts)
 */
export const BODY_LIMITS: Record<AppName, Array<{ location: string; bytes: number; what: string }>> = {
  attn: [
    {
      location: '= /api/student/checkins/selfie',
      bytes: 8 * MiB + MULTIPART_OVERHEAD,
      what: 'selfie check-in',
    },
    {
      location: '= /api/student/face/enrolment',
      bytes: 3 * 8 * MiB + MULTIPART_OVERHEAD,
      what: 'face enrolment',
    },
    { location: '= /api/admin/import/roster', bytes: 10 * MiB, what: 'roster CSV' },
  ],
  acube: [{ location: '~ ^/api/admin/uploads/?$', bytes: 10 * MiB + MULTIPART_OVERHEAD, what: 'upload' }],
};
export const DEFAULT_BODY_LIMIT = 1 * MiB;

/**
 * Requests per minute one client IP may make to /api before nginx answers 429 itself: never
 * stricter than the apps, whose limits are per signed-in user, so a whole NAT address must fit.
 * ATTN: a lecture hall of 1,000 students behind one address, each within the `student`
 * (30/min) and `user` (60/min) policies, plus the per-IP `ticket` (600/min) and `auth`
 * (600/min) ones: 1,000 × 90 + 1,200. A-Cube: an office of 50 staff behind one address, each
 * within `admin` 60 + `refresh` 60 + `upload` 10 + `export` 5 + `auth` 5, plus the per-IP
 * `public` 10 and `challenge` 20. nginx lets the whole minute's budget through at once (burst)
 * and refills it over the minute, so over any minute it allows at least what the apps do.
 */
export const RATE_BUDGET: Record<AppName, number> = {
  attn: 1000 * (30 + 60) + 600 + 600,
  acube: 50 * (60 + 60 + 10 + 5 + 5) + 10 + 20,
};

export function limitOf(site: NginxSite): number {
  return site.limitPerMinute ?? RATE_BUDGET[site.app];
}
