// What a person sees once a form is sent: the reference to quote, and, for a repeat of
// something we already have, that we have it (not an error).
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { Link } from 'wouter';
import type { SubmissionAck } from '../../../../api/src/modules/submissions/index.ts';
import { APP_NAME } from './acube-shell.tsx';

/** What a form answers (a booking's answer has these too). */
export type SubmissionAnswer = SubmissionAck;

export function Submitted(props: { answer: SubmissionAnswer; title: string; body: string }) {
  const { t } = useI18n();
  const { answer } = props;
  return (
    <div className="narrow">
      <PageTitle title={answer.repeat ? t('forms.repeatTitle') : props.title} appName={APP_NAME} />
      <div className="panel panel--success">
        <p className="panel__label">{t('booking.reference')}</p>
        <p className="panel__reference">{answer.reference}</p>
      </div>
      <p>{answer.repeat ? t('forms.repeatBody', { reference: answer.reference }) : props.body}</p>
      <p>
        <Link href="/">{t('common.goHome')}</Link>
      </p>
    </div>
  );
}
