// A therapy session requested by the public, through the shared submission flow: a date before
// today is refused naming the field; consent given under an older privacy notice is a 409
// (notice_outdated) so the page shows the current one; a repeat within ten minutes answers with
// the first request; otherwise it is stored with its consent (the notice version and when),
// audited with the version and the private link mailed, in one transaction.
import type { AuditEntry } from '@campus/platform/audit';
import { hashToken, newToken } from '@campus/platform/auth';
import { AppError } from '@campus/platform/errors';
import type { PublicFormMail } from '../../abuse/index.ts';
import { submitForm } from '../../submissions/index.ts';
import type { BookingsContext } from '../bookings.context.ts';
import { bookingReceived } from '../bookings.mail.ts';
import type { BookingRow } from '../bookings.repository.ts';
import type { BookBody } from '../bookings.schemas.ts';
import { consentProblem, preferredDateProblem } from './booking-rules.ts';

export const privateLink = (publicUrl: string, token: string) =>
  `${publicUrl}/booking?token=${encodeURIComponent(token)}`;

/** The booking and whether it is new (false: a repeat of a recent one). */
export async function requestBooking(
  ctx: BookingsContext & PublicFormMail,
  input: { body: BookBody; who: Pick<AuditEntry, 'ip' | 'requestId'> },
): Promise<{ booking: BookingRow; created: boolean }> {
  const r = input.body;
  const problem = preferredDateProblem(r.preferred_date, ctx.clock.now());
  if (problem) {
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [{ field: 'body.preferred_date', message: problem }],
    });
  }
  const consent = consentProblem(
    { given: r.health_consent, noticeVersion: r.privacy_notice_version },
    ctx.privacyNoticeVersion,
  );
  if (consent === 'consent_missing') {
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [{ field: 'body.health_consent', message: 'must be given' }],
    });
  }
  if (consent === 'version_missing') {
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [{ field: 'body.privacy_notice_version', message: 'must name the notice consented under' }],
    });
  }
  if (consent === 'notice_outdated') {
    throw new AppError('CONFLICT', 'The privacy notice has changed: please read it and consent again', {
      details: [
        {
          field: 'body.privacy_notice_version',
          message: `the current notice is ${ctx.privacyNoticeVersion}`,
          reason: 'notice_outdated',
          current: ctx.privacyNoticeVersion,
        },
      ],
    });
  }
  const token = newToken();
  const { row, created } = await submitForm(ctx, {
    entity: 'booking',
    referencePrefix: 'B',
    sameIf: [r.email, r.name, r.phone, r.session_type, r.preferred_date, r.preferred_time, r.message],
    values: {
      name: r.name.trim(),
      email: r.email.trim().toLowerCase(),
      phone: r.phone.trim(),
      sessionType: r.session_type,
      preferredDate: r.preferred_date,
      preferredTime: r.preferred_time ?? null,
      message: r.message,
      manageTokenHash: hashToken(token),
      consentNoticeVersion: r.health_consent ? (r.privacy_notice_version ?? null) : null,
      consentedAt: r.health_consent ? ctx.clock.now() : null,
    },
    auditChanges: { consent_notice_version: r.health_consent ? (r.privacy_notice_version ?? null) : null },
    store: ctx.repo,
    acknowledge: (row) => ({
      template: bookingReceived,
      to: row.email,
      values: {
        name: row.name,
        reference: row.reference,
        preferredDate: row.preferredDate,
        link: privateLink(ctx.publicUrl, token),
      },
    }),
    who: input.who,
  });
  return { booking: row, created };
}
