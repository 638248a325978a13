// The audit page's state as its URL holds it: the filters by the API's names (days as YYYY-MM-DD,
// which the list query turns into the first and last instants of those days in the
// organisation's zone) and the keyset cursor `before`. No React here: unit-tested beside it.
import { endOfDayIn, startOfDayIn } from '../lib/zoned-time.ts';

/** The filters, in the order the form shows them. */
export const AUDIT_FILTERS = ['action', 'entity', 'entity_id', 'actor_id', 'from', 'to'] as const;
export type AuditFilters = Partial<Record<(typeof AUDIT_FILTERS)[number], string>>;

/** Entries a page. */
export const AUDIT_PAGE_SIZE = 50;

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The filters and the cursor of a URL's query; anything malformed is left out. */
export function readAuditUrl(search: string): { filters: AuditFilters; before?: number } {
  const params = new URLSearchParams(search);
  const filters: AuditFilters = {};
  for (const name of AUDIT_FILTERS) {
    const value = params.get(name)?.trim();
    if (!value || value.length > 200) continue;
    if ((name === 'from' || name === 'to') && !isDay(value)) continue;
    filters[name] = value;
  }
  const raw = params.get('before');
  const before = raw && /^\d{1,15}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : undefined;
  return before === undefined ? { filters } : { filters, before };
}

/** `?…` for these filters and cursor, in a fixed order ('' when there is nothing). */
export function auditSearch(filters: AuditFilters | Record<string, string>, before?: number): string {
  const out = new URLSearchParams();
  for (const name of AUDIT_FILTERS) {
    const value = (filters as AuditFilters)[name]?.trim();
    if (value) out.set(name, value);
  }
  if (before !== undefined) out.set('before', String(before));
  const text = out.toString();
  return text ? `?${text}` : '';
}

/** The audit route's query: days become instants in `timeZone`, and a page's size. */
export function auditListQuery(filters: AuditFilters, before: number | undefined, timeZone: string) {
  const out = new URLSearchParams();
  for (const name of ['action', 'entity', 'entity_id', 'actor_id'] as const) {
    const value = filters[name];
    if (value) out.set(name, value);
  }
  const from = filters.from ? startOfDayIn(filters.from, timeZone) : null;
  const to = filters.to ? endOfDayIn(filters.to, timeZone) : null;
  if (from) out.set('from', from.toISOString());
  if (to) out.set('to', to.toISOString());
  out.set('limit', String(AUDIT_PAGE_SIZE));
  if (before !== undefined) out.set('before', String(before));
  return out;
}

/** The audit export's body for the same filters (its names are the seed's). */
export function auditExportBody(filters: AuditFilters, timeZone: string) {
  const from = filters.from ? startOfDayIn(filters.from, timeZone) : null;
  const to = filters.to ? endOfDayIn(filters.to, timeZone) : null;
  return {
    ...(filters.actor_id ? { admin_id: filters.actor_id } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(from ? { date_from: from.toISOString() } : {}),
    ...(to ? { date_to: to.toISOString() } : {}),
  };
}
