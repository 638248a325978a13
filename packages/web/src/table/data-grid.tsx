// A table for a paged, server-sorted list: header buttons that sort (the sorted column says so
// with aria-sort), an optional first column of checkboxes (a row, the whole page) and only the
// columns the person chose to see. Its words come from the app's catalogue, under `table.*`.
// The rows' data, the sort and the page live in the URL (useTableUrl), never in here.

import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { ScrollRegion } from './scroll-region.tsx';
import { isSelected, pageState, type Selection, type SelectionAction } from './selection.ts';

export interface GridColumn<T> {
  /** The column's name; for a sortable one, the list route's sort name. */
  key: string;
  /** Plain words: the header, and the column chooser's label. */
  header: string;
  cell(row: T): ReactNode;
  sortable?: boolean;
  numeric?: boolean;
  /** Always shown (the column that names the row and links to it). */
  fixed?: boolean;
  /** Kept on one line (dates, references). */
  nowrap?: boolean;
}

const cellClass = (c: { numeric?: boolean; nowrap?: boolean }) =>
  [c.numeric ? 'numeric' : '', c.nowrap ? 'nowrap' : ''].filter(Boolean).join(' ') || undefined;

export interface GridSelection {
  selection: Selection;
  dispatch(action: SelectionAction): void;
}

function PageBox(props: {
  state: 'all' | 'some' | 'none';
  label: string;
  onChange(selected: boolean): void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = props.state === 'some';
  }, [props.state]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="grid__check"
      aria-label={props.label}
      checked={props.state === 'all'}
      onChange={(e) => props.onChange(e.currentTarget.checked)}
    />
  );
}

export function DataGrid<T>(props: {
  caption: ReactNode;
  columns: GridColumn<T>[];
  rows: T[];
  rowKey(row: T): string;
  /** What names a row for a screen reader ("Select VOL-1234"). */
  rowLabel(row: T): string;
  sort: { column: string; descending: boolean };
  onSort(column: string): void;
  selectable?: GridSelection;
  empty: ReactNode;
  /** The rows shown are being replaced (a new page loads). */
  busy?: boolean;
}) {
  const { t } = useI18n();
  const captionId = useId();
  const { columns, rows, selectable } = props;
  const ids = rows.map(props.rowKey);
  return (
    <ScrollRegion className="table-wrap" labelledBy={captionId}>
      <table className="data-table data-grid" aria-busy={props.busy || undefined}>
        <caption id={captionId} className="visually-hidden">
          {props.caption}
        </caption>
        <thead>
          <tr>
            {selectable && (
              <td className="grid__select">
                <PageBox
                  state={pageState(selectable.selection, ids)}
                  label={t('table.selectPage')}
                  onChange={(selected) => selectable.dispatch({ type: 'page', ids, selected })}
                />
              </td>
            )}
            {columns.map((c) => {
              const sorted = props.sort.column === c.key;
              const direction = props.sort.descending ? 'descending' : 'ascending';
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'numeric' : undefined}
                  aria-sort={c.sortable && sorted ? direction : undefined}
                >
                  {c.sortable ? (
                    <button type="button" className="grid__sort" onClick={() => props.onSort(c.key)}>
                      {c.header}
                      <span className="grid__arrow" aria-hidden="true">
                        {sorted ? (props.sort.descending ? '▼' : '▲') : '↕'}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length + (selectable ? 1 : 0)} className="empty">
                {props.empty}
              </td>
            </tr>
          )}
          {rows.map((row) => {
            const id = props.rowKey(row);
            const chosen = selectable ? isSelected(selectable.selection, id) : false;
            return (
              <tr key={id} className={chosen ? 'grid__row--selected' : undefined}>
                {selectable && (
                  <td className="grid__select">
                    <input
                      type="checkbox"
                      className="grid__check"
                      aria-label={t('table.selectRow', { row: props.rowLabel(row) })}
                      checked={chosen}
                      onChange={() => selectable.dispatch({ type: 'toggle', id })}
                    />
                  </td>
                )}
                {columns.map((c, i) =>
                  i === 0 ? (
                    <th key={c.key} scope="row" className={cellClass(c)}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.key} className={cellClass(c)}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
