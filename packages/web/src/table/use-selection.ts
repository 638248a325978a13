// A table's selection, cleared whenever the filter changes (the rows it named may no longer be
// the ones shown, and "all matching" would then mean something else).
import { useEffect, useReducer, useRef } from 'react';
import { NOTHING, type Selection, type SelectionAction, select } from './selection.ts';

export function useSelection(filterKey: string): [Selection, (action: SelectionAction) => void] {
  const [selection, dispatch] = useReducer(select, NOTHING);
  const last = useRef(filterKey);
  useEffect(() => {
    if (last.current !== filterKey) {
      last.current = filterKey;
      dispatch({ type: 'clear' });
    }
  }, [filterKey]);
  return [selection, dispatch];
}
