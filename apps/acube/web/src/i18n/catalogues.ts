// A-Cube's two languages, each its own chunk. The choice is not remembered in the browser
// (storage key null): a visit to this site should leave as little behind as possible.
import { createLanguages } from '@campus/web/i18n/i18n.tsx';

export const languages = createLanguages(
  {
    en: () => import('./en.json'),
    tr: () => import('./tr.json'),
  },
  null,
);
