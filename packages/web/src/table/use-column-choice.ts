// The columns a person chose to see in one table, remembered in this browser.
import { useCallback, useState } from 'react';
import { readHiddenColumns, saveHiddenColumns, toggleColumn } from './column-choice.ts';

export interface ColumnChoice {
  hidden: readonly string[];
  isVisible(column: string): boolean;
  toggle(column: string): void;
}

export function useColumnChoice(
  tableId: string,
  columns: readonly string[],
  defaultHidden: readonly string[] = [],
): ColumnChoice {
  const [hidden, setHidden] = useState<readonly string[]>(() =>
    readHiddenColumns(globalThis.localStorage, tableId, columns, defaultHidden),
  );
  const toggle = useCallback(
    (column: string) =>
      setHidden((current) => {
        const next = toggleColumn(current, columns, column);
        saveHiddenColumns(globalThis.localStorage, tableId, next);
        return next;
      }),
    [tableId, columns],
  );
  return { hidden, isVisible: (c) => !hidden.includes(c), toggle };
}
