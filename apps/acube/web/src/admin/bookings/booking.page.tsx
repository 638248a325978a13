// /admin/bookings/:id: one booking with the person's message (shown on this page only; reading it
// is audited by the API), its appointment (set, move or cancel: the person is mailed each time,
// with a calendar file) in the organisation's time zone, and its status.
import { ApiError } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { Static } from 'typebox';
import { Link } from 'wouter';
import type { AdminBooking, AppointmentBody } from '../../../../api/src/modules/bookings/index.ts';
import { useSite } from '../../features/site/site.api.ts';
import { adminApi } from '../admin-api.ts';
import type { AdminPageProps } from '../admin-routes.tsx';
import { BOOKING_STATUSES } from '../lists/rows.ts';
import { instantIn, wallClockIn } from './appointment-time.ts';

type Booking = Static<typeof AdminBooking>;

function errorText(error: unknown, t: (key: string) => string): string {
  if (error instanceof ApiError && error.status === 409) return t('booking.conflict');
  if (error instanceof ApiError && error.status === 400) return error.message;
  if (error instanceof ApiError && error.status === 403) return t('errors.forbidden');
  return t('errors.unexpected');
}

export default function BookingPage(props: AdminPageProps) {
  const { t, dateTime } = useI18n();
  const id = props.params.id ?? '';
  const client = useQueryClient();
  const timeZone = useSite().data?.time_zone ?? 'UTC';
  const path = `/api/sessions/${encodeURIComponent(id)}`;
  const key = ['admin-booking', id];
  const { data, error } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => adminApi<Booking>(path, { signal }),
  });
  const updated = (b: Booking) => {
    client.setQueryData(key, b);
    void client.invalidateQueries({ queryKey: ['admin-list'] });
  };
  const setAppointment = useMutation({
    mutationFn: (body: AppointmentBody) => adminApi<Booking>(`${path}/appointment`, { method: 'PUT', body }),
    onSuccess: updated,
  });
  const cancelAppointment = useMutation({
    mutationFn: () => adminApi<Booking>(`${path}/appointment`, { method: 'DELETE' }),
    onSuccess: updated,
  });
  const setStatus = useMutation({
    mutationFn: (status: string) =>
      adminApi<Booking>(`${path}/status`, { method: 'PATCH', body: { status } }),
    onSuccess: updated,
  });

  const back = (
    <p>
      <Link href="/admin/bookings">{t('booking.back')}</Link>
    </p>
  );
  if (error) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <>
        <PageTitle title={t('booking.title')} appName={t('shell.appName')} />
        <p className="notice notice--error" role="alert">
          {missing ? t('errors.notFound') : t('errors.unexpected')}
        </p>
        {back}
      </>
    );
  }
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const a = data.appointment;
  const row = (label: string, value: string) => (
    <div className="details__row">
      <dt>{label}</dt>
      <dd>{value || '—'}</dd>
    </div>
  );
  const end = a ? new Date(Date.parse(a.starts_at) + a.duration_minutes * 60_000).toISOString() : '';
  return (
    <>
      {back}
      <PageTitle title={t('booking.titleOf', { reference: data.reference })} appName={t('shell.appName')} />
      <dl className="details">
        {row(t('lists.col.name'), data.name)}
        {row(t('lists.col.email'), data.email)}
        {row(t('lists.col.phone'), data.phone)}
        {row(t('lists.col.sessionType'), data.session_type)}
        {row(
          t('lists.col.preferred'),
          `${data.preferred_date}${data.preferred_time ? `, ${data.preferred_time}` : ''}`,
        )}
        {row(t('lists.col.status'), t(`lists.status.${data.status}`))}
        {row(t('lists.col.received'), dateTime(data.created_at))}
        {row(
          t('booking.appointment'),
          a
            ? `${wallClockIn(a.starts_at, timeZone).day}, ${wallClockIn(a.starts_at, timeZone).clock}–${wallClockIn(end, timeZone).clock} (${timeZone}), ${t(`booking.mode.${a.mode}`)}, ${a.with}${a.location ? `, ${a.location}` : ''}`
            : t('booking.noAppointment'),
        )}
      </dl>
      <h2>{t('lists.col.message')}</h2>
      <p style={{ whiteSpace: 'pre-wrap' }}>{data.message || '—'}</p>

      <AppointmentForm
        key={`${a?.starts_at ?? 'none'}-${data.updated_at}`}
        booking={data}
        timeZone={timeZone}
        pending={setAppointment.isPending}
        onSubmit={(body) => {
          cancelAppointment.reset();
          setAppointment.mutate(body);
        }}
      />
      <div aria-live="polite">
        {setAppointment.isSuccess && (
          <p className="notice notice--success">{t('booking.appointmentSaved')}</p>
        )}
        {setAppointment.isError && (
          <p className="notice notice--error">{errorText(setAppointment.error, t)}</p>
        )}
      </div>

      {a && (
        <section className="form" aria-labelledby="cancel-appointment">
          <h2 id="cancel-appointment">{t('booking.cancelTitle')}</h2>
          <p>{t('booking.cancelBody')}</p>
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={cancelAppointment.isPending || undefined}
            onClick={() => {
              setAppointment.reset();
              if (!cancelAppointment.isPending) cancelAppointment.mutate();
            }}
          >
            {t('booking.cancel')}
          </button>
        </section>
      )}
      <div aria-live="polite">
        {cancelAppointment.isSuccess && <p className="notice notice--success">{t('booking.cancelled')}</p>}
        {cancelAppointment.isError && (
          <p className="notice notice--error">{errorText(cancelAppointment.error, t)}</p>
        )}
      </div>

      <StatusForm
        key={data.status}
        booking={data}
        pending={setStatus.isPending}
        onSubmit={(s) => setStatus.mutate(s)}
      />
      <div aria-live="polite">
        {setStatus.isSuccess && <p className="notice notice--success">{t('booking.statusSaved')}</p>}
        {setStatus.isError && <p className="notice notice--error">{errorText(setStatus.error, t)}</p>}
      </div>
    </>
  );
}

