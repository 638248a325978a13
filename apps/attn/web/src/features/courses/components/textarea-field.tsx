// A multi-line field in the manner of packages/web's TextField: label, hint, error, all tied to
// the textarea by id and aria-describedby.
import type { TextareaHTMLAttributes } from 'react';

export function TextAreaField(
  props: { id: string; label: string; hint?: string; error?: string } & Omit<
    TextareaHTMLAttributes<HTMLTextAreaElement>,
    'id' | 'className'
  >,
) {
  const { id, label, hint, error, ...area } = props;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <textarea
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...area}
      />
    </div>
  );
}
