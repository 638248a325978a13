// The appointment of a booking, set or moved on its page: the date and start time as a clock on
// the wall in the organisation's time zone, the length, in person or online, with whom, and the
// room or the video link. The API turns it into an instant and mails the person a calendar file.
import { TextField } from '@campus/web/forms/fields.tsx';
import { RadioGroupField } from '@campus/web/forms/radios.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { type FormEvent, useId, useState } from 'react';
import type { Static } from 'typebox';
import type { AdminBooking, AppointmentBody } from '../../../../api/src/modules/bookings/index.ts';
import { instantIn, wallClockIn } from './appointment-time.ts';

type Booking = Static<typeof AdminBooking>;

const MODES = ['in_person', 'online'] as const;

/** The appointment in a line: day, start–end in the zone, how, with whom, where. */
export function appointmentSummary(
  a: NonNullable<Booking['appointment']>,
  timeZone: string,
  t: (key: string) => string,
): string {
  const start = wallClockIn(a.starts_at, timeZone);
  const end = wallClockIn(
    new Date(Date.parse(a.starts_at) + a.duration_minutes * 60_000).toISOString(),
    timeZone,
  );
  return `${start.day}, ${start.clock}–${end.clock} (${timeZone}), ${t(`booking.mode.${a.mode}`)}, ${a.with}${a.location ? `, ${a.location}` : ''}`;
}

export function AppointmentForm(props: {
  booking: Booking;
  timeZone: string;
  pending: boolean;
  onSubmit: (body: AppointmentBody) => void;
}) {
  const { t } = useI18n();
  const ids = useId();
  const a = props.booking.appointment;
  const start = a
    ? wallClockIn(a.starts_at, props.timeZone)
    : { day: props.booking.preferred_date, clock: props.booking.preferred_time ?? '' };
  const [day, setDay] = useState(start.day);
  const [clock, setClock] = useState(start.clock);
  const [duration, setDuration] = useState(String(a?.duration_minutes ?? 50));
  const [mode, setMode] = useState<(typeof MODES)[number]>(a?.mode ?? 'in_person');
  const [withWhom, setWithWhom] = useState(a?.with ?? '');
  const [location, setLocation] = useState(a?.location ?? '');
  const [problem, setProblem] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const startsAt = instantIn(day, clock, props.timeZone);
    if (!startsAt || !withWhom.trim()) {
      setProblem(t('booking.formProblem'));
      return;
    }
    setProblem('');
    if (!props.pending) {
      props.onSubmit({
        starts_at: startsAt,
        duration_minutes: Number(duration),
        mode,
        with: withWhom.trim(),
        ...(location.trim() ? { location: location.trim() } : {}),
      });
    }
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <h2>{a ? t('booking.moveTitle') : t('booking.setTitle')}</h2>
      <p className="muted">{t('booking.zone', { zone: props.timeZone })}</p>
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      <TextField
        id={`${ids}-day`}
        label={t('booking.day')}
        type="date"
        required
        value={day}
        onChange={(e) => setDay(e.currentTarget.value)}
      />
      <TextField
        id={`${ids}-clock`}
        label={t('booking.time')}
        type="time"
        required
        value={clock}
        onChange={(e) => setClock(e.currentTarget.value)}
      />
      <TextField
        id={`${ids}-duration`}
        label={t('booking.duration')}
        type="number"
        min={15}
        max={240}
        step={5}
        value={duration}
        onChange={(e) => setDuration(e.currentTarget.value)}
      />
      <RadioGroupField
        id={`${ids}-mode`}
        name={`${ids}-mode`}
        legend={t('booking.how')}
        choices={MODES.map((m) => ({ value: m, label: t(`booking.mode.${m}`) }))}
        defaultValue={mode}
        onChange={(m) => setMode(m as (typeof MODES)[number])}
      />
      <TextField
        id={`${ids}-with`}
        label={t('booking.with')}
        required
        value={withWhom}
        onChange={(e) => setWithWhom(e.currentTarget.value)}
      />
      <TextField
        id={`${ids}-location`}
        label={mode === 'online' ? t('booking.link') : t('booking.room')}
        value={location}
        onChange={(e) => setLocation(e.currentTarget.value)}
      />
      <button type="submit" className="button" aria-disabled={props.pending || undefined}>
        {a ? t('booking.move') : t('booking.confirm')}
      </button>
    </form>
  );
}
