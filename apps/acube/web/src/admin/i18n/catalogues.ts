// The admin panel's two languages, each its own chunk, apart from the public site's catalogues
// (a visitor of the public pages downloads none of the panel's words). Not remembered in the
// browser, as on the public site.
import { createLanguages } from '@campus/web/i18n/i18n.tsx';

export const adminLanguages = createLanguages(
  {
    en: () => import('./en.json'),
    tr: () => import('./tr.json'),
  },
  null,
);
