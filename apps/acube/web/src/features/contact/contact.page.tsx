// The contact form: who, how to reply, and the message.
import { ErrorSummary, type FieldError, TextAreaField, TextField } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { type FormEvent, useState } from 'react';
import { APP_NAME } from '../shell/acube-shell.tsx';
import { BotCheckLine, useBotCheck } from '../shell/bot-check.tsx';
import { apiFieldErrors, errorFor, looksLikeEmail } from '../shell/form-errors.ts';
import { type SubmissionAnswer, Submitted } from '../shell/submitted.tsx';
import { useSendMessage } from './contact.api.ts';

const ID = {
  name: 'contact-name',
  email: 'contact-email',
  subject: 'contact-subject',
  message: 'contact-message',
};

export default function ContactPage() {
  const { t } = useI18n();
  const check = useBotCheck();
  const send = useSendMessage(check);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [answer, setAnswer] = useState<SubmissionAnswer | null>(null);
  const fields = {
    name: { id: ID.name, message: t('forms.errors.name') },
    email: { id: ID.email, message: t('forms.errors.email') },
    subject: { id: ID.subject, message: t('forms.errors.tooLong') },
    message: { id: ID.message, message: t('contact.errors.message') },
  };

  if (answer)
    return <Submitted answer={answer} title={t('contact.doneTitle')} body={t('contact.doneBody')} />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const body = {
      name: value('name'),
      email: value('email'),
      subject: value('subject'),
      message: value('message'),
    };
    const found: FieldError[] = [];
    if (!body.name) found.push({ fieldId: ID.name, message: fields.name.message });
    if (!looksLikeEmail(body.email)) found.push({ fieldId: ID.email, message: fields.email.message });
    if (!body.message) found.push({ fieldId: ID.message, message: fields.message.message });
    setErrors(found);
    if (found.length > 0) return;
    send.mutate(
      {
        name: body.name,
        email: body.email,
        ...(body.subject ? { subject: body.subject } : {}),
        message: body.message,
      },
      { onSuccess: setAnswer, onError: (err) => setErrors(apiFieldErrors(err, fields, t)) },
    );
  };

  return (
    <div className="narrow">
      <PageTitle title={t('contact.title')} appName={APP_NAME} />
      <p className="lead">{t('contact.intro')}</p>
      <form className="form" onSubmit={submit} noValidate aria-busy={send.isPending}>
        <ErrorSummary title={t('forms.errorSummary')} errors={errors} />
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
          autoComplete="email"
          spellCheck={false}
          error={errorFor(errors, ID.email)}
        />
        <TextField
          id={ID.subject}
          name="subject"
          label={t('contact.subjectOptional')}
          error={errorFor(errors, ID.subject)}
        />
        <TextAreaField
          id={ID.message}
          name="message"
          rows={6}
          label={t('contact.message')}
          error={errorFor(errors, ID.message)}
        />
        <BotCheckLine check={check} />
        <button type="submit" className="button" disabled={send.isPending}>
          {t('contact.send')}
        </button>
      </form>
    </div>
  );
}
