// /admin/privacy: a student's data on request. Find a student by school number; download
// everything ATTN holds about them (one JSON file, audited by the API); see their face data
// (consent, enrolled photos, kept selfies, whether they are on an active roster, when the
// retention schedule would delete it) and delete it when they ask. The school number stays in
// the page, not the address, so it is kept in no browser history.
import './admin.css';
import { ApiError } from '@campus/web/api/client.ts';
import { TextField } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../sessions/components/error-text.ts';
import { BackToAdmin } from './components/back-link.tsx';
import {
  exportHref,
  type FaceDeletion,
  type PrivacyStudent,
  useDeleteFaceData,
  usePrivacyStudent,
} from './privacy.api.ts';

function FaceFacts(props: { face: PrivacyStudent['face'] }) {
  const { t, date, number } = useI18n();
  const { face } = props;
  const held = face.enrolled_photos + face.kept_selfies > 0;
  return (
    <dl className="admin-facts privacy-facts">
      <div>
        <dt>{t('admin.privacy.consent')}</dt>
        <dd>
          {face.consent
            ? t('admin.privacy.consentGiven', {
                date: date(face.consent.consented_at),
                version: face.consent.text_version,
              })
            : t('admin.privacy.noConsent')}
        </dd>
      </div>
      <div>
        <dt>{t('admin.privacy.photos')}</dt>
        <dd>{number(face.enrolled_photos)}</dd>
      </div>
      <div>
        <dt>{t('admin.privacy.selfies')}</dt>
        <dd>{number(face.kept_selfies)}</dd>
      </div>
      <div>
        <dt>{t('admin.privacy.activeRoster')}</dt>
        <dd>{face.on_active_roster ? t('admin.privacy.yes') : t('admin.privacy.no')}</dd>
      </div>
      <div>
        <dt>{t('admin.privacy.retention')}</dt>
        <dd>
          {!held
            ? t('admin.privacy.nothingHeld')
            : face.retention_due_on
              ? date(face.retention_due_on)
              : t('admin.privacy.keptWhileActive')}
        </dd>
      </div>
    </dl>
  );
}

function DeleteFace(props: { student: PrivacyStudent }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { face } = props.student;
  const remove = useDeleteFaceData(props.student.school_number);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<FaceDeletion | null>(null);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);
  const held = face.consent !== null || face.enrolled_photos + face.kept_selfies > 0;

  return (
    <>
      {held && !confirming && (
        <div className="actions">
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            {t('admin.privacy.delete')}
          </button>
        </div>
      )}
      {confirming && (
        <div className="notice privacy-confirm">
          <p ref={question} tabIndex={-1} className="privacy-confirm__question">
            {t('admin.privacy.confirm', {
              name: props.student.full_name,
              photos: face.enrolled_photos,
              selfies: face.kept_selfies,
            })}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button--danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(undefined, {
                  onSuccess: (result) => {
                    setDone(result);
                    setConfirming(false);
                  },
                })
              }
            >
              {t('admin.privacy.confirmYes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('admin.privacy.confirmNo')}
            </button>
          </div>
        </div>
      )}
      {remove.isError && (
        <p className="notice notice--error" role="alert">
          {errorText(remove.error, i18n, 'admin')}
        </p>
      )}
      <Status className={done ? 'notice notice--success' : undefined}>
        {done
          ? t('admin.privacy.deleted', { photos: done.embeddings_deleted, selfies: done.selfies_deleted })
          : ''}
      </Status>
    </>
  );
}

function StudentPanel(props: { student: PrivacyStudent }) {
  const { t } = useI18n();
  const { student } = props;
  return (
    <section className="admin-section" aria-labelledby="privacy-student">
      <h2 id="privacy-student">
        {student.full_name} <span className="muted">({student.school_number})</span>
      </h2>
      <h3>{t('admin.privacy.exportTitle')}</h3>
      <p>{t('admin.privacy.exportIntro')}</p>
      <p>
        <a className="button button--secondary" href={exportHref(student.school_number)} download>
          {t('admin.privacy.download')}
        </a>
      </p>
      <h3>{t('admin.privacy.faceTitle')}</h3>
      <FaceFacts face={student.face} />
      <DeleteFace key={student.school_number} student={student} />
    </section>
  );
}

export default function PrivacyPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState('');
  const [schoolNumber, setSchoolNumber] = useState('');
  const student = usePrivacyStudent(schoolNumber);
  const notFound = student.error instanceof ApiError && student.error.status === 404;

  return (
    <>
      <BackToAdmin />
      <PageTitle title={t('admin.privacy.title')} appName="ATTN" />
      <p>{t('admin.privacy.intro')}</p>
      <form
        className="privacy-find"
        aria-label={t('admin.privacy.findLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          setSchoolNumber(draft.trim());
        }}
      >
        <TextField
          label={t('admin.privacy.schoolNumber')}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          required
          maxLength={64}
          inputClassName="input admin-select"
        />
        <button type="submit" className="button">
          {t('admin.privacy.find')}
        </button>
      </form>
      <Status className="muted">{student.isFetching ? t('common.loading') : ''}</Status>
      {student.isError && (
        <p className="notice notice--error" role="alert">
          {notFound
            ? t('admin.privacy.notFound', { number: schoolNumber })
            : errorText(student.error, i18n, 'admin')}
        </p>
      )}
      {student.data && <StudentPanel student={student.data} />}
    </>
  );
}
