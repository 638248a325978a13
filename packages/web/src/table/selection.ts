// What a person has selected in a paged table: some rows (kept while they page through), or
// every row matching the filter, on every page, even those never shown. The second is a
// statement about the filter, not a list of ids: the bulk API counts it again and asks to
// confirm the count before acting. Changing the filter clears the selection.

export type Selection = { kind: 'rows'; ids: ReadonlySet<string> } | { kind: 'matching' };

export const NOTHING: Selection = { kind: 'rows', ids: new Set() };

export type SelectionAction =
  | { type: 'toggle'; id: string }
  | { type: 'page'; ids: readonly string[]; selected: boolean }
  | { type: 'matching' }
  | { type: 'clear' };

export function select(selection: Selection, action: SelectionAction): Selection {
  switch (action.type) {
    case 'clear':
      return NOTHING;
    case 'matching':
      return { kind: 'matching' };
    case 'toggle': {
      if (selection.kind === 'matching') return { kind: 'rows', ids: new Set([action.id]) };
      const ids = new Set(selection.ids);
      if (ids.has(action.id)) ids.delete(action.id);
      else ids.add(action.id);
      return { kind: 'rows', ids };
    }
    case 'page': {
      if (selection.kind === 'matching') return action.selected ? selection : NOTHING;
      const ids = new Set(selection.ids);
      for (const id of action.ids) {
        if (action.selected) ids.add(id);
        else ids.delete(id);
      }
      return { kind: 'rows', ids };
    }
  }
}

export function isSelected(selection: Selection, id: string): boolean {
  return selection.kind === 'matching' || selection.ids.has(id);
}

/** How a page's header box looks: every row of the page chosen, some, or none. */
export function pageState(selection: Selection, pageIds: readonly string[]): 'all' | 'some' | 'none' {
  if (pageIds.length === 0) return 'none';
  const chosen = pageIds.filter((id) => isSelected(selection, id)).length;
  return chosen === 0 ? 'none' : chosen === pageIds.length ? 'all' : 'some';
}

/** How many records the selection stands for, given how many match the filter. */
export function selectedCount(selection: Selection, total: number): number {
  return selection.kind === 'matching' ? total : selection.ids.size;
}
