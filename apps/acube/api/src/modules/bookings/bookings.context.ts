// What the booking use cases need, built once by the module; the route adds the request's logger.
import type { SubmitFormContext } from '../submissions/index.ts';
import type { AppointmentsRepository } from './bookings.appointment.repository.ts';
import type { BookingsRepository } from './bookings.repository.ts';

export interface BookingsContext extends SubmitFormContext {
  repo: BookingsRepository;
  /** Where the private link points: `<publicUrl>/booking?token=…`. */
  publicUrl: string;
  /** The privacy notice shown now (PRIVACY_NOTICE_VERSION): a request consents under this one. */
  privacyNoticeVersion: string;
  /** The organisation's zone (TIME_ZONE): the days of the admin list's date filter are its days. */
  timeZone: string;
  /** The appointment's queries (bookings.appointment.repository.ts). */
  appointments: AppointmentsRepository;
  /** MAIL_FROM: the organizer of the calendar invitations. */
  mailFrom: string;
}
