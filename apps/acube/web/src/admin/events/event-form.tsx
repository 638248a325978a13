// An event's fields, to create a draft or edit an event: title, description, place, the start and
// the optional end as dates and clock times in the organisation's time zone, and the places.
// The form checks what it can at once (a title, a whole start, both halves of an end, a number of
// places); the API decides the rest, such as an end before the start, and its refusals land
// beside the field they name, in the form's words.
import { ApiError } from '@campus/web/api/client.ts';
import { ErrorSummary, type FieldError, TextAreaField, TextField } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { type FormEvent, useState } from 'react';
import { apiFieldErrors, errorFor } from '../../features/shell/form-errors.ts';
import { instantIn, wallClockIn } from '../bookings/appointment-time.ts';
import type { AdminEvent, EventFieldsBody } from './events.api.ts';

const ID = {
  title: 'event-title',
  description: 'event-description',
  location: 'event-location',
  startDate: 'event-start-date',
  startTime: 'event-start-time',
  endDate: 'event-end-date',
  endTime: 'event-end-time',
  capacity: 'event-capacity',
} as const;

interface Values {
  title: string;
  description: string;
  location: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  capacity: string;
}

function initialValues(event: AdminEvent | undefined, timeZone: string): Values {
  const start = event ? wallClockIn(event.starts_at, timeZone) : { day: '', clock: '' };
  const end = event?.ends_at ? wallClockIn(event.ends_at, timeZone) : { day: '', clock: '' };
  return {
    title: event?.title ?? '',
    description: event?.description ?? '',
    location: event?.location ?? '',
    startDate: start.day,
    startTime: start.clock,
    endDate: end.day,
    endTime: end.clock,
    capacity: event ? String(event.capacity) : '',
  };
}

/** The fields of `body` that differ from `event` (an edit sends only those). */
export function changedFields(event: AdminEvent, body: EventFieldsBody): Partial<EventFieldsBody> {
  const same = (a: string | null, b: string | null) =>
    a === b || (a !== null && b !== null && Date.parse(a) === Date.parse(b));
  const changed: Partial<EventFieldsBody> = {};
  if (body.title !== event.title) changed.title = body.title;
  if (body.description !== event.description) changed.description = body.description;
  if (body.location !== event.location) changed.location = body.location;
  if (!same(body.starts_at, event.starts_at)) changed.starts_at = body.starts_at;
  if (!same(body.ends_at, event.ends_at)) changed.ends_at = body.ends_at;
  if (body.capacity !== event.capacity) changed.capacity = body.capacity;
  return changed;
}

export function EventForm(props: {
  /** The event to edit; none: a new draft. */
  event?: AdminEvent;
  timeZone: string;
  pending: boolean;
  /** The API's refusal of the last submit, shown beside its fields. */
  refusal: Error | null;
  onSubmit(body: EventFieldsBody): void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState(() => initialValues(props.event, props.timeZone));
  const [problems, setProblems] = useState<FieldError[]>([]);
  const set = (name: keyof Values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [name]: value }));
  };

  const refused: FieldError[] = !props.refusal
    ? []
    : props.refusal instanceof ApiError && props.refusal.status === 409
      ? [{ fieldId: '', message: t('event.errors.conflict') }]
      : apiFieldErrors(
          props.refusal,
          {
            title: { id: ID.title, message: t('event.errors.titleMissing') },
            description: { id: ID.description, message: t('event.errors.tooLong') },
            location: { id: ID.location, message: t('event.errors.tooLong') },
            starts_at: { id: ID.startDate, message: t('event.errors.startMissing') },
            ends_at: { id: ID.endDate, message: t('event.errors.endBeforeStart') },
            capacity: { id: ID.capacity, message: t('event.errors.capacity') },
          },
          t,
        );
  const errors = problems.length > 0 ? problems : refused;
  const error = (id: string) => errorFor(errors, id);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: FieldError[] = [];
    const title = values.title.trim();
    if (!title) found.push({ fieldId: ID.title, message: t('event.errors.titleMissing') });
    const startsAt = instantIn(values.startDate, values.startTime, props.timeZone);
    if (!startsAt) found.push({ fieldId: ID.startDate, message: t('event.errors.startMissing') });
    const endGiven = values.endDate !== '' || values.endTime !== '';
    const endsAt = endGiven ? instantIn(values.endDate, values.endTime, props.timeZone) : null;
    if (endGiven && !endsAt) found.push({ fieldId: ID.endDate, message: t('event.errors.endIncomplete') });
    const capacity = /^\d+$/.test(values.capacity.trim()) ? Number(values.capacity.trim()) : Number.NaN;
    if (!(capacity >= 1 && capacity <= 100_000))
      found.push({ fieldId: ID.capacity, message: t('event.errors.capacity') });
    setProblems(found);
    if (found.length > 0 || !startsAt || props.pending) return;
    props.onSubmit({
      title,
      description: values.description.trim(),
      location: values.location.trim(),
      starts_at: startsAt,
      ends_at: endsAt,
      capacity,
    });
  };

  return (
    <form className="form event-form" onSubmit={submit} noValidate aria-busy={props.pending}>
      <ErrorSummary title={t('forms.errorSummary')} errors={errors} />
      <TextField
        id={ID.title}
        label={t('event.titleLabel')}
        hint={t('event.titleHint')}
        maxLength={200}
        autoComplete="off"
        required
        value={values.title}
        onChange={set('title')}
        error={error(ID.title)}
      />
      <TextAreaField
        id={ID.description}
        label={t('event.description')}
        hint={t('event.descriptionHint')}
        maxLength={5000}
        rows={6}
        value={values.description}
        onChange={set('description')}
        error={error(ID.description)}
      />
      <TextField
        id={ID.location}
        label={t('event.location')}
        hint={t('event.locationHint')}
        maxLength={300}
        autoComplete="off"
        value={values.location}
        onChange={set('location')}
        error={error(ID.location)}
      />
      <p className="muted">{t('event.zone', { zone: props.timeZone })}</p>
      <TextField
        id={ID.startDate}
        inputClassName="input input--short"
        label={t('event.startDate')}
        type="date"
        required
        value={values.startDate}
        onChange={set('startDate')}
        error={error(ID.startDate)}
      />
      <TextField
        id={ID.startTime}
        inputClassName="input input--short"
        label={t('event.startTime')}
        type="time"
        required
        value={values.startTime}
        onChange={set('startTime')}
      />
      <TextField
        id={ID.endDate}
        inputClassName="input input--short"
        label={t('event.endDate')}
        hint={t('event.endHint')}
        type="date"
        value={values.endDate}
        onChange={set('endDate')}
        error={error(ID.endDate)}
      />
      <TextField
        id={ID.endTime}
        inputClassName="input input--short"
        label={t('event.endTime')}
        type="time"
        value={values.endTime}
        onChange={set('endTime')}
      />
      <TextField
        id={ID.capacity}
        label={t('event.capacity')}
        hint={t('event.capacityHint')}
        type="number"
        inputMode="numeric"
        min={1}
        max={100_000}
        step={1}
        required
        inputClassName="input input--short"
        value={values.capacity}
        onChange={set('capacity')}
        error={error(ID.capacity)}
      />
      <button type="submit" className="button" aria-disabled={props.pending || undefined}>
        {props.event
          ? props.pending
            ? t('event.saving')
            : t('event.save')
          : props.pending
            ? t('event.creating')
            : t('event.create')}
      </button>
    </form>
  );
}
