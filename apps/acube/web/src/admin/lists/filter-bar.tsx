// The filters of an admin list, applied together with one button (each apply is one history
// entry, so Back returns to the previous filter). The fields start from the URL; the bar is
// remounted (keyed by the filters) when Back or a link changes them.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import type { FormEvent } from 'react';

export interface ChoiceFilter {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
}

export function FilterBar(props: {
  filters: Record<string, string>;
  statuses: readonly { value: string; label: string }[];
  /** More choices beyond the status: the session type, the event. */
  choices?: readonly ChoiceFilter[];
  /** What the text search looks in, when not a name, an email or a reference. */
  searchLabel?: string;
  onApply(filters: Record<string, string>): void;
}) {
  const { t } = useI18n();
  const f = props.filters;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: Record<string, string> = {};
    for (const [name, value] of data)
      if (typeof value === 'string' && value.trim()) next[name] = value.trim();
    props.onApply(next);
  };
  const select = (name: string, label: string, options: readonly { value: string; label: string }[]) => (
    <div className="field" key={name}>
      <label className="field__label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <select id={`filter-${name}`} name={name} className="input" defaultValue={f[name] ?? ''}>
        <option value="">{t('lists.filter.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <search aria-label={t('lists.filter.title')}>
      <form className="filter-bar" onSubmit={submit}>
        <div className="field filter-bar__search">
          <label className="field__label" htmlFor="filter-q">
            {props.searchLabel ?? t('lists.filter.q')}
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            className="input"
            defaultValue={f.q ?? ''}
            maxLength={200}
          />
        </div>
        {select('status', t('lists.filter.status'), props.statuses)}
        {props.choices?.map((c) => select(c.name, c.label, c.options))}
        {
          <>
            <div className="field">
              <label className="field__label" htmlFor="filter-created_from">
                {t('lists.filter.createdFrom')}
              </label>
              <input
                id="filter-created_from"
                name="created_from"
                type="date"
                className="input"
                defaultValue={f.created_from ?? ''}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor="filter-created_to">
                {t('lists.filter.createdTo')}
              </label>
              <input
                id="filter-created_to"
                name="created_to"
                type="date"
                className="input"
                defaultValue={f.created_to ?? ''}
              />
            </div>
          </>
        }
        <div className="filter-bar__actions">
          <button type="submit" className="button">
            {t('lists.filter.apply')}
          </button>
          {Object.keys(f).length > 0 && (
            <button type="button" className="button button--secondary" onClick={() => props.onApply({})}>
              {t('lists.filter.clear')}
            </button>
          )}
        </div>
      </form>
    </search>
  );
}
