// Catalogues as data: nested JSON keyed by feature, flattened to "feature.key"; and the checks
// a test runs on them (a key present in one language and missing in another is a bug: a person
// would see the raw key).

export type Catalogue = { [key: string]: string | Catalogue };

/** "checkin.title" → text, for every leaf of a nested catalogue. */
export function flatten(catalogue: Catalogue, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else Object.assign(out, flatten(value, path));
  }
  return out;
}

/** For each language, the keys the others have and it lacks. Empty lists when complete. */
export function missingKeys(catalogues: Record<string, Catalogue>): Record<string, string[]> {
  const flat = Object.fromEntries(Object.entries(catalogues).map(([l, c]) => [l, Object.keys(flatten(c))]));
  const all = new Set(Object.values(flat).flat());
  return Object.fromEntries(
    Object.entries(flat).map(([lang, keys]) => {
      const have = new Set(keys);
      return [lang, [...all].filter((k) => !have.has(k)).sort()];
    }),
  );
}

/** Keys whose {placeholders} differ between languages. */
export function placeholderMismatches(catalogues: Record<string, Catalogue>): string[] {
  const names = (text: string) =>
    [...text.matchAll(/\{(\w+)\}/g)]
      .map((m) => m[1])
      .sort()
      .join(',');
  const [first, ...rest] = Object.values(catalogues).map((c) => flatten(c));
  if (!first) return [];
  return Object.keys(first).filter((key) =>
    rest.some((other) => other[key] !== undefined && names(other[key]) !== names(first[key] ?? '')),
  );
}
