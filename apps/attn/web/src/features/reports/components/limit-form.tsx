// The course's absence limit: a percentage of the sessions, and the sessions planned this term
// (left empty: the sessions held so far). Its teachers change it here.
import { ApiError } from '@campus/web/api/client.ts';
import { TextField } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { Status } from '@campus/web/layout/app-shell.tsx';
import { type FormEvent, useState } from 'react';
import { errorText } from '../../sessions/components/error-text.ts';
import { type Limit, useSetAbsenceLimit } from '../teacher-reports.api.ts';

export function LimitForm(props: { courseId: string; limit: Limit }) {
  const i18n = useI18n();
  const { t } = i18n;
  const save = useSetAbsenceLimit(props.courseId);
  const [percent, setPercent] = useState(String(props.limit.percent));
  const [planned, setPlanned] = useState(
    props.limit.planned_sessions ? String(props.limit.planned_sessions) : '',
  );
  const [saved, setSaved] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate(
      { percent: Number(percent), planned_sessions: planned ? Number(planned) : null },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <form className="limit-form" onSubmit={submit} noValidate={false}>
      <TextField
        id="limit-percent"
        label={t('report.limit.percent')}
        inputClassName="input input--short"
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        required
        value={percent}
        onChange={(e) => setPercent(e.target.value)}
      />
      <TextField
        id="limit-planned"
        label={t('report.limit.planned')}
        hint={t('report.limit.plannedHint')}
        inputClassName="input input--short"
        type="number"
        inputMode="numeric"
        min={1}
        max={500}
        value={planned}
        onChange={(e) => setPlanned(e.target.value)}
      />
      <button type="submit" className="button button--secondary" disabled={save.isPending}>
        {t('report.limit.save')}
      </button>
      <Status>{saved ? t('report.limit.saved') : ''}</Status>
      {save.isError && (
        <p className="notice notice--error" role="alert">
          {save.error instanceof ApiError && save.error.status === 400
            ? t('report.limit.invalid')
            : errorText(save.error, i18n, 'report')}
        </p>
      )}
    </form>
  );
}
