// Face verification on the student's home: whether it is on, the way to set it up, and its
// withdrawal in two activations (the button, then the confirmation), after which the API holds
// no consent and no numbers of the face.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { type ReactNode, useRef, useState } from 'react';
import { Link } from 'wouter';
import { Modal } from '../../sessions/components/modal.tsx';
import { hasCurrentConsent, useFaceStatus, useWithdrawConsent } from '../face.api.ts';
import '../face.css';

export function FaceCard() {
  const { t } = useI18n();
  const status = useFaceStatus();
  const withdraw = useWithdrawConsent();
  const [asking, setAsking] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  const data = status.data;
  if (!data) return null;

  let body: ReactNode;
  if (!data.consent)
    body = (
      <>
        <p>{t('face.homeOff')}</p>
        <p>
          <Link href="/student/face/consent">{t('face.homeSetUp')}</Link>
        </p>
      </>
    );
  else
    body = (
      <>
        {!hasCurrentConsent(data) ? (
          <p>
            {t('face.homeOutdated')} <Link href="/student/face/consent">{t('face.homeReadNew')}</Link>
          </p>
        ) : data.enrolled > 0 ? (
          <p>{t('face.homeOn', { count: data.enrolled })}</p>
        ) : (
          <p>
            {t('face.homeNoPhotos')} <Link href="/student/face/photos">{t('face.homeAddPhotos')}</Link>
          </p>
        )}
        <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
          {t('face.withdraw')}
        </button>
      </>
    );

  return (
    <section className="face-card" aria-labelledby="face-card-title">
      <h2 id="face-card-title" ref={title} tabIndex={-1}>
        {t('face.homeTitle')}
      </h2>
      {withdraw.isSuccess && !data.consent && (
        <p className="notice notice--success" role="status">
          {t('face.withdrawn')}
        </p>
      )}
      {body}
      <Modal
        open={asking}
        title={t('face.withdrawTitle')}
        onClose={() => setAsking(false)}
        focusAfter={() => (withdraw.isSuccess ? title.current : null)}
      >
        <p>{t('face.withdrawBody')}</p>
        {withdraw.isError && (
          <p className="notice notice--error" role="alert">
            {t('errors.unexpected')}
          </p>
        )}
        <div className="actions">
          <button
            type="button"
            className="button button--danger"
            disabled={withdraw.isPending}
            onClick={() => withdraw.mutate(undefined, { onSuccess: () => setAsking(false) })}
          >
            {t('face.withdrawConfirm')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setAsking(false)}
            data-autofocus
          >
            {t('common.cancel')}
          </button>
        </div>
      </Modal>
    </section>
  );
}
