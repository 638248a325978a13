// /student/face/photos — enrolment: one to three photos of the student's face, each from the
// camera (explained before the browser asks) or a file, each shown before it is added and
// removable; then one request. A refusal names each photo the API could not use and why, in
// plain words; nothing is stored then, and the student replaces the photos it names.
import { ApiError } from '@campus/web/api/client.ts';
import { ErrorSummary } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { Photo } from './components/photo.ts';
import { PhotoTaker } from './components/photo-taker.tsx';
import { hasCurrentConsent, photoRefusals, useEnrol, useFaceStatus } from './face.api.ts';
import './face.css';

const MAX_PHOTOS = 3;

interface Added extends Photo {
  key: number;
}

function Done(props: { count: number }) {
  const { t } = useI18n();
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, []);
  return (
    <section
      ref={box}
      tabIndex={-1}
      className="result result--success"
      role="status"
      aria-labelledby="done-title"
    >
      <h2 id="done-title" className="result__title">
        <span className="result__mark" aria-hidden="true">
          ✓
        </span>
        {t('face.done', { count: props.count })}
      </h2>
      <p>{t('face.doneNext')}</p>
      <p>
        <Link href="/student">{t('checkin.homeLink')}</Link>
      </p>
    </section>
  );
}

export default function PhotosPage() {
  const { t, has } = useI18n();
  const status = useFaceStatus();
  const enrol = useEnrol();
  const [photos, setPhotos] = useState<Added[]>([]);
  const [next, setNext] = useState(0);
  const [missing, setMissing] = useState(false);
  /** The photos the last refusal was about (their keys), with why. */
  const [refused, setRefused] = useState<Map<number, string>>(new Map());

  const add = (photo: Photo) => {
    setPhotos((list) => [...list, { ...photo, key: next }]);
    setNext((n) => n + 1);
    setMissing(false);
  };
  const remove = (key: number) => {
    setPhotos((list) => list.filter((p) => p.key !== key));
    setRefused((map) => {
      const copy = new Map(map);
      copy.delete(key);
      return copy;
    });
  };
  const reasonText = (code: string) =>
    has(`face.reasons.${code}`) ? t(`face.reasons.${code}`) : t('errors.unexpected');

  const submit = () => {
    if (enrol.isPending) return;
    if (photos.length === 0) {
      setMissing(true);
      return;
    }
    const sent = photos;
    enrol.mutate(
      sent.map((p) => p.blob),
      {
        onSuccess: () => setRefused(new Map()),
        onError: (err) => {
          const map = new Map<number, string>();
          for (const r of photoRefusals(err)) {
            const photo = sent[r.index];
            if (photo) map.set(photo.key, r.code);
          }
          setRefused(map);
        },
      },
    );
  };

  const consentNeeded =
    (status.data && !hasCurrentConsent(status.data)) ||
    (enrol.error instanceof ApiError && enrol.error.status === 409);
  const numberOf = (key: number) => photos.findIndex((p) => p.key === key) + 1;
  const errors = missing
    ? [{ fieldId: '', message: t('face.none') }]
    : refused.size > 0
      ? [...refused].map(([key, code]) => ({
          fieldId: `face-photo-${key}`,
          message: t('face.photoRefused', { n: numberOf(key), reason: reasonText(code) }),
        }))
      : enrol.isError && !consentNeeded
        ? [{ fieldId: '', message: t('errors.unexpected') }]
        : [];

  let body: ReactNode;
  if (status.isPending) body = <Status className="muted">{t('common.loading')}</Status>;
  else if (status.isError)
    body = (
      <div className="notice notice--error" role="alert">
        <p>{t('errors.unexpected')}</p>
        <button type="button" className="button" onClick={() => void status.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  else if (enrol.isSuccess) body = <Done count={enrol.data.enrolled} />;
  else if (consentNeeded)
    body = (
      <div className="notice notice--warning" role="status">
        <p>{t('face.needConsent')}</p>
        <p>
          <Link href="/student/face/consent">{t('face.homeReadNew')}</Link>
        </p>
      </div>
    );
  else
    body = (
      <>
        <p>{t('face.photosIntro')}</p>
        {(status.data?.enrolled ?? 0) > 0 && (
          <p className="notice">{t('face.alreadyEnrolled', { count: status.data?.enrolled ?? 0 })}</p>
        )}
        {errors.length > 0 && (
          <ErrorSummary
            title={refused.size > 0 ? t('face.refusedTitle') : t('forms.errorSummary')}
            errors={errors}
          />
        )}
        {photos.length > 0 && (
          <section aria-labelledby="face-photos-title">
            <h2 id="face-photos-title">{t('face.photosList')}</h2>
            <ul className="face-photos">
              {photos.map((p, i) => {
                const code = refused.get(p.key);
                return (
                  <li key={p.key} className={`face-photo${code ? ' face-photo--refused' : ''}`}>
                    <img src={p.url} alt={t('face.photoN', { n: i + 1 })} />
                    {code && (
                      <p className="field__error">
                        {t('face.photoRefused', { n: i + 1, reason: reasonText(code) })}
                      </p>
                    )}
                    <button
                      id={`face-photo-${p.key}`}
                      type="button"
                      className="button button--secondary"
                      disabled={enrol.isPending}
                      onClick={() => remove(p.key)}
                    >
                      {t('face.remove', { n: i + 1 })}
                    </button>
                  </li>
                );
              })}
            </ul>
            <p role="status">{t('face.added', { count: photos.length })}</p>
          </section>
        )}
        {photos.length < MAX_PHOTOS ? (
          <section aria-labelledby="face-add-title" className="face-add">
            <h2 id="face-add-title">
              {photos.length === 0 ? t('face.photoN', { n: 1 }) : t('face.addAnother')}
            </h2>
            <PhotoTaker
              key={next}
              explain={t('camera.explainEnrol')}
              useLabel={t('face.usePhoto')}
              onUse={add}
            />
          </section>
        ) : (
          <p className="notice">{t('face.full')}</p>
        )}
        <div className="face-actions">
          <button
            type="button"
            className="button button--big"
            disabled={enrol.isPending}
            aria-busy={enrol.isPending}
            onClick={submit}
          >
            {enrol.isPending ? t('face.submitting') : t('face.submit')}
          </button>
          <Link href="/student" className="face-actions__back">
            {t('checkin.homeLink')}
          </Link>
        </div>
      </>
    );

  return (
    <div className="face-page">
      <PageTitle title={t('face.photosTitle')} appName="ATTN" />
      {body}
    </div>
  );
}
