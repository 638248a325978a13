// A course whose session is open now, on the student's home: the code field right there, so a
// student in class gets from this page to "checked in" with one field and one button.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import type { ReactNode } from 'react';
import { isEnrolled, useFaceStatus } from '../../face/face.api.ts';
import { refusalOf, type StudentCourse, useCheckIn } from '../checkins.api.ts';
import { AlreadyCheckedIn, CheckedIn, Refused, refusalText } from './check-in-result.tsx';
import { CodeForm } from './code-form.tsx';
import { SelfieStep } from './selfie-step.tsx';

export function OpenSessionCard(props: {
  course: StudentCourse;
  session: NonNullable<StudentCourse['open_session']>;
}) {
  const { t, time, has } = useI18n();
  const { course, session } = props;
  const checkIn = useCheckIn();
  const face = useFaceStatus();
  const refusal = checkIn.error ? refusalOf(checkIn.error) : null;
  const titleId = `open-${session.id}-title`;
  let body: ReactNode;
  if (checkIn.isSuccess) body = <CheckedIn checkin={checkIn.data} />;
  else if (refusal?.kind === 'already') body = <AlreadyCheckedIn />;
  else if (refusal?.kind === 'final' && refusal.reason === 'selfie_required' && checkIn.variables)
    body = (
      <SelfieStep sessionId={session.id} proof={checkIn.variables.proof} onTypeCode={() => checkIn.reset()} />
    );
  else if (session.checked_in) body = <p className="open-card__done">{t('studentHome.checkedIn')}</p>;
  else if (refusal?.kind === 'final' && refusal.reason !== 'network_not_allowed')
    body = <Refused key={String(checkIn.submittedAt)} refusal={refusal} />;
  else
    body = (
      <>
        {session.selfie_required && face.isSuccess && (
          <p className="notice">
            {isEnrolled(face.data) ? t('studentHome.selfieNote') : t('studentHome.selfieNoteNoFace')}
          </p>
        )}
        <CodeForm
          idPrefix={`open-${session.id}`}
          pending={checkIn.isPending}
          error={refusal ? refusalText(refusal, t, has) : undefined}
          onSubmit={(code) => checkIn.mutate({ sessionId: session.id, proof: { code } })}
        />
      </>
    );
  const done = checkIn.isSuccess || session.checked_in || refusal?.kind === 'already';
  return (
    <section className={`open-card${done ? ' open-card--done' : ''}`} aria-labelledby={titleId}>
      <h2 id={titleId} className="open-card__title">
        <span className="open-card__code">{course.code}</span> {course.title}
      </h2>
      <p className="open-card__when">{t('studentHome.openUntil', { time: time(session.ends_at) })}</p>
      {body}
    </section>
  );
}
