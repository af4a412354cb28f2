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

/** The attributes every control gets from its shell: the label's target, and its error/hint links. */
interface ControlProps {
  id: string;
  required: boolean | undefined;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** Label, required marker, hint and error around one control. */
function FieldShell({ base, children }: { base: BaseProps; children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  const { label, error, hint, required, className } = base;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {children({ id, required, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, error, hint) })}
      <Extras id={id} error={error} hint={hint} />
    </div>
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
  const { label, error, hint, required, value, onChange, type = 'text', className, ...rest } = props;
  return (
    <FieldShell base={{ label, error, hint, required, className }}>
      {(control) => <input {...control} type={type} value={value} onChange={(e) => onChange(e.target.value)} {...rest} />}
    </FieldShell>
  );
}

export function TextArea(
  props: BaseProps & { value: string; onChange: (value: string) => void; rows?: number; disabled?: boolean; dir?: string; lang?: string; readOnly?: boolean },
) {
  const { label, error, hint, required, value, onChange, rows = 4, className, ...rest } = props;
  return (
    <FieldShell base={{ label, error, hint, required, className }}>
      {(control) => <textarea {...control} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} {...rest} />}
    </FieldShell>
  );
}

export function SelectField(
  props: BaseProps & { value: string; onChange: (value: string) => void; options: Array<{ value: string; label: string }>; disabled?: boolean },
) {
  const { label, error, hint, required, value, onChange, options, className, disabled } = props;
  return (
    <FieldShell base={{ label, error, hint, required, className }}>
      {(control) => (
        <select {...control} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
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
