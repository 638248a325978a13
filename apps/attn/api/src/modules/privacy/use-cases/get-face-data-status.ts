// What the admin's privacy screen shows of a student's face data: the live consent, how many
// photos are enrolled and selfies kept, whether they are on an active roster, and when the
// retention schedule would delete the data as things stand.

import type { PrivacyContext } from '../privacy.context.ts';
import type { FaceDataStatus } from '../privacy.schemas.ts';
import { retentionDueAt, utcDay } from './retention-rule.ts';

export async function getFaceDataStatus(ctx: PrivacyContext, studentId: string): Promise<FaceDataStatus> {
  const consents = await ctx.face.listConsents(studentId);
  const enrolments = await ctx.face.listEnrolments(studentId);
  const keptSelfies = await ctx.attendance.countKeptSelfies(studentId);
  const standing = (await ctx.courses.rosterStanding([studentId], utcDay(ctx.clock.now()))).get(studentId);
  const lastCheckins = await ctx.attendance.lastCheckins([studentId]);
  const live = consents.find((c) => c.withdrawnAt === null);
  const lastEnrolledAt = enrolments.at(-1)?.createdAt ?? null;
  const due =
    enrolments.length + keptSelfies > 0
      ? retentionDueAt(
          {
            onActiveRoster: standing?.onActiveRoster ?? false,
            lastTermEnd: standing?.lastTermEnd ?? null,
            lastCheckinAt: lastCheckins.get(studentId) ?? null,
            lastEnrolledAt,
          },
          ctx.retentionDays,
        )
      : null;
  return {
    consent: live ? { text_version: live.textVersion, consented_at: live.consentedAt.toISOString() } : null,
    enrolled_photos: enrolments.length,
    kept_selfies: keptSelfies,
    on_active_roster: standing?.onActiveRoster ?? false,
    retention_due_on: due ? utcDay(due) : null,
  };
}
