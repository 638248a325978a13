// The booking form: what kind of session, when (in the organisation's time zone), who to reply
// to, and the consent to process health information, never ticked in advance, naming the
// version of the privacy notice the person is shown. Nothing typed is kept anywhere but here.
import { ErrorSummary, type FieldError, TextAreaField, TextField } from '@campus/web/forms/fields.tsx';
import { RadioGroupField } from '@campus/web/forms/radios.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { type FormEvent, useState } from 'react';
import { BotCheckLine, useBotCheck } from '../../shell/bot-check.tsx';
import { apiFieldErrors, errorFor, looksLikeEmail } from '../../shell/form-errors.ts';
import type { Site } from '../../site/site.api.ts';
import { useOrgTime } from '../../site/time.ts';
import { type BookingAnswer, useBookSession } from '../bookings.api.ts';

const ID = {
  sessionType: 'booking-session-type',
  date: 'booking-date',
  time: 'booking-time',
  name: 'booking-name',
  email: 'booking-email',
  phone: 'booking-phone',
  message: 'booking-message',
  consent: 'booking-consent',
};

export function BookingForm(props: { site: Site; onBooked(answer: BookingAnswer): void }) {
  const { t, has } = useI18n();
  const time = useOrgTime();
  const check = useBotCheck();
  const book = useBookSession(check);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const today = time.today();

  const fields = {
    name: { id: ID.name, message: t('booking.errors.name') },
    email: { id: ID.email, message: t('booking.errors.email') },
    phone: { id: ID.phone, message: t('booking.errors.phone') },
    session_type: { id: ID.sessionType, message: t('booking.errors.sessionType') },
    preferred_date: { id: ID.date, message: t('booking.errors.date') },
    preferred_time: { id: ID.time, message: t('booking.errors.time') },
    message: { id: ID.message, message: t('booking.errors.message') },
    health_consent: { id: ID.consent, message: t('booking.errors.consent') },
    privacy_notice_version: { id: ID.consent, message: t('booking.errors.consentVersion') },
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const body = {
      session_type: value('session_type'),
      preferred_date: value('preferred_date'),
      preferred_time: value('preferred_time'),
      name: value('name'),
      email: value('email'),
      phone: value('phone'),
      message: value('message'),
    };
    const found: FieldError[] = [];
    const refuse = (field: { id: string; message: string }) =>
      found.push({ fieldId: field.id, message: field.message });
    if (!body.session_type) refuse(fields.session_type);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(body.preferred_date)) refuse(fields.preferred_date);
    else if (body.preferred_date < today) refuse({ id: ID.date, message: t('booking.errors.datePast') });
    if (body.preferred_time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(body.preferred_time))
      refuse(fields.preferred_time);
    if (!body.name) refuse(fields.name);
    if (!looksLikeEmail(body.email)) refuse(fields.email);
    if (data.get('health_consent') !== 'yes') refuse(fields.health_consent);
    setErrors(found);
    if (found.length > 0) return;
    book.mutate(
      {
        session_type: body.session_type,
        preferred_date: body.preferred_date,
        ...(body.preferred_time ? { preferred_time: body.preferred_time } : {}),
        name: body.name,
        email: body.email,
        ...(body.phone ? { phone: body.phone } : {}),
        ...(body.message ? { message: body.message } : {}),
        health_consent: true,
        privacy_notice_version: props.site.privacy_notice_version,
      },
      {
        onSuccess: props.onBooked,
        onError: (err) => setErrors(apiFieldErrors(err, fields, t)),
      },
    );
  };

  const typeLabel = (type: string) => (has(`booking.types.${type}`) ? t(`booking.types.${type}`) : type);
  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={book.isPending}>
      <ErrorSummary title={t('forms.errorSummary')} errors={errors} />
      <RadioGroupField
        id={ID.sessionType}
        name="session_type"
        legend={t('booking.sessionType')}
        choices={props.site.session_types.map((type) => ({ value: type, label: typeLabel(type) }))}
        error={errorFor(errors, ID.sessionType)}
      />
      <fieldset className="when">
        <legend className="field__label">{t('booking.when')}</legend>
        <p className="field__hint" id="booking-when-hint">
          {time.zoneText}
        </p>
        <TextField
          id={ID.date}
          name="preferred_date"
          type="date"
          min={today}
          label={t('booking.date')}
          hint={t('booking.dateHint')}
          error={errorFor(errors, ID.date)}
          inputClassName="input input--date"
        />
        <TextField
          id={ID.time}
          name="preferred_time"
          type="time"
          label={t('booking.time')}
          hint={t('booking.timeHint')}
          error={errorFor(errors, ID.time)}
          inputClassName="input input--time"
        />
      </fieldset>
      <TextField
        id={ID.name}
        name="name"
        label={t('forms.name')}
        autoComplete="name"
        error={errorFor(errors, ID.name)}
      />
      <TextField
        id={ID.email}
        name="email"
        type="email"
        label={t('forms.email')}
        hint={t('booking.emailHint')}
        autoComplete="email"
        spellCheck={false}
        error={errorFor(errors, ID.email)}
      />
      <TextField
        id={ID.phone}
        name="phone"
        type="tel"
        label={t('forms.phoneOptional')}
        autoComplete="tel"
        error={errorFor(errors, ID.phone)}
      />
      <TextAreaField
        id={ID.message}
        name="message"
        rows={5}
        label={t('booking.message')}
        hint={t('booking.messageHint')}
        error={errorFor(errors, ID.message)}
      />
      <div className={`field field--checkbox${errorFor(errors, ID.consent) ? ' field--error' : ''}`}>
        {errorFor(errors, ID.consent) && (
          <p id={`${ID.consent}-error`} className="field__error consent__error">
            {errorFor(errors, ID.consent)}
          </p>
        )}
        <input
          id={ID.consent}
          name="health_consent"
          type="checkbox"
          value="yes"
          aria-describedby={`${ID.consent}-hint${errorFor(errors, ID.consent) ? ` ${ID.consent}-error` : ''}`}
          aria-invalid={errorFor(errors, ID.consent) ? true : undefined}
        />
        <label htmlFor={ID.consent}>{t('booking.consent')}</label>
        <div id={`${ID.consent}-hint`} className="field__hint">
          {t('booking.consentHint', { version: props.site.privacy_notice_version })}
        </div>
      </div>
      <BotCheckLine check={check} />
      <button type="submit" className="button" disabled={book.isPending}>
        {book.isPending ? t('booking.sending') : t('booking.send')}
      </button>
    </form>
  );
}
