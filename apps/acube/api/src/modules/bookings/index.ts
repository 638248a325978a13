// Bookings: what other modules and the app may use.

export type { Appointment, AppointmentBody } from './bookings.appointment.schemas.ts';
export { bookingsWaiting } from './bookings.counts.ts';
export { bookingsForBulk, bookingsForExport, bookingsModule } from './bookings.module.ts';
export { bookingsForPrivacy } from './bookings.privacy.ts';
export type { BookingRow } from './bookings.repository.ts';
export type { AdminBooking, BookAnswer, BookBody, BookingListItem, OwnBooking } from './bookings.schemas.ts';
