// A row's status, changeable from the list: the current one chosen in a select, and a Save
// button that appears once another is chosen (nothing is sent while the admin moves through
// the options with the arrow keys).
import { ApiError } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { adminApi } from '../admin-api.ts';

export function StatusCell(props: {
  /** The route that takes { status } with PATCH. */
  path: string;
  current: string;
  /** The row's name for a screen reader ("VOL-1234"). */
  rowLabel: string;
  statuses: readonly { value: string; label: string }[];
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [chosen, setChosen] = useState(props.current);
  const save = useMutation({
    mutationFn: (status: string) => adminApi(props.path, { method: 'PATCH', body: { status } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin-list'] }),
  });
  const changed = chosen !== props.current;
  return (
    <form
      className="status-cell"
      onSubmit={(e) => {
        e.preventDefault();
        if (changed && !save.isPending) save.mutate(chosen);
      }}
    >
      <select
        className="input input--inline"
        aria-label={t('lists.statusOf', { row: props.rowLabel })}
        value={chosen}
        onChange={(e) => {
          save.reset();
          setChosen(e.currentTarget.value);
        }}
      >
        {props.statuses.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      {changed && (
        <button type="submit" className="button pager__button" aria-disabled={save.isPending || undefined}>
          {t('lists.save')}
        </button>
      )}
      <span role="status" className="status-cell__note">
        {save.isError
          ? save.error instanceof ApiError && save.error.status === 403
            ? t('errors.forbidden')
            : t('errors.unexpected')
          : ''}
      </span>
    </form>
  );
}
