import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { useFieldError } from './settings-field-errors.js';

type Described = { 'aria-invalid'?: boolean; 'aria-describedby'?: string };

/**
 * A labelled settings input with an optional one-line hint; when the core refused the value (see
 * FieldErrorsContext), the field says why under the input and marks it invalid.
 */
export function Field({
  label,
  id,
  hint,
  children,
}: {
  label: string;
  id: string;
  hint?: string;
  children: ReactNode;
}) {
  const error = useFieldError(id);
  const errorId = `${id}-error`;
  const input =
    error && isValidElement(children)
      ? cloneElement(children as ReactElement<Described>, {
          'aria-invalid': true,
          'aria-describedby': errorId,
        })
      : children;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {input}
      {error && (
        <small id={errorId} className="text-error">
          {error}
        </small>
      )}
      {hint && <small className="muted">{hint}</small>}
    </div>
  );
}

/** A labelled checkbox. */
export function Check({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <div className="check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
