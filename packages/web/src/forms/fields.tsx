// Form fields in the GOV.UK manner: a visible label, an optional hint, the error above the
// input, all tied to the input by id and aria-describedby, and an error summary at the top of
// the form that takes the focus and links to each field. Forms show the API's own messages
// (see fieldErrors); the browser's checks are only for speed.
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useEffect,
  useId,
  useRef,
} from 'react';
import type { ApiError } from '../api/client.ts';

export interface FieldError {
  /** The id of the input the message is about; empty for a message about the whole form. */
  fieldId: string;
  message: string;
}

/** Label, hint and error around one control, all tied to it by id and aria-describedby. */
function Field(props: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  control(described: { 'aria-invalid'?: true; 'aria-describedby'?: string }): ReactNode;
}) {
  const { id, hint, error } = props;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {props.label}
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
      {props.control({
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
    </div>
  );
}

interface FieldProps {
  id?: string;
  label: string;
  hint?: ReactNode;
  error?: string;
}

export function TextField(
  props: FieldProps & { inputClassName?: string } & Omit<
      InputHTMLAttributes<HTMLInputElement>,
      'id' | 'className'
    >,
) {
  const { id: givenId, label, hint, error, inputClassName, ...input } = props;
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      error={error}
      control={(aria) => <input id={id} className={inputClassName ?? 'input'} {...aria} {...input} />}
    />
  );
}

export function TextAreaField(
  props: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>,
) {
  const { id: givenId, label, hint, error, ...area } = props;
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      error={error}
      control={(aria) => <textarea id={id} className="input" {...aria} {...area} />}
    />
  );
}

export function SelectField(
  props: FieldProps & { children: ReactNode } & Omit<
      SelectHTMLAttributes<HTMLSelectElement>,
      'id' | 'className'
    >,
) {
  const { id: givenId, label, hint, error, children, ...select } = props;
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      error={error}
      control={(aria) => (
        <select id={id} className="input" {...aria} {...select}>
          {children}
        </select>
      )}
    />
  );
}

export function CheckboxField(
  props: { id?: string; label: string; hint?: ReactNode } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    'id' | 'type' | 'className'
  >,
) {
  const { id: givenId, label, hint, ...input } = props;
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <div className="field field--checkbox">
      <input id={id} type="checkbox" aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      )}
    </div>
  );
}

/**
 * The list of what is wrong, at the top of the form. It takes the focus when it appears or
 * changes, so the person hears it at once; each message links to its field.
 */
export function ErrorSummary(props: { title: string; errors: FieldError[] }) {
  const box = useRef<HTMLDivElement>(null);
  const key = props.errors.map((e) => `${e.fieldId}:${e.message}`).join('|');
  useEffect(() => {
    if (key) box.current?.focus();
  }, [key]);
  if (props.errors.length === 0) return null;
  return (
    <div ref={box} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {props.title}
      </h2>
      <ul>
        {props.errors.map((e) => (
          <li key={`${e.fieldId}:${e.message}`}>
            {e.fieldId ? (
              <a
                href={`#${e.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(e.fieldId)?.focus();
                }}
              >
                {e.message}
              </a>
            ) : (
              e.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The API's validation details as field errors: `fields` maps the API's field path
 * ('body.school_number') to the input's id. Details about other fields, and errors without
 * details, become one message about the whole form, in `fallback`'s words when given.
 */
export function fieldErrors(
  error: ApiError,
  fields: Record<string, string>,
  fallback?: (error: ApiError) => string,
): FieldError[] {
  const mapped = error.details
    .filter((d) => d.field && fields[d.field])
    .map((d) => ({ fieldId: fields[d.field as string] as string, message: fallback?.(error) ?? d.message }));
  if (mapped.length > 0) return mapped;
  return [{ fieldId: '', message: fallback?.(error) ?? error.message }];
}
