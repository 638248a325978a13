// The appointment e-mails: confirmed, moved, cancelled. Each carries the calendar file (.ics) built
// at delivery from the same values, its time in UTC, while the text reads in the site's time zone.
// Like the other booking mails: no session type and no free text from the request.
import { defineTemplate, html, layout, type MailAttachment } from '@campus/platform/mail';
import { appointmentCalendar, appointmentTimeText, mailbox } from './use-cases/appointment-rules.ts';

export interface AppointmentMailValues {
  kind: 'confirmed' | 'rescheduled' | 'cancelled';
  name: string;
  email: string;
  reference: string;
  /** ISO 8601 instant. */
  startsAt: string;
  durationMinutes: number;
  mode: 'in_person' | 'online';
  with: string;
  location: string | null;
  timeZone: string;
  uid: string;
  sequence: number;
  /** MAIL_FROM: the calendar's organizer. */
  organizer: string;
}

const when = (v: AppointmentMailValues) =>
  appointmentTimeText(new Date(v.startsAt), v.durationMinutes, v.timeZone);
const how = (v: AppointmentMailValues) =>
  v.mode === 'online' ? `online with ${v.with}` : `in person with ${v.with}`;
const where = (v: AppointmentMailValues) =>
  v.location ? (v.mode === 'online' ? `Link: ${v.location}` : `Place: ${v.location}`) : '';

function calendarFile(v: AppointmentMailValues): MailAttachment[] {
  const method = v.kind === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const content = appointmentCalendar({
    method,
    uid: v.uid,
    sequence: v.sequence,
    startsAt: new Date(v.startsAt),
    durationMinutes: v.durationMinutes,
    mode: v.mode,
    with: v.with,
    location: v.location,
    reference: v.reference,
    organizer: mailbox(v.organizer),
    attendee: { name: v.name, email: v.email },
  });
  return [
    {
      filename: method === 'CANCEL' ? 'cancelled.ics' : 'appointment.ics',
      content,
      contentType: `text/calendar; charset=utf-8; method=${method}`,
    },
  ];
}

const headline = (v: AppointmentMailValues) =>
  v.kind === 'confirmed'
    ? `your request ${v.reference} is confirmed. Your appointment:`
    : `your appointment for ${v.reference} has moved. The new time:`;

export const appointmentSet = defineTemplate<AppointmentMailValues>({
  name: 'booking-appointment',
  subject: (v) =>
    v.kind === 'confirmed'
      ? `Your appointment (${v.reference}) is confirmed`
      : `Your appointment (${v.reference}) has moved`,
  text: (v) =>
    [
      `Hello ${v.name},`,
      '',
      headline(v),
      '',
      when(v),
      how(v),
      where(v),
      '',
      'The attached calendar file adds it to your calendar. Use the private link in your first e-mail to view or cancel it.',
    ]
      .filter((line, i, all) => line !== '' || all[i - 1] !== '')
      .join('\n'),
  html: (v) =>
    layout({
      title: v.kind === 'confirmed' ? 'Appointment confirmed' : 'Appointment moved',
      body: html`<p>Hello ${v.name},</p><p>${headline(v)}</p><p><strong>${when(v)}</strong><br>${how(v)}${v.location ? html`<br>${where(v)}` : ''}</p><p>The attached calendar file adds it to your calendar. Use the private link in your first e-mail to view or cancel it.</p>`,
    }),
  attachments: calendarFile,
});

export const appointmentCancelled = defineTemplate<AppointmentMailValues>({
  name: 'booking-appointment-cancelled',
  subject: (v) => `Your appointment (${v.reference}) is cancelled`,
  text: (v) =>
    [
      `Hello ${v.name},`,
      '',
      `your appointment for ${v.reference} on ${when(v)} is cancelled.`,
      'The attached calendar file removes it from your calendar. You can book again at any time.',
    ].join('\n'),
  html: (v) =>
    layout({
      title: 'Appointment cancelled',
      body: html`<p>Hello ${v.name},</p><p>your appointment for <strong>${v.reference}</strong> on ${when(v)} is cancelled.</p><p>The attached calendar file removes it from your calendar. You can book again at any time.</p>`,
    }),
  attachments: calendarFile,
});
