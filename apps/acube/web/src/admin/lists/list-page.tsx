// One admin list, whatever the record: the filters, the table (sort, columns, selection), the
// pager, the CSV of the current filter, and the bulk bar with a running operation's progress.
// Everything a person would bookmark is in the URL; the rows are the API's answer for it.
import { ApiError } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { ColumnChooser } from '@campus/web/table/column-chooser.tsx';
import { DataGrid, type GridColumn } from '@campus/web/table/data-grid.tsx';
import { Pager } from '@campus/web/table/pager.tsx';
import { SelectionSummary } from '@campus/web/table/selection-bar.tsx';
import { filterKey, lastPage, type TableSpec } from '@campus/web/table/url-state.ts';
import { useColumnChoice } from '@campus/web/table/use-column-choice.ts';
import { useSelection } from '@campus/web/table/use-selection.ts';
import { useTableUrl } from '@campus/web/table/use-table-url.ts';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import '@campus/web/table/table.css';
import { adminDownload, allows, useAdmin } from '../admin-api.ts';
import { BulkBar } from './bulk-bar.tsx';
import { BulkProgress } from './bulk-progress.tsx';
import { type ChoiceFilter, FilterBar } from './filter-bar.tsx';
import { type BulkEntity, listPageQuery } from './lists.api.ts';

export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** A list's table spec: its filters and sortable columns, pages of 25 unless chosen. */
export function tableSpec(
  filters: readonly string[],
  sortable: readonly string[],
  defaultSort: string,
): TableSpec {
  return {
    filters: ['q', 'status', 'created_from', 'created_to', ...filters],
    sortable,
    defaultSort,
    pageSizes: PAGE_SIZES,
    defaultPageSize: 25,
  };
}

export interface ListDefinition<T> {
  /** The table's name: its remembered columns, its words under lists.<id>. */
  id: 'bookings' | 'events' | 'registrations' | 'volunteers' | 'contact';
  /** The list route. */
  path: string;
  spec: TableSpec;
  statuses: readonly string[];
  choices?: readonly ChoiceFilter[];
  columns: GridColumn<T>[];
  defaultHidden?: readonly string[];
  rowKey(row: T): string;
  rowLabel(row: T): string;
  /** The bulk routes' name for these records; none: no selection. */
  bulk?: BulkEntity;
  /** The export route's name for these records. */
  exportEntity: string;
}

export function ListPage<T>(props: { definition: ListDefinition<T>; actions?: ReactNode }) {
  const { t, number } = useI18n();
  const def = props.definition;
  const url = useTableUrl(def.spec);
  const { state } = url;
  const { role } = useAdmin();
  const columns = useColumnChoice(
    def.id,
    def.columns.map((c) => c.key),
    def.defaultHidden,
  );
  const [selection, dispatch] = useSelection(filterKey(state.filters));
  const { data, error, isPending, isPlaceholderData, isFetching } = useQuery(
    listPageQuery<T>(def.path, state),
  );
  const [download, setDownload] = useState<{ kind: 'busy' | 'done' | 'error'; text: string } | null>(null);
  const [freeText, setFreeText] = useState(false);
  const operation = url.param('operation');
  const statusOptions = def.statuses.map((s) => ({ value: s, label: t(`lists.status.${s}`) }));
  const title = t(`lists.${def.id}.title`);
  const superadmin = allows(role, 'superadmin');

  const csv = async () => {
    const query = new URLSearchParams(state.filters);
    query.set('sort', `${state.sort.descending ? '-' : ''}${state.sort.column}`);
    if (freeText && superadmin) query.set('include_free_text', 'true');
    setDownload({ kind: 'busy', text: t('lists.csv.busy') });
    try {
      const name = await adminDownload(`/api/admin/bulk/export/${def.exportEntity}?${query}`);
      setDownload({ kind: 'done', text: t('lists.csv.done', { name }) });
    } catch (err) {
      setDownload({
        kind: 'error',
        text: err instanceof ApiError && err.status === 429 ? t('lists.csv.tooMany') : t('errors.unexpected'),
      });
    }
  };

  const total = data?.total ?? 0;
  // Past the last page (records changed or went since the link was made): the last page instead.
  const last = data && !isPlaceholderData ? lastPage(data.total, state.pageSize) : null;
  useEffect(() => {
    if (last !== null && state.page > last) url.replacePage(last);
  }, [last, state.page, url]);
  const rows = data?.items ?? [];
  const visible = def.columns.filter((c) => c.fixed || columns.isVisible(c.key));

  return (
    <>
      <PageTitle title={title} appName={t('shell.appName')} />
      {props.actions}
      <FilterBar
        key={filterKey(state.filters)}
        filters={state.filters}
        statuses={statusOptions}
        choices={def.choices}
        searchLabel={def.id === 'events' || def.id === 'registrations' ? t(`lists.${def.id}.q`) : undefined}
        onApply={url.setFilters}
      />
      {operation && <BulkProgress id={operation} onClose={() => url.setParam('operation', null)} />}
      <div className="table-tools">
        <p className="table-tools__count" role="status">
          {data ? t('lists.matching', { count: total, n: number(total) }) : ''}
        </p>
        <div className="actions table-tools__actions">
          {superadmin && (
            <label className="table-tools__free-text">
              <input
                type="checkbox"
                checked={freeText}
                onChange={(e) => setFreeText(e.currentTarget.checked)}
              />{' '}
              {t('lists.csv.freeText')}
            </label>
          )}
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={download?.kind === 'busy' || undefined}
            onClick={() => {
              if (download?.kind !== 'busy') void csv();
            }}
          >
            {t('lists.csv.button')}
          </button>
          <ColumnChooser columns={def.columns} choice={columns} />
        </div>
      </div>
      <div aria-live="polite">
        {download && download.kind !== 'busy' && (
          <p className={`notice notice--${download.kind === 'done' ? 'success' : 'error'}`}>
            {download.text}
          </p>
        )}
      </div>
      {def.bulk && (
        <>
          <SelectionSummary
            selection={selection}
            dispatch={dispatch}
            pageIds={rows.map(def.rowKey)}
            total={total}
          />
          <BulkBar
            entity={def.bulk}
            noun={(count) => t(`lists.${def.id}.noun`, { count })}
            selection={selection}
            filters={state.filters}
            total={total}
            statuses={statusOptions}
            canDelete={superadmin}
            onCleared={() => dispatch({ type: 'clear' })}
            onOperation={(id) => url.setParam('operation', id)}
          />
        </>
      )}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error instanceof ApiError && error.status === 403 ? t('errors.forbidden') : t('errors.unexpected')}
        </p>
      ) : isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <DataGrid
            caption={title}
            columns={visible}
            rows={rows}
            rowKey={def.rowKey}
            rowLabel={def.rowLabel}
            sort={state.sort}
            onSort={url.sortBy}
            selectable={def.bulk ? { selection, dispatch } : undefined}
            empty={t('lists.empty')}
            busy={isFetching}
          />
          <Pager
            page={state.page}
            pageSize={state.pageSize}
            pageSizes={def.spec.pageSizes}
            total={total}
            onPage={url.setPage}
            onPageSize={url.setPageSize}
          />
        </>
      )}
    </>
  );
}
