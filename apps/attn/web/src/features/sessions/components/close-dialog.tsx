// Closing a session, behind a confirmation: students can no longer check in afterwards.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useCloseSession } from '../sessions.api.ts';
import { errorText } from './error-text.ts';
import { Modal } from './modal.tsx';

export function CloseDialog(props: {
  sessionId: string;
  open: boolean;
  onClose(): void;
  focusAfter(): HTMLElement | null;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const close = useCloseSession(props.sessionId);
  return (
    <Modal
      open={props.open}
      title={t('live.close.title')}
      onClose={props.onClose}
      focusAfter={() => (close.isSuccess ? props.focusAfter() : null)}
    >
      <p>{t('live.close.body')}</p>
      {close.isError && (
        <p className="notice notice--error" role="alert">
          {errorText(close.error, i18n, 'live.close')}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--danger"
          disabled={close.isPending}
          onClick={() => close.mutate(undefined, { onSuccess: props.onClose })}
        >
          {t('live.close.confirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onClose} data-autofocus>
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
