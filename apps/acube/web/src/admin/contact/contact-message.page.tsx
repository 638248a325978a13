// /admin/contact/:id: one contact message in full and a reply form; the answer is mailed to the
// sender and the message becomes replied (the API audits it and never logs the text).
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ReplyBody } from '../../../../api/src/modules/contact/index.ts';
import { adminApi } from '../admin-api.ts';
import type { AdminPageProps } from '../admin-routes.tsx';
import { useZonedDateTime } from '../lib/use-zoned-time.ts';
import type { ContactItem } from '../lists/rows.ts';
import { Details, Outcome, RecordPage, RecordText } from '../records/record-page.tsx';

export default function ContactMessagePage(props: AdminPageProps) {
  const { t } = useI18n();
  const dateTime = useZonedDateTime();
  const id = props.params.id ?? '';
  const client = useQueryClient();
  const replyId = useId();
  const path = `/api/contact/${encodeURIComponent(id)}`;
  const key = ['admin-contact', id];
  const query = useQuery({
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

  return (
    <RecordPage
      query={query}
      back={{ href: '/admin/contact', label: t('contactMessage.back') }}
      title={t('contactMessage.title')}
    >
      {(data) => (
        <>
          <PageTitle
            title={t('contactMessage.titleOf', { reference: data.reference })}
            appName={t('shell.appName')}
          />
          <Details
            rows={[
              [t('lists.col.name'), data.name],
              [t('lists.col.email'), data.email],
              [t('lists.col.subject'), data.subject],
              [t('lists.col.status'), t(`lists.status.${data.status}`)],
              [t('lists.col.received'), dateTime(data.created_at)],
            ]}
          />
          <RecordText heading={t('lists.col.message')} text={data.message} />
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
            <Outcome mutation={reply} success={t('contactMessage.sent')} />
          </form>
        </>
      )}
    </RecordPage>
  );
}
