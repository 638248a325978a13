// /c/:sessionId — the page the QR opens (<PUBLIC_URL>/c/<session_id>#<code>), no login guard.
// The code in the fragment is a short-lived secret: it is read once and wiped from the address
// bar, then traded at once for a ticket (two minutes, this session and this device) that keeps
// the student's place while they log in. Logged in as a student, the page checks in with the
// ticket by itself; without a code, or after the code was refused, the student types it.
// The ticket lives in this component's memory only: never storage, never the URL.
import { ApiError } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useMe } from '../auth/auth.api.ts';
import { LoginForm } from '../auth/login-form.tsx';
import { type Proof, type Refusal, refusalOf, useCheckIn } from './checkins.api.ts';
import {
  AfterLinks,
  AlreadyCheckedIn,
  CheckedIn,
  Refused,
  refusalText,
} from './components/check-in-result.tsx';
import { CodeForm } from './components/code-form.tsx';
import { SelfieStep } from './components/selfie-step.tsx';
import { codeInFragment, startedCheckIn, ticketFor } from './scanned-ticket.ts';
import './checkins.css';

type TicketState =
  | { state: 'none' }
  | { state: 'taking' }
  | { state: 'held'; proof: Proof }
  | { state: 'refused'; refusal: Refusal };

/** The 6-digit code in the address's fragment, if there is one. */
const scannedCode = () => codeInFragment(globalThis.location?.hash ?? '');

function CheckInFlow(props: { sessionId: string }) {
  const { sessionId } = props;
  const { t, has } = useI18n();
  const me = useMe();
  const checkIn = useCheckIn(startedCheckIn);
  const [scanned] = useState(scannedCode);
  const [ticket, setTicket] = useState<TicketState>(() =>
    scanned ? { state: 'taking' } : { state: 'none' },
  );
  /** The student chose to type the code (or did): the scanned code's fate no longer matters. */
  const [typing, setTyping] = useState(false);
  const asked = useRef(false);
  const attempted = useRef(false);

  useEffect(() => {
    if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  }, []);

  useEffect(() => {
    if (!scanned || asked.current) return;
    asked.current = true;
    ticketFor(sessionId, scanned).then(
      (answer) => setTicket({ state: 'held', proof: { ticket: answer.ticket } }),
      (err: unknown) => {
        const refusal = refusalOf(err);
        // No answer, or no ticket route to answer: keep the code itself and try it at check-in.
        const unanswered =
          refusal.kind === 'retry' || (err instanceof ApiError && err.status === 404 && !err.reason);
        setTicket(unanswered ? { state: 'held', proof: { code: scanned } } : { state: 'refused', refusal });
      },
    );
  }, [scanned, sessionId]);

  const student = me.data?.role === 'student';
  const proof = ticket.state === 'held' ? ticket.proof : null;
  const { mutate } = checkIn;
  useEffect(() => {
    if (!student || !proof || attempted.current) return;
    attempted.current = true;
    mutate({ sessionId, proof });
  }, [student, proof, sessionId, mutate]);

  const again = () => {
    if (checkIn.variables) checkIn.mutate(checkIn.variables);
  };
  const typeCode = () => {
    setTyping(true);
    if (checkIn.isError) checkIn.reset();
  };
  const ticketRefusal = !typing && ticket.state === 'refused' ? ticket.refusal : null;
  const refusal = checkIn.error ? refusalOf(checkIn.error) : ticketRefusal;
  // A remount re-focuses the panel when the same refusal comes again.
  const attempt = String(checkIn.submittedAt);

  let body: ReactNode;
  if (me.isPending) body = <Status className="muted">{t('common.loading')}</Status>;
  else if (me.isError)
    body = <Refused refusal={{ kind: 'retry', reason: 'unexpected' }} onRetry={() => void me.refetch()} />;
  else if (checkIn.isSuccess)
    body = (
      <>
        <CheckedIn checkin={checkIn.data} />
        <AfterLinks />
      </>
    );
  else if (refusal?.kind === 'already')
    body = (
      <>
        <AlreadyCheckedIn key={attempt} />
        <AfterLinks />
      </>
    );
  else if (refusal?.kind === 'final' && refusal.reason === 'selfie_required' && checkIn.variables)
    // Enrolled for face verification, in a session that asks for a selfie.
    body = (
      <>
        <SelfieStep sessionId={sessionId} proof={checkIn.variables.proof} onTypeCode={typeCode} />
        <AfterLinks />
      </>
    );
  else if (refusal?.kind === 'final')
    body = (
      <>
        <Refused
          key={attempt}
          refusal={refusal}
          onRetry={refusal.reason === 'network_not_allowed' && checkIn.isError ? again : undefined}
          onTypeCode={refusal.reason === 'network_not_allowed' ? typeCode : undefined}
        />
        {student && <AfterLinks />}
      </>
    );
  else if (!student)
    body = (
      <section className="checkin-login" aria-labelledby="checkin-login-title">
        <h2 id="checkin-login-title">{t('checkin.loginTitle')}</h2>
        {me.data && <p>{t('checkin.wrongRole', { name: me.data.full_name })}</p>}
        {ticket.state === 'held' && (
          <p className="notice notice--success" role="status">
            {t('checkin.ticketHeld')}
          </p>
        )}
        {ticket.state === 'taking' && <Status className="muted">{t('checkin.reading')}</Status>}
        {ticketRefusal && (
          <p className="notice notice--warning" role="status">
            {ticketRefusal.kind === 'code' ? t('checkin.scanStale') : refusalText(ticketRefusal, t, has)}
          </p>
        )}
        <LoginForm idPrefix="checkin-login" onLoggedIn={() => {}} />
      </section>
    );
  else if (!typing && (checkIn.isPending || ticket.state === 'taking'))
    body = <Status className="result-wait">{t('checkin.checking')}</Status>;
  else if (!typing && refusal?.kind === 'retry')
    body = <Refused key={attempt} refusal={refusal} onRetry={again} onTypeCode={typeCode} />;
  else
    body = (
      <>
        <p>{t('checkin.typeIntro')}</p>
        <CodeForm
          idPrefix="checkin"
          pending={checkIn.isPending}
          error={refusal ? refusalText(refusal, t, has) : undefined}
          onSubmit={(code) => {
            setTyping(true);
            checkIn.mutate({ sessionId, proof: { code } });
          }}
        />
      </>
    );

  return (
    <div className="checkin">
      <PageTitle title={t('checkin.title')} appName="ATTN" />
      {body}
    </div>
  );
}

export default function CheckInPage(props: { sessionId: string }) {
  // Another session's link starts afresh.
  return <CheckInFlow key={props.sessionId} sessionId={props.sessionId} />;
}
