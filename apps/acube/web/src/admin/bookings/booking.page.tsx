// /admin/bookings/:id: one booking with the person's message (shown on this page only; reading it
// is audited by the API), its appointment (set, move or cancel: the person is mailed each time,
// with a calendar file) in the organisation's time zone, and its status.
import { ApiError } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  AdminBooking,
  AppointmentBody,
  BookingListItem,
} from '../../../../api/src/modules/bookings/index.ts';
import { useSite } from '../../features/site/site.api.ts';
import { adminApi } from '../admin-api.ts';
import type { AdminPageProps } from '../admin-routes.tsx';
import { useZonedDateTime } from '../lib/use-zoned-time.ts';
import { BOOKING_STATUSES } from '../lists/rows.ts';
import { Details, Outcome, RecordPage, RecordText } from '../records/record-page.tsx';
import { StatusForm } from '../records/status-form.tsx';
import { AppointmentForm, appointmentSummary } from './appointment-form.tsx';

type Booking = Static<typeof AdminBooking>;
type Changed = BookingListItem;

export default function BookingPage(props: AdminPageProps) {
  const { t } = useI18n();
  const dateTime = useZonedDateTime();
  const id = props.params.id ?? '';
  const client = useQueryClient();
  const timeZone = useSite().data?.time_zone ?? 'UTC';
  const path = `/api/sessions/${encodeURIComponent(id)}`;
  const key = ['admin-booking', id];
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => adminApi<Booking>(path, { signal }),
  });
  // A change answers the booking without its message (only this page's reading is audited): keep
  // the message already shown.
  const updated = (b: Changed) => {
    client.setQueryData<Booking>(key, (old) => (old ? { ...old, ...b } : old));
    void client.invalidateQueries({ queryKey: ['admin-list'] });
  };
  const setAppointment = useMutation({
    mutationFn: (body: AppointmentBody) => adminApi<Changed>(`${path}/appointment`, { method: 'PUT', body }),
    onSuccess: updated,
  });
  const cancelAppointment = useMutation({
    mutationFn: () => adminApi<Changed>(`${path}/appointment`, { method: 'DELETE' }),
    onSuccess: updated,
  });
  const setStatus = useMutation({
    mutationFn: (status: string) =>
      adminApi<Changed>(`${path}/status`, { method: 'PATCH', body: { status } }),
    onSuccess: updated,
  });
  const errorText = (error: Error): string => {
    if (error instanceof ApiError && error.status === 409) return t('booking.conflict');
    if (error instanceof ApiError && error.status === 400) return error.message;
    if (error instanceof ApiError && error.status === 403) return t('errors.forbidden');
    return t('errors.unexpected');
  };

  return (
    <RecordPage
      query={query}
      back={{ href: '/admin/bookings', label: t('booking.back') }}
      title={t('booking.title')}
    >
      {(data) => {
        const a = data.appointment;
        return (
          <>
            <PageTitle
              title={t('booking.titleOf', { reference: data.reference })}
              appName={t('shell.appName')}
            />
            <Details
              rows={[
                [t('lists.col.name'), data.name],
                [t('lists.col.email'), data.email],
                [t('lists.col.phone'), data.phone],
                [t('lists.col.sessionType'), t(`lists.sessionType.${data.session_type}`)],
                [
                  t('lists.col.preferred'),
                  `${data.preferred_date}${data.preferred_time ? `, ${data.preferred_time}` : ''}`,
                ],
                [t('lists.col.status'), t(`lists.status.${data.status}`)],
                [t('lists.col.received'), dateTime(data.created_at)],
                [
                  t('booking.appointment'),
                  a ? appointmentSummary(a, timeZone, t) : t('booking.noAppointment'),
                ],
              ]}
            />
            <RecordText heading={t('lists.col.message')} text={data.message} />

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
            <Outcome
              mutation={setAppointment}
              success={t('booking.appointmentSaved')}
              errorText={errorText}
            />

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
            <Outcome mutation={cancelAppointment} success={t('booking.cancelled')} errorText={errorText} />

            <StatusForm
              key={data.status}
              current={data.status}
              statuses={BOOKING_STATUSES}
              title={t('booking.statusTitle')}
              save={t('booking.saveStatus')}
              pending={setStatus.isPending}
              onSubmit={(s) => setStatus.mutate(s)}
            />
            <Outcome mutation={setStatus} success={t('booking.statusSaved')} errorText={errorText} />
          </>
        );
      }}
    </RecordPage>
  );
}
