// Says what is selected and offers the step beyond the page: when every row shown is chosen and
// more match the filter, "Select all 250 matching"; once chosen, a way to clear it. A live
// region, so the count is heard as it changes.
import { useI18n } from '../i18n/i18n.tsx';
import { pageState, type Selection, type SelectionAction, selectedCount } from './selection.ts';

export function SelectionSummary(props: {
  selection: Selection;
  dispatch(action: SelectionAction): void;
  pageIds: readonly string[];
  total: number;
}) {
  const { t, number } = useI18n();
  const { selection, total } = props;
  const count = selectedCount(selection, total);
  const wholePage = selection.kind === 'rows' && pageState(selection, props.pageIds) === 'all';
  return (
    <div className="selection-summary" aria-live="polite">
      {count > 0 && (
        <p>
          {selection.kind === 'matching'
            ? t('table.allMatching', { count: total, total: number(total) })
            : t('table.selected', { count, n: number(count) })}{' '}
          {wholePage && total > count && (
            <button
              type="button"
              className="link-button"
              onClick={() => props.dispatch({ type: 'matching' })}
            >
              {t('table.selectMatching', { count: total, total: number(total) })}
            </button>
          )}{' '}
          <button type="button" className="link-button" onClick={() => props.dispatch({ type: 'clear' })}>
            {t('table.clearSelection')}
          </button>
        </p>
      )}
    </div>
  );
}
