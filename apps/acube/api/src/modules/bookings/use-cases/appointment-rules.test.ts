import assert from 'node:assert/strict';
import { test } from 'node:test';
import ICAL from 'ical.js';
import type { BookingRow } from '../bookings.repository.ts';
import {
  appointmentCalendar,
  appointmentCancellation,
  appointmentChange,
  appointmentTimeText,
  appointmentView,
  calendarUid,
  mailbox,
} from './appointment-rules.ts';

const base = {
  uid: calendarUid('8d0f1f3e-0000-4000-8000-000000000001', 'https://acube.example'),
  startsAt: new Date('2026-12-01T11:00:00Z'),
  durationMinutes: 50,
  mode: 'online' as const,
  with: 'Dr Ayşe Yılmaz',
  location: 'https://video.acube.example/r/42',
  reference: 'B-7KQ2MX',
  organizer: { name: 'A-Cube', email: 'hello@acube.example' },
  attendee: { name: 'Ana', email: 'ana@example.org' },
};

test('an appointment is set on a pending or confirmed booking, rescheduled when it has one, refused when finished', () => {
  assert.equal(appointmentChange('pending', false), 'set');
  assert.equal(appointmentChange('confirmed', false), 'set');
  assert.equal(appointmentChange('confirmed', true), 'reschedule');
  for (const s of ['cancelled', 'completed', 'no-show'] as const)
    assert.equal(appointmentChange(s, false), 'refuse');
  assert.equal(appointmentCancellation('confirmed', true), 'cancel');
  assert.equal(appointmentCancellation('confirmed', false), 'refuse');
  assert.equal(appointmentCancellation('completed', true), 'refuse');
});

test('the time reads in the site zone, with the end and the zone named', () => {
  assert.equal(
    appointmentTimeText(base.startsAt, 50, 'Europe/Istanbul'),
    'Tuesday, 1 December 2026, 14:00–14:50 (Europe/Istanbul)',
  );
  assert.equal(appointmentTimeText(base.startsAt, 90, 'UTC'), 'Tuesday, 1 December 2026, 11:00–12:30 (UTC)');
});

test('the calendar file parses back to the same instant in UTC, with a stable UID and the sequence', () => {
  const ics = appointmentCalendar({ ...base, method: 'REQUEST', sequence: 3 });
  const cal = new ICAL.Component(ICAL.parse(ics));
  assert.equal(cal.getFirstPropertyValue('method'), 'REQUEST');
  const event = new ICAL.Event(cal.getFirstSubcomponent('vevent') ?? undefined);
  assert.equal(event.startDate.toJSDate().toISOString(), '2026-12-01T11:00:00.000Z');
  assert.equal(event.endDate.toJSDate().toISOString(), '2026-12-01T11:50:00.000Z');
  assert.equal(event.uid, 'booking-8d0f1f3e-0000-4000-8000-000000000001@acube.example');
  assert.equal(event.sequence, 3);
  assert.equal(event.location, base.location);
  assert.match(ics, /DTSTART:20261201T110000Z/);
});

test('a cancellation is METHOD:CANCEL and STATUS:CANCELLED for the same UID', () => {
  const ics = appointmentCalendar({ ...base, method: 'CANCEL', sequence: 4 });
  const cal = new ICAL.Component(ICAL.parse(ics));
  assert.equal(cal.getFirstPropertyValue('method'), 'CANCEL');
  const vevent = cal.getFirstSubcomponent('vevent');
  assert.equal(vevent?.getFirstPropertyValue('status'), 'CANCELLED');
  assert.equal(new ICAL.Event(vevent ?? undefined).uid, base.uid);
});

test('the view is null without an appointment and the stored values with one', () => {
  const row = {
    appointmentStartsAt: null,
    appointmentDurationMinutes: null,
    appointmentMode: null,
    appointmentWith: null,
    appointmentLocation: null,
  } as unknown as BookingRow;
  assert.equal(appointmentView(row), null);
  assert.deepEqual(
    appointmentView({
      ...row,
      appointmentStartsAt: base.startsAt,
      appointmentDurationMinutes: 50,
      appointmentMode: 'in_person',
      appointmentWith: 'Dr Ayşe',
      appointmentLocation: 'Room 2',
    }),
    {
      starts_at: '2026-12-01T11:00:00.000Z',
      duration_minutes: 50,
      mode: 'in_person',
      with: 'Dr Ayşe',
      location: 'Room 2',
    },
  );
});

test('the organizer comes from MAIL_FROM with or without a display name', () => {
  assert.deepEqual(mailbox('A-Cube <hello@acube.example>'), { name: 'A-Cube', email: 'hello@acube.example' });
  assert.deepEqual(mailbox('"A Cube" <a@b.c>'), { name: 'A Cube', email: 'a@b.c' });
  assert.deepEqual(mailbox('a@b.c'), { name: 'a@b.c', email: 'a@b.c' });
});
