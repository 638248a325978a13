// ATTN's two languages; both are bundled (a few KB), so switching is instant and offline.
import type { Catalogue } from '@campus/web/i18n/catalogue.ts';
import en from './en.json';
import tr from './tr.json';

export const catalogues: Record<string, Catalogue> = { tr, en };
