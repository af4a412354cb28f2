// Labelled form controls: every input has a visible label, its error and hint are linked via aria-describedby.
import { type ReactNode, useId } from 'react';

interface BaseProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  className?: string;
}

function describedBy(id: string, error?: string, hint?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function Extras({ id, error, hint }: { id: string; error?: string | undefined; hint?: string | undefined }) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField(
  props: BaseProps & {
    value: string;
    onChange: (value: string) => void;
    type?: string;
    autoComplete?: string;
    name?: string;
    inputMode?: 'numeric' | 'decimal' | 'text' | 'email' | 'tel' | 'url';
    placeholder?: string;
    disabled?: boolean;
    dir?: string;
    lang?: string;
  },
) {
  const id = useId();
  const { label, error, hint, required, value, onChange, type = 'text', className, ...rest } = props;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        type={type}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => onChange(e.target.value)}
        {...rest}
      />
      <Extras id={id} error={error} hint={hint} />
    </div>
  );
}

export function TextArea(
  props: BaseProps & { value: string; onChange: (value: string) => void; rows?: number; disabled?: boolean; dir?: string; lang?: string; readOnly?: boolean },
) {
  const id = useId();
  const { label, error, hint, required, value, onChange, rows = 4, className, ...rest } = props;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => onChange(e.target.value)}
        {...rest}
      />
      <Extras id={id} error={error} hint={hint} />
    </div>
  );
}

export function SelectField(
  props: BaseProps & { value: string; onChange: (value: string) => void; options: Array<{ value: string; label: string }>; disabled?: boolean },
) {
  const id = useId();
  const { label, error, hint, required, value, onChange, options, className, disabled } = props;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Extras id={id} error={error} hint={hint} />
    </div>
  );
}

export function Checkbox(props: { label: ReactNode; checked: boolean; onChange: (checked: boolean) => void; hint?: string; error?: string | undefined; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="check">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.error, props.hint)}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      <Extras id={id} error={props.error} hint={props.hint} />
    </div>
  );
}

/** A group of checkboxes for a multi-select (ids), as a fieldset with a legend. */
export function CheckboxGroup(props: {
  legend: string;
  options: Array<{ value: string; label: string }>;
  selected: string[];
  onChange: (selected: string[]) => void;
  error?: string | undefined;
  hint?: string;
  columns?: boolean;
}) {
  const id = useId();
  const toggle = (value: string, on: boolean) =>
    props.onChange(on ? [...props.selected, value] : props.selected.filter((v) => v !== value));
  return (
    <fieldset className="group" aria-describedby={describedBy(id, props.error, props.hint)}>
      <legend>{props.legend}</legend>
      <div className={props.columns === false ? 'checks' : 'checks columns'}>
        {props.options.map((o) => (
          <Checkbox key={o.value} label={o.label} checked={props.selected.includes(o.value)} onChange={(on) => toggle(o.value, on)} />
        ))}
      </div>
      <Extras id={id} error={props.error} hint={props.hint} />
    </fieldset>
  );
}
