import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missingKeys, placeholderMismatches } from '@campus/web/i18n/catalogue.ts';
import { sessionTypes } from '../../../api/src/db/schema/bookings.ts';
import adminEn from '../admin/i18n/en.json' with { type: 'json' };
import adminTr from '../admin/i18n/tr.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import tr from './tr.json' with { type: 'json' };

const catalogues = { en, tr };
/** The admin panel's own catalogues (src/admin/i18n). */
const adminCatalogues = { en: adminEn, tr: adminTr };

test('every key of either catalogue is in the other', () => {
  assert.deepEqual(missingKeys(catalogues), { en: [], tr: [] });
});

test('both languages use the same placeholders for each text', () => {
  assert.deepEqual(placeholderMismatches(catalogues), []);
});

test('every key of either admin catalogue is in the other, with the same placeholders', () => {
  assert.deepEqual(missingKeys(adminCatalogues), { en: [], tr: [] });
  assert.deepEqual(placeholderMismatches(adminCatalogues), []);
});

test('every session type the API takes is worded in both languages', () => {
  for (const [lang, catalogue] of Object.entries(catalogues)) {
    const worded = (catalogue as { booking?: { types?: Record<string, string> } }).booking?.types ?? {};
    assert.deepEqual(
      sessionTypes.filter((type) => !worded[type]),
      [],
      `${lang}: session types without words`,
    );
  }
});
