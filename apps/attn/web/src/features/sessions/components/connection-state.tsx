// Whether the live list is live: connected, or reconnecting (the browser retries by itself,
// and the server sends the whole list again when it is back).
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import type { Connection } from '../sessions.api.ts';

export function ConnectionState(props: { connection: Connection }) {
  const { t } = useI18n();
  const { connection } = props;
  return (
    <p role="status" className={`connection connection--${connection}`}>
      <span className="connection__dot" aria-hidden="true" />
      {t(`live.connection.${connection}`)}
    </p>
  );
}
