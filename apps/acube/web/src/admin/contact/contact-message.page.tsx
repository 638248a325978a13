// /admin/contact/:id: one contact message in full and a reply form; the answer is mailed to the
// sender and the message becomes replied (the API audits it and never logs the text).
import { ApiError } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import type { ReplyBody } from '../../../../api/src/modules/contact/index.ts';
import { adminApi } from '../admin-api.ts';
import type { AdminPageProps } from '../admin-routes.tsx';
import type { ContactItem } from '../lists/rows.ts';

export default function ContactMessagePage(props: AdminPageProps) {
  const { t, dateTime } = useI18n();
  const id = props.params.id ?? '';
  const client = useQueryClient();
  const replyId = useId();
  const path = `/api/contact/${encodeURIComponent(id)}`;
  const key = ['admin-contact', id];
  const { data, error } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => adminApi<ContactItem>(path, { signal }),
  });
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const reply = useMutation({
    mutationFn: (body: ReplyBody) => adminApi<{ status: string }>(`${path}/reply`, { method: 'POST', body }),
    onSuccess: (answer) => {
      setText('');
      client.setQueryData<ContactItem>(key, (old) => (old ? { ...old, status: answer.status } : old));
      void client.invalidateQueries({ queryKey: ['admin-list'] });
    },
  });

  const back = (
    <p>
      <Link href="/admin/contact">{t('contactMessage.back')}</Link>
    </p>
  );
  if (error) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <>
        <PageTitle title={t('contactMessage.title')} appName={t('shell.appName')} />
        <p className="notice notice--error" role="alert">
          {missing ? t('errors.notFound') : t('errors.unexpected')}
        </p>
        {back}
      </>
    );
  }
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const row = (label: string, value: string) => (
    <div className="details__row">
      <dt>{label}</dt>
      <dd>{value || '—'}</dd>
    </div>
  );
  return (
    <>
      {back}
      <PageTitle
        title={t('contactMessage.titleOf', { reference: data.reference })}
        appName={t('shell.appName')}
      />
      <dl className="details">
        {row(t('lists.col.name'), data.name)}
        {row(t('lists.col.email'), data.email)}
        {row(t('lists.col.subject'), data.subject)}
        {row(t('lists.col.status'), t(`lists.status.${data.status}`))}
        {row(t('lists.col.received'), dateTime(data.created_at))}
      </dl>
      <h2>{t('lists.col.message')}</h2>
      <p style={{ whiteSpace: 'pre-wrap' }}>{data.message}</p>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) {
            setProblem(t('contactMessage.empty'));
            return;
          }
          setProblem('');
          if (!reply.isPending) reply.mutate({ body: text });
        }}
      >
        <h2>{t('contactMessage.replyTitle')}</h2>
        {problem && (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        )}
        <div className="field">
          <label className="field__label" htmlFor={replyId}>
            {t('contactMessage.reply', { email: data.email })}
          </label>
          <textarea
            id={replyId}
            className="input"
            rows={8}
            maxLength={10000}
            value={text}
            onChange={(e) => {
              reply.reset();
              setText(e.currentTarget.value);
            }}
          />
        </div>
        <button type="submit" className="button" aria-disabled={reply.isPending || undefined}>
          {t('contactMessage.send')}
        </button>
        <div aria-live="polite">
          {reply.isSuccess && <p className="notice notice--success">{t('contactMessage.sent')}</p>}
          {reply.isError && (
            <p className="notice notice--error">
              {reply.error instanceof ApiError && reply.error.status === 403
                ? t('errors.forbidden')
                : t('errors.unexpected')}
            </p>
          )}
        </div>
      </form>
    </>
  );
}
