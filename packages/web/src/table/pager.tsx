// Where a paged list stands ("51–75 of 250", said again when it changes) and the way through
// it: first, previous, next, last, and how many rows a page shows. At either end the buttons
// say they are unavailable but keep the focus, so a keyboard user is not thrown to the top.

import { useId } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { lastPage, pageRange } from './url-state.ts';

export function Pager(props: {
  page: number;
  pageSize: number;
  pageSizes: readonly number[];
  total: number;
  onPage(page: number): void;
  onPageSize(size: number): void;
}) {
  const { t, number } = useI18n();
  const sizeId = useId();
  const { page, pageSize, total } = props;
  const last = lastPage(total, pageSize);
  const range = pageRange(page, pageSize, total);
  const step = (to: number, label: string, disabled: boolean) => (
    <button
      type="button"
      className="button button--secondary pager__button"
      aria-disabled={disabled || undefined}
      onClick={() => {
        if (!disabled) props.onPage(to);
      }}
    >
      {label}
    </button>
  );
  return (
    <nav className="pager" aria-label={t('table.pagination')}>
      <p className="pager__range" aria-live="polite">
        {range
          ? t('table.range', { first: number(range.first), last: number(range.last), total: number(total) })
          : t('table.rangeNone', { total: number(total) })}
      </p>
      <div className="pager__buttons">
        {step(1, t('table.first'), page <= 1)}
        {step(Math.min(page - 1, last), t('table.previous'), page <= 1)}
        <span className="pager__page">{t('table.pageOf', { page: number(page), pages: number(last) })}</span>
        {step(page + 1, t('table.next'), page >= last)}
        {step(last, t('table.last'), page >= last)}
      </div>
      <div className="pager__size">
        <label htmlFor={sizeId}>{t('table.pageSize')}</label>
        <select
          id={sizeId}
          className="input input--inline"
          value={pageSize}
          onChange={(e) => props.onPageSize(Number(e.currentTarget.value))}
        >
          {props.pageSizes.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
    </nav>
  );
}
