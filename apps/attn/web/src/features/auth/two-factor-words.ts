// ATTN's words for a refused two-factor code that is not a wrong code (the shared two-factor
// pieces in @campus/web/two-factor take them as a prop).
import { ApiError } from '@campus/web/api/client.ts';
import type { CodeErrorWords } from '@campus/web/two-factor/two-factor-parts.tsx';

export const twoFactorErrorWords: CodeErrorWords = {
  throttledKey: 'auth.errors.throttled',
  otherwise: (err, t) =>
    err instanceof ApiError && err.status === 0 ? t('errors.network') : t('errors.unexpected'),
};
