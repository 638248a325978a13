// The form that opens an attendance session: duration, when check-ins count as late, how often
// the code changes, whether a selfie is needed, the networks check-ins must come from, and a
// title. Quick checks here; the API's refusals are shown by field, in the teacher's language.
import { ApiError } from '@campus/web/api/client.ts';
import {
  CheckboxField,
  ErrorSummary,
  type FieldError,
  SelectField,
  TextAreaField,
  TextField,
} from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { errorText } from '../../sessions/components/error-text.ts';
import { type OpenSessionBody, useOpenSession } from '../courses.api.ts';

const IDS = {
  duration: 'open-duration',
  late: 'open-late-after',
  step: 'open-code-step',
  selfie: 'open-selfie',
  networks: 'open-networks',
  title: 'open-title',
} as const;

/** The API's field path → [input id, message key]. */
const API_FIELDS: Record<string, [string, string]> = {
  'body.duration_minutes': [IDS.duration, 'courses.open.errors.duration'],
  'body.late_after_minutes': [IDS.late, 'courses.open.errors.late'],
  'body.code_step_seconds': [IDS.step, 'courses.open.errors.step'],
  'body.selfie_required': [IDS.selfie, ''],
  'body.allowed_networks': [IDS.networks, 'courses.open.errors.networksTooMany'],
  'body.title': [IDS.title, 'courses.open.errors.title'],
};

const STEPS = [10, 15, 20, 30, 60];

const wholeNumber = (text: string, min: number, max: number) => {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
};

export function OpenSessionForm(props: { courseId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const open = useOpenSession(props.courseId);
  const [, navigate] = useLocation();
  const [errors, setErrors] = useState<FieldError[]>([]);

  const fromApi = (err: unknown, networks: string[]): FieldError[] => {
    if (err instanceof ApiError && err.status === 400 && err.details.length > 0) {
      const mapped = err.details.flatMap((d): FieldError[] => {
        const network = d.field?.match(/^body\.allowed_networks\.(\d+)$/);
        if (network)
          return [
            {
              fieldId: IDS.networks,
              message: t('courses.open.errors.network', { value: networks[Number(network[1])] ?? '' }),
            },
          ];
        const known = d.field ? API_FIELDS[d.field] : undefined;
        if (!known) return [];
        return [{ fieldId: known[0], message: known[1] ? t(known[1]) : d.message }];
      });
      if (mapped.length > 0) return mapped;
    }
    return [{ fieldId: '', message: errorText(err, i18n, 'courses.open') }];
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const found: FieldError[] = [];
    const duration = wholeNumber(text('duration_minutes'), 1, 600);
    if (duration === null) found.push({ fieldId: IDS.duration, message: t('courses.open.errors.duration') });
    const lateText = text('late_after_minutes');
    const late = lateText ? wholeNumber(lateText, 0, 600) : undefined;
    if (late === null) found.push({ fieldId: IDS.late, message: t('courses.open.errors.late') });
    const networks = text('allowed_networks')
      .split(/[\n,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (networks.length > 32)
      found.push({ fieldId: IDS.networks, message: t('courses.open.errors.networksTooMany') });
    setErrors(found);
    if (found.length > 0 || duration === null || late === null) return;
    const title = text('title');
    const body: OpenSessionBody = {
      duration_minutes: duration,
      code_step_seconds: Number(text('code_step_seconds')) || 10,
      selfie_required: data.get('selfie_required') === 'on',
      allowed_networks: networks,
      ...(late !== undefined ? { late_after_minutes: late } : {}),
      ...(title ? { title } : {}),
    };
    open.mutate(body, {
      onSuccess: (session) => navigate(`/teacher/sessions/${session.id}`),
      onError: (err) => setErrors(fromApi(err, networks)),
    });
  };

  const errorFor = (id: string) =>
    errors
      .filter((e) => e.fieldId === id)
      .map((e) => e.message)
      .join(' ') || undefined;

  return (
    <form className="form open-session" onSubmit={submit} noValidate aria-busy={open.isPending}>
      <ErrorSummary title={t('forms.errorSummary')} errors={errors} />
      <TextField
        id={IDS.duration}
        name="duration_minutes"
        label={t('courses.open.duration')}
        hint={t('courses.open.durationHint')}
        inputMode="numeric"
        defaultValue="60"
        required
        inputClassName="input input--short"
        error={errorFor(IDS.duration)}
      />
      <TextField
        id={IDS.late}
        name="late_after_minutes"
        label={t('courses.open.lateAfter')}
        hint={t('courses.open.lateAfterHint')}
        inputMode="numeric"
        inputClassName="input input--short"
        error={errorFor(IDS.late)}
      />
      <SelectField
        id={IDS.step}
        name="code_step_seconds"
        label={t('courses.open.codeStep')}
        hint={t('courses.open.codeStepHint')}
        defaultValue="10"
        error={errorFor(IDS.step)}
      >
        {STEPS.map((s) => (
          <option key={s} value={s}>
            {t('courses.open.seconds', { count: s })}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        id={IDS.selfie}
        name="selfie_required"
        label={t('courses.open.selfie')}
        hint={t('courses.open.selfieHint')}
      />
      <TextAreaField
        id={IDS.networks}
        name="allowed_networks"
        label={t('courses.open.networks')}
        hint={t('courses.open.networksHint')}
        rows={3}
        spellCheck={false}
        autoCapitalize="none"
        error={errorFor(IDS.networks)}
      />
      <TextField
        id={IDS.title}
        name="title"
        label={t('courses.open.titleLabel')}
        hint={t('courses.open.titleHint')}
        maxLength={200}
        error={errorFor(IDS.title)}
      />
      <button type="submit" className="button" disabled={open.isPending}>
        {open.isPending ? t('courses.open.submitting') : t('courses.open.submit')}
      </button>
    </form>
  );
}
