// The code typed from the screen: one field and one button. Digits only (a pasted "123 456"
// loses its space); the numeric keyboard on a phone; the API decides whether the code is right.
import { ErrorSummary, TextField } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { type ClipboardEvent, type FormEvent, useState } from 'react';

const digits = (text: string) => text.replace(/\s+/g, '');

export function CodeForm(props: {
  /** Unique on the page: the input's id is `${idPrefix}-code`. */
  idPrefix: string;
  pending: boolean;
  /** The API's refusal, in words. */
  error?: string;
  onSubmit(code: string): void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [local, setLocal] = useState<string>();
  const inputId = `${props.idPrefix}-code`;
  const error = local ?? props.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (props.pending) return;
    const value = digits(code);
    const problem = !value
      ? t('checkin.errors.codeMissing')
      : /^\d{6}$/.test(value)
        ? undefined
        : t('checkin.errors.codeFormat');
    setLocal(problem);
    if (!problem) props.onSubmit(value);
  };
  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    // maxLength would cut "123 456" to "123 45" before onChange sees it.
    event.preventDefault();
    setCode(digits(event.clipboardData.getData('text')).slice(0, 6));
  };

  return (
    <form className="code-form" onSubmit={submit} noValidate aria-busy={props.pending}>
      <ErrorSummary
        title={t('forms.errorSummary')}
        errors={error ? [{ fieldId: inputId, message: error }] : []}
      />
      <TextField
        id={inputId}
        name="code"
        label={t('checkin.codeLabel')}
        hint={t('checkin.codeHint')}
        error={error}
        inputClassName="input code-input"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        maxLength={6}
        spellCheck={false}
        value={code}
        onChange={(e) => setCode(digits(e.target.value))}
        onPaste={paste}
      />
      <button type="submit" className="button button--wide button--big" disabled={props.pending}>
        {props.pending ? t('checkin.checking') : t('checkin.submit')}
      </button>
    </form>
  );
}
