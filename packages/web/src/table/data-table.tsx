// A plain, accessible data table: a caption (visible or for screen readers only), header cells
// with scope, and a message when there are no rows. Sorting and paging, where a screen needs
// them, live in the URL of that screen.
import { type ReactNode, useId } from 'react';
import { ScrollRegion } from './scroll-region.tsx';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell(row: T): ReactNode;
  /** Right-aligned numbers. */
  numeric?: boolean;
}

export function DataTable<T>(props: {
  caption: ReactNode;
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey(row: T): string;
  empty: ReactNode;
  rowClassName?(row: T): string | undefined;
}) {
  const captionId = useId();
  if (props.rows.length === 0) return <p className="empty">{props.empty}</p>;
  return (
    <ScrollRegion className="table-wrap" labelledBy={captionId}>
      <table className="data-table">
        <caption id={captionId} className={props.captionHidden ? 'visually-hidden' : undefined}>
          {props.caption}
        </caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'numeric' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)} className={props.rowClassName?.(row)}>
              {props.columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.key} scope="row" className={c.numeric ? 'numeric' : undefined}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={c.numeric ? 'numeric' : undefined}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
