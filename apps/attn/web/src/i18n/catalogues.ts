// ATTN's two languages. Each is its own chunk: a phone downloads only the one it shows, and the
// other comes when the person switches.
import { createLanguages } from '@campus/web/i18n/i18n.tsx';

export const languages = createLanguages(
  {
    tr: () => import('./tr.json'),
    en: () => import('./en.json'),
  },
  'attn.lang',
);
