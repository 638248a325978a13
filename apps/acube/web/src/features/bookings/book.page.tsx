// Booking a session: the form, then the confirmation with the reference the person can quote.
// A repeat of a request we already have is said as such, not as an error.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { useState } from 'react';
import { Link } from 'wouter';
import { APP_NAME } from '../shell/acube-shell.tsx';
import { requestErrorText } from '../shell/form-errors.ts';
import { useUrgentHelpText } from '../site/components/urgent-help.tsx';
import { useSite } from '../site/site.api.ts';
import type { BookingAnswer } from './bookings.api.ts';
import { BookingForm } from './components/booking-form.tsx';

export default function BookPage() {
  const { t } = useI18n();
  const site = useSite();
  const urgentHelp = useUrgentHelpText();
  const [answer, setAnswer] = useState<BookingAnswer | null>(null);

  if (answer) {
    // (keyed apart from the form, so the confirmation's heading is new and takes the focus)
    return (
      <div className="narrow" key="sent">
        <PageTitle
          title={answer.repeat ? t('booking.repeatTitle') : t('booking.doneTitle')}
          appName={APP_NAME}
        />
        <div className="panel panel--success">
          <p className="panel__label">{t('booking.reference')}</p>
          <p className="panel__reference">{answer.reference}</p>
        </div>
        <p>
          {answer.repeat ? t('booking.repeatBody', { reference: answer.reference }) : t('booking.doneBody')}
        </p>
        <p>{t('booking.doneNext')}</p>
        <p>
          <Link href="/">{t('common.goHome')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageTitle title={t('booking.title')} appName={APP_NAME} />
      <p className="lead">{t('booking.intro')}</p>
      {/* Someone in crisis may land here first: what to do now, before the form (at 360 px too). */}
      <p className="notice notice--warning">
        <strong>{t('booking.notEmergency')}</strong> {urgentHelp}
      </p>
      {site.isPending && <Status className="muted">{t('common.loading')}</Status>}
      {site.isError && (
        <p className="notice notice--error" role="alert">
          {requestErrorText(site.error, t)}
        </p>
      )}
      {site.data && <BookingForm site={site.data} onBooked={setAnswer} />}
    </div>
  );
}
