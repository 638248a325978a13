// An API refusal in the teacher's words: a machine reason the catalogue knows first, then the
// kind of refusal by status, under the screen's own keys (`<scope>.errors.*`) where it has them.
import { ApiError } from '@campus/web/api/client.ts';
import type { I18n } from '@campus/web/i18n/i18n.tsx';

export function errorText(err: unknown, i18n: Pick<I18n, 't' | 'has'>, scope: string): string {
  const { t, has } = i18n;
  if (!(err instanceof ApiError)) return t('errors.unexpected');
  if (err.status === 0) return t('errors.network');
  const reason = err.reason;
  if (reason && has(`teacherErrors.reasons.${reason}`)) return t(`teacherErrors.reasons.${reason}`);
  const byStatus: Record<number, string> = {
    401: 'loggedOut',
    403: 'forbidden',
    404: 'notFound',
    409: 'conflict',
    429: 'throttled',
  };
  const kind = byStatus[err.status];
  if (kind && has(`${scope}.errors.${kind}`)) return t(`${scope}.errors.${kind}`);
  if (kind) return t(`teacherErrors.${kind}`, { seconds: err.retryAfter ?? 60 });
  if (err.status === 400) return err.message;
  return t('errors.unexpected');
}
