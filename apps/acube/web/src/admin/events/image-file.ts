// An event image as the editor checks it before sending anything, by the API's own rules (its
// types and the upload limit): the type the browser reports and the size. The server checks
// the bytes again and decides; this only spares a long wait for a sure refusal.

export interface ImageRules {
  types: readonly string[];
  max_bytes: number;
}

/** What is wrong with `file` for these rules: its type, its size, or nothing. */
export function imageProblem(
  file: { type: string; size: number },
  rules: ImageRules,
): 'type' | 'size' | null {
  if (!rules.types.includes(file.type)) return 'type';
  if (file.size > rules.max_bytes) return 'size';
  return null;
}

const NAMES: Record<string, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'image/avif': 'AVIF',
};

/** The types in words, "PNG, JPEG or WebP" in English ("PNG, JPEG veya WebP" in Turkish). */
export function typeNames(types: readonly string[], locale: string): string {
  const names = types.map((t) => NAMES[t] ?? t.replace(/^image\//, '').toUpperCase());
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(names);
}

/** A size in bytes as people read it: "10 MB", "512 kB", "1.5 MB" (binary units, as the limit is). */
export function sizeText(bytes: number, locale: string): string {
  const units: [string, number][] = [
    ['megabyte', 1024 * 1024],
    ['kilobyte', 1024],
  ];
  for (const [unit, size] of units) {
    if (bytes >= size) {
      return new Intl.NumberFormat(locale, {
        style: 'unit',
        unit,
        unitDisplay: 'short',
        maximumFractionDigits: 1,
      }).format(bytes / size);
    }
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(bytes);
}
