// What a roster check or import answered: the problems, one row per line and field, in the
// API's words; and the counts of what was (or would be) created, updated or left unchanged.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { DataTable } from '@campus/web/table/data-table.tsx';
import type { ImportResult } from '../admin.api.ts';
import { ScrollBox } from './scroll-box.tsx';

export function ImportErrors(props: { result: ImportResult }) {
  const { t, number } = useI18n();
  const { errors, error_count } = props.result;
  return (
    <>
      <ScrollBox label={t('admin.import.errorsCaption')}>
        <DataTable
          caption={t('admin.import.errorsCaption')}
          columns={[
            {
              key: 'line',
              header: t('admin.import.columnsLine'),
              cell: (e) => number(e.line),
              numeric: true,
            },
            { key: 'field', header: t('admin.import.columnsField'), cell: (e) => <code>{e.field}</code> },
            { key: 'message', header: t('admin.import.columnsProblem'), cell: (e) => e.message },
          ]}
          rows={errors}
          rowKey={(e) => `${e.line}:${e.field}:${e.message}`}
          empty=""
        />
      </ScrollBox>
      {error_count > errors.length && (
        <p className="muted">{t('admin.import.moreErrors', { n: number(error_count - errors.length) })}</p>
      )}
    </>
  );
}

const KINDS = ['terms', 'courses', 'users', 'teachers', 'enrollments'] as const;

export function ImportSummary(props: { result: ImportResult; caption: string }) {
  const { t, number } = useI18n();
  const rows = KINDS.map((kind) => ({ kind, ...props.result.summary[kind] }));
  return (
    <ScrollBox label={props.caption}>
      <DataTable
        caption={props.caption}
        columns={[
          {
            key: 'kind',
            header: t('admin.import.columnsKind'),
            cell: (r) => t(`admin.import.kinds.${r.kind}`),
          },
          {
            key: 'created',
            header: t('admin.import.created'),
            cell: (r) => number(r.created),
            numeric: true,
          },
          {
            key: 'updated',
            header: t('admin.import.updated'),
            cell: (r) => number(r.updated),
            numeric: true,
          },
          {
            key: 'unchanged',
            header: t('admin.import.unchanged'),
            cell: (r) => number(r.unchanged),
            numeric: true,
          },
        ]}
        rows={rows}
        rowKey={(r) => r.kind}
        empty=""
      />
    </ScrollBox>
  );
}
