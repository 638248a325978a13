// Which columns a table shows, remembered per table in the browser (localStorage) so the choice
// survives a reload. What is stored is the list of hidden columns: a column added to the table
// later shows up by default. A stored value that cannot be read counts as no choice.

export interface ColumnStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const columnStorageKey = (tableId: string) => `campus.table.${tableId}.hidden-columns`;

/** The hidden columns saved for a table, keeping only names the table still has. */
export function readHiddenColumns(
  store: ColumnStore | undefined,
  tableId: string,
  columns: readonly string[],
  defaultHidden: readonly string[] = [],
): string[] {
  let raw: string | null = null;
  try {
    raw = store?.getItem(columnStorageKey(tableId)) ?? null;
  } catch {
    raw = null; // storage refused (private mode, a policy): the defaults
  }
  if (raw === null) return defaultHidden.filter((c) => columns.includes(c));
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [...defaultHidden];
    return parsed.filter((c): c is string => typeof c === 'string' && columns.includes(c));
  } catch {
    return [...defaultHidden];
  }
}

export function saveHiddenColumns(
  store: ColumnStore | undefined,
  tableId: string,
  hidden: readonly string[],
): void {
  try {
    store?.setItem(columnStorageKey(tableId), JSON.stringify([...hidden]));
  } catch {
    // storage full or refused: the choice lasts for this visit only
  }
}

/** Shows or hides a column; the last visible column cannot be hidden. */
export function toggleColumn(
  hidden: readonly string[],
  columns: readonly string[],
  column: string,
): string[] {
  if (hidden.includes(column)) return hidden.filter((c) => c !== column);
  const visible = columns.filter((c) => !hidden.includes(c));
  if (visible.length <= 1 && visible.includes(column)) return [...hidden];
  return [...hidden, column];
}
