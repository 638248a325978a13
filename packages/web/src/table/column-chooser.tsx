// "Columns": a disclosure (the platform's <details>, keyboard and screen reader ready) holding a
// checkbox per column that may be hidden. The choice is the table's, kept by useColumnChoice.
import { useI18n } from '../i18n/i18n.tsx';
import type { ColumnChoice } from './use-column-choice.ts';

export function ColumnChooser(props: {
  columns: readonly { key: string; header: string; fixed?: boolean }[];
  choice: ColumnChoice;
}) {
  const { t } = useI18n();
  return (
    <details className="column-chooser">
      <summary className="button button--secondary">{t('table.columns')}</summary>
      <fieldset className="column-chooser__panel">
        <legend className="visually-hidden">{t('table.columnsLegend')}</legend>
        {props.columns
          .filter((c) => !c.fixed)
          .map((c) => (
            <label key={c.key} className="column-chooser__item">
              <input
                type="checkbox"
                checked={props.choice.isVisible(c.key)}
                onChange={() => props.choice.toggle(c.key)}
              />{' '}
              {c.header}
            </label>
          ))}
      </fieldset>
    </details>
  );
}
