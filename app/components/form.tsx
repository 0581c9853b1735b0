import { createContext, useContext, useState, type ReactNode } from "react";
import { Form, useActionData, useLocation, useNavigation, type FormProps } from "react-router";
import type { Message, MessageKey } from "../../i18n/index.ts";
import { useCsrfToken, useMessage, useT } from "../lib/i18n.ts";

export type FieldErrors = Record<string, Message> | undefined;

const FieldIdScope = createContext("");

/**
 * Fields within are given ids of their own (`field-<scope>-<name>`), for a form whose field names
 * another form on the same page also uses: one id twice would let a label name the wrong field.
 */
export function FieldIds({ scope, children }: { scope: string; children: ReactNode }) {
  return <FieldIdScope.Provider value={scope}>{children}</FieldIdScope.Provider>;
}

/** The id of a field by its name, unique on its page within its form's scope. */
export function useFieldId(name: string): string {
  const scope = useContext(FieldIdScope);
  return scope ? `field-${scope}-${name}` : `field-${name}`;
}

/**
 * A key that changes when a page is arrived at without a refusal to show: after a post that
 * succeeded (redirected) or any other navigation, not after a refused one (action data).
 */
function useFormGeneration(): string {
  const location = useLocation();
  const refusal = useActionData();
  const [generation, setGeneration] = useState(location.key);
  // Adjusted while rendering (React renders again at once), so no stale form is ever shown.
  if (refusal === undefined && generation !== location.key) setGeneration(location.key);
  return generation;
}

/**
 * A post form that always carries the CSRF token; works before (and without) JavaScript. With
 * JavaScript the page is not reloaded, so a form would keep what was typed after it was saved
 * (the next "add" would send the last one again): it starts afresh after a success, as a page
 * load without JavaScript does, and keeps what was typed after a refusal.
 */
export function PostForm({
  children,
  ...props
}: Omit<FormProps, "method"> & { children: ReactNode }) {
  const token = useCsrfToken();
  const generation = useFormGeneration();
  return (
    <Form method="post" key={generation} {...props}>
      <input type="hidden" name="_csrf" value={token} />
      {children}
    </Form>
  );
}

/** The form-level message, announced to screen readers when it appears. */
export function FormError({ error }: { error?: Message }) {
  const message = useMessage();
  if (!error) return null;
  return (
    <div className="utrecht-alert utrecht-alert--error" role="alert">
      <p className="utrecht-paragraph">{message(error)}</p>
    </div>
  );
}

export function Notice({
  children,
  kind = "ok",
}: {
  children: ReactNode;
  kind?: "ok" | "info" | "warning";
}) {
  return (
    <div className={`utrecht-alert utrecht-alert--${kind}`} role="status">
      <p className="utrecht-paragraph">{children}</p>
    </div>
  );
}

/** The ids of what describes a field's input: its description and its error message, when shown. */
function describedBy(id: string, description?: string, error?: Message): string | undefined {
  return (
    [description ? `${id}-description` : null, error ? `${id}-error` : null]
      .filter(Boolean)
      .join(" ") || undefined
  );
}

function FieldError({ id, error }: { id?: string; error?: Message }) {
  const message = useMessage();
  if (!error) return null;
  return (
    <div className="utrecht-form-field-error-message" id={id}>
      {message(error)}
    </div>
  );
}

/**
 * The frame of one form field: label, description and error message around the input (`children`),
 * with the ids that `describedBy` points at. A checkbox comes before its label.
 */
