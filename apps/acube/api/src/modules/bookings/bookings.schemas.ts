import { type Static, Type } from 'typebox';
import { bookingStatuses, sessionTypes } from '../../db/schema/bookings.ts';
import { listFilter, listPage, listQuery } from '../listing/index.ts';
import { AppointmentOrNone } from './bookings.appointment.schemas.ts';
import { BOOKING_SORTABLE } from './bookings.repository.ts';

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

/**
 * The seed's body, snake_case, as its curl example sends it, with the consent that processing
 * health information needs (GDPR Art. 9, KVKK): given explicitly, under the notice shown now.
 */
export const BookBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  phone: Type.String({ maxLength: 40, default: '' }),
  session_type: literals(sessionTypes),
  preferred_date: Type.String({ format: 'date', description: 'today or later' }),
  preferred_time: Type.Optional(
    Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM' }),
  ),
  message: Type.String({ maxLength: 5000, default: '' }),
  health_consent: Type.Optional(
    Type.Literal(true, {
      description:
        'consent to processing health information; a box the person ticks, never pre-ticked. The web ' +
        "form always sends it with privacy_notice_version; a request with neither (the seed's API " +
        'example) is taken with no consent recorded',
    }),
  ),
  privacy_notice_version: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'the privacy notice the person saw (GET /api/site); another than the current is a 409',
    }),
  ),
});
export type BookBody = Static<typeof BookBody>;

export const BookResponse = Type.Object({
  reference: Type.String(),
  status: Type.String(),
  message: Type.String(),
  repeat: Type.Boolean({
    description: 'true: the same request came within ten minutes; this is the first one',
  }),
});

export type BookAnswer = Static<typeof BookResponse>;

export const ManageQuery = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });
export const ManageBody = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) });

/** What the person sees of their own request through the private link. */
export const OwnBooking = Type.Object({
  reference: Type.String(),
  name: Type.String(),
  session_type: Type.String(),
  preferred_date: Type.String(),
  preferred_time: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  created_at: Type.String(),
  appointment: AppointmentOrNone,
});
export type OwnBooking = Static<typeof OwnBooking>;

export const AdminBooking = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    reference: Type.String(),
    name: Type.String(),
    email: Type.String(),
    phone: Type.String(),
    session_type: Type.String(),
    preferred_date: Type.String(),
    preferred_time: Type.Union([Type.String(), Type.Null()]),
    message: Type.String(),
    status: Type.String(),
    created_at: Type.String(),
    updated_at: Type.String(),
    appointment: AppointmentOrNone,
  },
  { $id: 'AdminBooking' },
);

const bookingFilterFields = { session_type: Type.Optional(literals(sessionTypes)) };

/** The admin list's filter (also a bulk operation's and an export's). */
export const BookingFilter = listFilter(bookingStatuses, bookingFilterFields);
export type BookingFilter = Static<typeof BookingFilter>;

export const ListBookingsQuery = listQuery({
  statuses: bookingStatuses,
  sortable: BOOKING_SORTABLE,
  defaultSort: '-created_at',
  extra: bookingFilterFields,
});

/** A booking in the admin list: no message, only whether there is one (reading it is audited). */
export const BookingListItem = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.String(),
  name: Type.String(),
  email: Type.String(),
  phone: Type.String(),
  session_type: Type.String(),
  preferred_date: Type.String(),
  preferred_time: Type.Union([Type.String(), Type.Null()]),
  has_message: Type.Boolean(),
  status: Type.String(),
  created_at: Type.String(),
  updated_at: Type.String(),
  appointment: AppointmentOrNone,
});
export type BookingListItem = Static<typeof BookingListItem>;

export const BookingParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const StatusBody = Type.Object({ status: literals(bookingStatuses) });

export const BookingPage = listPage(BookingListItem);
