// Marking a student by hand (present or late) or removing a check-in: always with a reason,
// which the API keeps with the record. The API's refusal is shown in the dialog.
import { ApiError } from '@campus/web/api/client.ts';
import { ErrorSummary, type FieldError, TextField } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { type FormEvent, useState } from 'react';
import { type LiveCheckin, useMark, useUnmark } from '../sessions.api.ts';
import { errorText } from './error-text.ts';
import { Modal } from './modal.tsx';

export type Student = LiveCheckin['student'];
export type MarkAction = { kind: 'mark' | 'unmark'; student: Student };

const REASON_ID = 'mark-reason';

function MarkForm(props: {
  action: MarkAction;
  sessionId: string;
  open: boolean | undefined;
  onCancel(): void;
  onDone(): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const mark = useMark(props.sessionId, props.open);
  const unmark = useUnmark(props.sessionId, props.open);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { kind, student } = props.action;
  const pending = mark.isPending || unmark.isPending;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const reason = String(data.get('reason') ?? '').trim();
    if (!reason) {
      setErrors([{ fieldId: REASON_ID, message: t('live.marks.reasonMissing') }]);
      return;
    }
    if (reason.length > 500) {
      setErrors([{ fieldId: REASON_ID, message: t('live.marks.reasonTooLong') }]);
      return;
    }
    setErrors([]);
    const failed = (err: unknown) => {
      const onReason = err instanceof ApiError && err.details.some((d) => d.field === 'body.reason');
      setErrors([
        { fieldId: onReason ? REASON_ID : '', message: errorText(err, i18n, `live.marks.${kind}`) },
      ]);
    };
    if (kind === 'mark') {
      const status = data.get('status') === 'late' ? 'late' : 'present';
      mark.mutate({ student_id: student.id, status, reason }, { onSuccess: props.onDone, onError: failed });
    } else unmark.mutate({ studentId: student.id, reason }, { onSuccess: props.onDone, onError: failed });
  };

  return (
    <form onSubmit={submit} noValidate aria-busy={pending} className="mark-form">
      <ErrorSummary title={t('forms.errorSummary')} errors={errors} />
      <p>
        {student.full_name} <span className="muted">({student.school_number})</span>
      </p>
      {kind === 'mark' && (
        <fieldset className="radios">
          <legend>{t('live.marks.status')}</legend>
          <label className="radio">
            <input type="radio" name="status" value="present" defaultChecked /> {t('live.status.present')}
          </label>
          <label className="radio">
            <input type="radio" name="status" value="late" /> {t('live.status.late')}
          </label>
        </fieldset>
      )}
      <TextField
        id={REASON_ID}
        name="reason"
        label={t('live.marks.reason')}
        hint={t(kind === 'mark' ? 'live.marks.reasonHintMark' : 'live.marks.reasonHintUnmark')}
        required
        maxLength={500}
        autoComplete="off"
        error={errors.find((e) => e.fieldId === REASON_ID)?.message}
      />
      <div className="actions">
        <button
          type="submit"
          className={kind === 'mark' ? 'button' : 'button button--danger'}
          disabled={pending}
        >
          {t(kind === 'mark' ? 'live.marks.save' : 'live.marks.remove')}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function MarkDialog(props: {
  action: MarkAction | null;
  sessionId: string;
  open: boolean | undefined;
  onClose(done: boolean): void;
  focusAfterDone(kind: MarkAction['kind']): HTMLElement | null;
}) {
  const { t } = useI18n();
  const [last, setLast] = useState<MarkAction | null>(null);
  const [done, setDone] = useState(false);
  const action = props.action ?? last;
  if (props.action && props.action !== last) {
    setLast(props.action);
    setDone(false);
  }
  const title = action
    ? t(action.kind === 'mark' ? 'live.marks.markTitle' : 'live.marks.unmarkTitle', {
        name: action.student.full_name,
      })
    : '';
  return (
    <Modal
      open={props.action !== null}
      title={title}
      onClose={() => props.onClose(false)}
      focusAfter={() => (done && action ? props.focusAfterDone(action.kind) : null)}
    >
      {action && (
        <MarkForm
          key={`${action.kind}:${action.student.id}`}
          action={action}
          sessionId={props.sessionId}
          open={props.open}
          onCancel={() => props.onClose(false)}
          onDone={() => {
            setDone(true);
            props.onClose(true);
          }}
        />
      )}
    </Modal>
  );
}
