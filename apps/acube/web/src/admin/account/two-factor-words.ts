// A-Cube's words for a refused two-factor code that is not a wrong code (the shared two-factor
// pieces in @campus/web/two-factor take them as a prop).
import type { CodeErrorWords } from '@campus/web/two-factor/two-factor-parts.tsx';
import { requestErrorText } from '../../features/shell/form-errors.ts';

export const twoFactorErrorWords: CodeErrorWords = {
  throttledKey: 'login.throttled',
  otherwise: requestErrorText,
};