function FieldFrame({
  id,
  label,
  description,
  error,
  kind,
  children,
}: {
  id: string;
  label: string;
  description?: string;
  error?: Message;
  kind?: "text" | "checkbox";
  children: ReactNode;
}) {
  const checkbox = kind === "checkbox";
  const labelPart = (
    <div className="utrecht-form-field__label">
      <label
        className={
          checkbox ? "utrecht-form-label utrecht-form-label--checkbox" : "utrecht-form-label"
        }
        htmlFor={id}
      >
        {label}
      </label>
    </div>
  );
  return (
    <div
      className={`utrecht-form-field${kind ? ` utrecht-form-field--${kind}` : ""}${error ? " utrecht-form-field--invalid" : ""}`}
    >
      {checkbox ? null : labelPart}
      {description ? (
        <div className="utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
      <div className="utrecht-form-field__input">{children}</div>
      {checkbox ? labelPart : null}
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  errors?: FieldErrors;
  description?: string;
  defaultValue?: string | number | null;
  type?: "text" | "email" | "password" | "url" | "color" | "number" | "search" | "datetime-local";
  required?: boolean;
  autoComplete?: string;
  maxLength?: number;
  multiline?: boolean;
  rows?: number;
}

/** A labelled text input with its description and error message wired for assistive technology. */
export function Field({
  name,
  label,
  errors,
  description,
  defaultValue,
  type = "text",
  required,
  autoComplete,
  maxLength,
  multiline,
  rows = 4,
}: FieldProps) {
  const error = errors?.[name];
  const id = useFieldId(name);
  const common = {
    id,
    name,
    defaultValue: defaultValue ?? undefined,
    required,
    maxLength,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, description, error),
  };
  return (
    <FieldFrame id={id} label={label} description={description} error={error} kind="text">
      {multiline ? (
        <textarea
          className={`utrecht-textarea utrecht-textarea--html-textarea${error ? " utrecht-textarea--invalid" : ""}`}
          rows={rows}
          {...common}
        />
      ) : (
        <input
          className={`utrecht-textbox utrecht-textbox--html-input${error ? " utrecht-textbox--invalid" : ""}`}
          type={type}
          autoComplete={autoComplete}
          {...common}
        />
      )}
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  options,
  errors,
  defaultValue,
  required,
  emptyLabel,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  errors?: FieldErrors;
  defaultValue?: string | null;
  required?: boolean;
  emptyLabel?: string;
}) {
  const error = errors?.[name];
  const id = useFieldId(name);
  return (
    <FieldFrame id={id} label={label} error={error}>
      <select
        id={id}
        name={name}
        className={`utrecht-select utrecht-select--html-select${error ? " utrecht-select--invalid" : ""}`}
        defaultValue={defaultValue ?? ""}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of checkboxes in a fieldset; values arrive as a list under `name`. */
export function CheckboxGroup({
  name,
  legend,
  options,
  defaultValues = [],
  errors,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  defaultValues?: string[];
  errors?: FieldErrors;
}) {
  const error = errors?.[name];
  const baseId = useFieldId(name);
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${error ? " utrecht-form-fieldset--invalid" : ""}`}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      <FieldError error={error} />
      {options.map((o) => {
        const id = `${baseId}-${o.value}`;
        return (
          <FieldFrame id={id} label={o.label} kind="checkbox" key={o.value}>
            <input
              type="checkbox"
              id={id}
              name={`${name}[]`}
              value={o.value}
              defaultChecked={defaultValues.includes(o.value)}
              className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
            />
          </FieldFrame>
        );
      })}
    </fieldset>
  );
}

export function SubmitButton({
  children,
  name,
  value,
  kind = "primary",
  busy: sending = false,
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  kind?: "primary" | "secondary" | "danger";
  /** For forms sent by script rather than by navigation (live answers over the WebSocket). */
  busy?: boolean;
}) {
  const navigation = useNavigation();
  const busy = sending || navigation.state === "submitting";
  const cls =
    kind === "danger"
      ? "utrecht-button--primary-action utrecht-button--danger"
      : `utrecht-button--${kind}-action`;
  return (
    <button
      type="submit"
      className={`utrecht-button ${cls}`}
      name={name}
      value={value}
      aria-disabled={busy || undefined}
    >
      {children}
    </button>
  );
}

export function useFieldErrors(actionData: unknown): { fieldErrors: FieldErrors; error?: Message } {
  const d = actionData as { ok?: boolean; error?: Message; fieldErrors?: FieldErrors } | undefined;
  if (!d || d.ok !== false) return { fieldErrors: undefined };
  return { fieldErrors: d.fieldErrors, error: d.error };
}

/** The type checker holds the prefix and the values to keys the catalog has. */
export function useTranslatedOptions<const P extends string, const V extends string>(
  prefix: P,
  values: `${P}.${V}` extends MessageKey ? readonly V[] : never,
) {
  const t = useT();
  return values.map((value) => ({
    value,
    label: t(`${prefix}.${value}` as `${P}.${V}` & MessageKey),
  }));
}

/** A file input with its description and error message; the form needs encType="multipart/form-data". */
export function FileField({
  name,
  label,
  accept,
  errors,
  description,
}: {
  name: string;
  label: string;
  accept?: string;
  errors?: FieldErrors;
  description?: string;
}) {
  const error = errors?.[name];
  const id = useFieldId(name);
  return (
    <FieldFrame id={id} label={label} description={description} error={error}>
      <input
        type="file"
        id={id}
        name={name}
        accept={accept}
        className="lr-file"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
      />
    </FieldFrame>
  );
}

/** One checkbox with its label, sent as "on" when ticked and not at all otherwise. */
export function CheckboxField({
  name,
  label,
  defaultChecked,
  errors,
  required,
}: {
  name: string;
  label: string;
  defaultChecked?: boolean;
  errors?: FieldErrors;
  required?: boolean;
}) {
  const error = errors?.[name];
  const id = useFieldId(name);
  return (
    <FieldFrame id={id} label={label} error={error} kind="checkbox">
      <input
        type="checkbox"
        id={id}
        name={name}
        defaultChecked={defaultChecked}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
        className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
      />
    </FieldFrame>
  );
}
