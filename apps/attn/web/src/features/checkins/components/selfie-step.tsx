// A check-in to a session that asks for a selfie, for a student enrolled for face verification
// (the API answered 'selfie_required'): the code they gave becomes a ticket that keeps their
// place for two minutes, the camera takes the selfie (or a file input where there is none),
// and the check-in is sent with it. It shows "checked in, selfie being checked" at once, then
// the verdict when it comes. A student without enrolment never reaches this: the API checks
// them in for the teacher to confirm in person, and no camera is asked for.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { PhotoTaker } from '../../face/components/photo-taker.tsx';
import { type CheckIn, type Proof, refusalOf, takeTicket } from '../checkins.api.ts';
import { useSelfieCheckIn, useVerdict } from '../selfie.api.ts';
import { AlreadyCheckedIn, CheckedIn, Refused } from './check-in-result.tsx';

/** How long a verdict may take before the page says the history will show it. */
const SLOW_MS = 30_000;

function Verdict(props: { checkin: CheckIn }) {
  const { t } = useI18n();
  const verdict = useVerdict(props.checkin.id, props.checkin.verification);
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_MS);
    return () => clearTimeout(timer);
  }, []);
  const value = verdict.data;
  const tone = value === 'verified' ? 'success' : value === 'pending' ? '' : 'warning';
  return (
    <p className={`notice selfie-verdict${tone ? ` notice--${tone}` : ''}`} role="status">
      {value === 'pending'
        ? slow
          ? t('selfie.slow')
          : t('selfie.pending')
        : t(`selfie.${value === 'verified' || value === 'rejected' ? value : 'needs_review'}`)}
    </p>
  );
}

/** Checked in with a selfie: the result panel and, beneath, the verdict as it arrives. */
export function SelfieCheckedIn(props: { checkin: CheckIn }) {
  return (
    <>
      <CheckedIn checkin={{ ...props.checkin, verification: 'not_required' }} />
      <Verdict checkin={props.checkin} />
    </>
  );
}

export function SelfieStep(props: { sessionId: string; proof: Proof; onTypeCode(): void }) {
  const { t } = useI18n();
  const { sessionId, proof } = props;
  // A typed code lives seconds: traded at once for a ticket that lives two minutes.
  const ticket = useQuery({
    queryKey: ['selfie-ticket', sessionId, proof],
    queryFn: async () =>
      'ticket' in proof ? proof.ticket : (await takeTicket(sessionId, proof.code)).ticket,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });
  const send = useSelfieCheckIn();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    title.current?.focus();
  }, []);

  if (send.isSuccess) return <SelfieCheckedIn checkin={send.data} />;
  const error = send.error ?? ticket.error;
  if (error) {
    const refusal = refusalOf(error);
    if (refusal.kind === 'already') return <AlreadyCheckedIn />;
    if (refusal.kind === 'retry' && send.isError)
      return <Refused refusal={refusal} onRetry={() => send.reset()} onTypeCode={props.onTypeCode} />;
    return <Refused refusal={refusal} onTypeCode={props.onTypeCode} />;
  }

  return (
    <section className="selfie-step" aria-labelledby="selfie-title">
      <h2 id="selfie-title" ref={title} tabIndex={-1}>
        {t('selfie.title')}
      </h2>
      <p>{t('selfie.intro')}</p>
      {ticket.isPending ? (
        <p role="status" className="muted">
          {t('checkin.checking')}
        </p>
      ) : (
        <PhotoTaker
          explain={t('camera.explainSelfie')}
          useLabel={send.isPending ? t('selfie.sending') : t('selfie.send')}
          pending={send.isPending}
          onUse={(photo) => send.mutate({ sessionId, ticket: ticket.data ?? '', selfie: photo.blob })}
        />
      )}
    </section>
  );
}
