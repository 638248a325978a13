import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missingKeys, placeholderMismatches } from '@campus/web/i18n/catalogue.ts';
import { refusals } from '../../../api/src/modules/attendance/index.ts';
import en from './en.json' with { type: 'json' };
import tr from './tr.json' with { type: 'json' };

const catalogues = { en, tr };

test('every key of either catalogue is in the other', () => {
  assert.deepEqual(missingKeys(catalogues), { en: [], tr: [] });
});

test('both languages use the same placeholders for each text', () => {
  assert.deepEqual(placeholderMismatches(catalogues), []);
});

test('every refusal reason of the check-in API is worded in both languages', () => {
  const reasons = Object.values(refusals).map((refuse) => {
    const error = refuse() as { details?: { reason?: string }[] };
    return error.details?.[0]?.reason;
  });
  assert.ok(reasons.length >= 6);
  for (const [lang, catalogue] of Object.entries(catalogues)) {
    const worded = (catalogue as { checkin?: { reasons?: Record<string, string> } }).checkin?.reasons ?? {};
    const missing = reasons.filter((reason) => !reason || !worded[reason]);
    assert.deepEqual(missing, [], `${lang}: reasons without words`);
  }
});
