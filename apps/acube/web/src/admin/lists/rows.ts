// The items of the admin lists as the API's list routes answer them (their schemas in the
// bookings, events, volunteers and contact modules), and the statuses each record can have.
export interface BookingItem {
  id: string;
  reference: string;
  name: string;
  email: string;
  phone: string;
  session_type: string;
  preferred_date: string;
  preferred_time: string | null;
  has_message: boolean;
  status: string;
  created_at: string;
}

export interface EventItem {
  id: string;
  status: string;
  title: string;
  location: string;
  starts_at: string;
  capacity: number;
  confirmed: number;
  waiting: number;
  created_at: string;
}

export interface RegistrationItem {
  id: string;
  name: string;
  email: string;
  status: string;
  position: number | null;
  event_id: string;
  event_title: string;
  created_at: string;
}

export interface VolunteerItem {
  id: string;
  reference: string;
  status: string;
  name: string;
  email: string;
  phone: string;
  availability: string;
  message: string;
  created_at: string;
  updated_at: string;
}

export interface ContactItem {
  id: string;
  reference: string;
  status: string;
  name: string;
  email: string;
  subject: string;
  created_at: string;
}

export const BOOKING_STATUSES = ['pending', 'confirmed', 'completed', 'cancelled', 'no-show'] as const;
export const SESSION_TYPES = ['individual', 'couple', 'family', 'group'] as const;
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export const REGISTRATION_STATUSES = ['confirmed', 'waiting', 'cancelled'] as const;
export const VOLUNTEER_STATUSES = ['new', 'reviewing', 'accepted', 'rejected'] as const;
export const CONTACT_STATUSES = ['new', 'read', 'replied', 'archived'] as const;