function AppointmentForm(props: {
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
  const [mode, setMode] = useState<'in_person' | 'online'>(a?.mode ?? 'in_person');
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
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-day`}>
          {t('booking.day')}
        </label>
        <input
          id={`${ids}-day`}
          className="input"
          type="date"
          required
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-clock`}>
          {t('booking.time')}
        </label>
        <input
          id={`${ids}-clock`}
          className="input"
          type="time"
          required
          value={clock}
          onChange={(e) => setClock(e.currentTarget.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-duration`}>
          {t('booking.duration')}
        </label>
        <input
          id={`${ids}-duration`}
          className="input"
          type="number"
          min={15}
          max={240}
          step={5}
          value={duration}
          onChange={(e) => setDuration(e.currentTarget.value)}
        />
      </div>
      <fieldset className="field">
        <legend className="field__label">{t('booking.how')}</legend>
        {(['in_person', 'online'] as const).map((m) => (
          <label key={m} style={{ display: 'block' }}>
            <input
              type="radio"
              name={`${ids}-mode`}
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
            />{' '}
            {t(`booking.mode.${m}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-with`}>
          {t('booking.with')}
        </label>
        <input
          id={`${ids}-with`}
          className="input"
          required
          value={withWhom}
          onChange={(e) => setWithWhom(e.currentTarget.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-location`}>
          {mode === 'online' ? t('booking.link') : t('booking.room')}
        </label>
        <input
          id={`${ids}-location`}
          className="input"
          value={location}
          onChange={(e) => setLocation(e.currentTarget.value)}
        />
      </div>
      <button type="submit" className="button" aria-disabled={props.pending || undefined}>
        {a ? t('booking.move') : t('booking.confirm')}
      </button>
    </form>
  );
}

function StatusForm(props: { booking: Booking; pending: boolean; onSubmit: (status: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [status, setStatus] = useState(props.booking.status);
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (status !== props.booking.status && !props.pending) props.onSubmit(status);
      }}
    >
      <h2>{t('booking.statusTitle')}</h2>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('lists.col.status')}
        </label>
        <select id={id} className="input" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
          {BOOKING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`lists.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="button"
        aria-disabled={props.pending || status === props.booking.status || undefined}
      >
        {t('booking.saveStatus')}
      </button>
    </form>
  );
}
