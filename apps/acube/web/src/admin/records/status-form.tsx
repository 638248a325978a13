// A record's status, changed on its own page: the choice starts at the current status, and Save
// does nothing until another one is chosen. Key it on the record's status so it starts afresh.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useId, useState } from 'react';

export function StatusForm(props: {
  current: string;
  statuses: readonly string[];
  title: string;
  save: string;
  pending: boolean;
  onChoose?(): void;
  onSubmit(status: string): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [status, setStatus] = useState(props.current);
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (status !== props.current && !props.pending) props.onSubmit(status);
      }}
    >
      <h2>{props.title}</h2>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('lists.col.status')}
        </label>
        <select
          id={id}
          className="input"
          value={status}
          onChange={(e) => {
            props.onChoose?.();
            setStatus(e.currentTarget.value);
          }}
        >
          {props.statuses.map((s) => (
            <option key={s} value={s}>
              {t(`lists.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="button"
        aria-disabled={props.pending || status === props.current || undefined}
      >
        {props.save}
      </button>
    </form>
  );
}
