// The items of the admin lists as the API's list routes answer them (the types come from the
// modules' index.ts), and the statuses each record can have.
import type { Static } from 'typebox';
import type { AdminContactMessage } from '../../../../api/src/modules/contact/index.ts';
import type { AdminVolunteer } from '../../../../api/src/modules/volunteers/index.ts';

export type { BookingListItem as BookingItem } from '../../../../api/src/modules/bookings/index.ts';
export type {
  AdminEventListItem as EventItem,
  AdminRegistrationListItem as RegistrationItem,
} from '../../../../api/src/modules/events/index.ts';

/** A volunteer application as staff see it, in the list and on its own page. */
export type VolunteerItem = Static<typeof AdminVolunteer>;
/** A contact message as staff see it. */
export type ContactItem = Static<typeof AdminContactMessage>;

export const BOOKING_STATUSES = ['pending', 'confirmed', 'completed', 'cancelled', 'no-show'] as const;
export const SESSION_TYPES = ['individual', 'couple', 'family', 'group'] as const;
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export const REGISTRATION_STATUSES = ['confirmed', 'waiting', 'cancelled'] as const;
export const VOLUNTEER_STATUSES = ['new', 'reviewing', 'accepted', 'rejected'] as const;
export const CONTACT_STATUSES = ['new', 'read', 'replied', 'archived'] as const;
