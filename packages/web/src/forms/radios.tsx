// A question with one answer among a few, in the GOV.UK manner: a fieldset whose legend is the
// question, a hint and the error tied to it, and one labelled radio a choice. The first radio's
// id is the field's id, so an error summary's link lands on the group.
import type { ReactNode } from 'react';

export interface RadioChoice {
  value: string;
  label: string;
}

export function RadioGroupField(props: {
  /** The first radio's id; the others get `-<value>` after it. */
  id: string;
  name: string;
  legend: string;
  choices: RadioChoice[];
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  /** Told each new choice, for a form that changes with it (the radios stay uncontrolled). */
  onChange?(value: string): void;
}) {
  const { id, hint, error } = props;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      className={`field radios${error ? ' field--error' : ''}`}
      aria-describedby={described || undefined}
    >
      <legend className="field__label">{props.legend}</legend>
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
      {props.choices.map((choice, index) => {
        const radioId = index === 0 ? id : `${id}-${choice.value}`;
        return (
          <div key={choice.value} className="radios__item">
            <input
              id={radioId}
              type="radio"
              name={props.name}
              value={choice.value}
              defaultChecked={props.defaultValue === choice.value}
              onChange={props.onChange ? () => props.onChange?.(choice.value) : undefined}
            />
            <label htmlFor={radioId}>{choice.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
