import type { ReactNode } from "react";
import { Form, useNavigation, type FormProps } from "react-router";
import type { Message } from "../../i18n/index.ts";
import { useCsrfToken, useMessage, useT } from "../lib/i18n.ts";

export type FieldErrors = Record<string, Message> | undefined;

/** A post form that always carries the CSRF token; works before (and without) JavaScript. */
export function PostForm({
  children,
  ...props
}: Omit<FormProps, "method"> & { children: ReactNode }) {
  const token = useCsrfToken();
  return (
    <Form method="post" {...props}>
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

interface FieldProps {
  name: string;
  label: string;
  errors?: FieldErrors;
  description?: string;
  defaultValue?: string | number | null;
  type?: "text" | "email" | "password" | "url" | "color" | "number" | "search";
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
  const message = useMessage();
  const error = errors?.[name];
  const id = `field-${name}`;
  const describedBy =
    [description ? `${id}-description` : null, error ? `${id}-error` : null]
      .filter(Boolean)
      .join(" ") || undefined;
  const common = {
    id,
    name,
    defaultValue: defaultValue ?? undefined,
    required,
    maxLength,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  };
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--text${error ? " utrecht-form-field--invalid" : ""}`}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description ? (
        <div className="utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field-error-message" id={`${id}-error`}>
          {message(error)}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
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
      </div>
    </div>
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
  const message = useMessage();
  const error = errors?.[name];
  const id = `field-${name}`;
  return (
    <div className={`utrecht-form-field${error ? " utrecht-form-field--invalid" : ""}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {error ? (
        <div className="utrecht-form-field-error-message" id={`${id}-error`}>
          {message(error)}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        <select
          id={id}
          name={name}
          className={`utrecht-select utrecht-select--html-select${error ? " utrecht-select--invalid" : ""}`}
          defaultValue={defaultValue ?? ""}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
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
  const message = useMessage();
  const error = errors?.[name];
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${error ? " utrecht-form-fieldset--invalid" : ""}`}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {error ? <div className="utrecht-form-field-error-message">{message(error)}</div> : null}
      {options.map((o) => {
        const id = `field-${name}-${o.value}`;
        return (
          <div className="utrecht-form-field utrecht-form-field--checkbox" key={o.value}>
            <div className="utrecht-form-field__input">
              <input
                type="checkbox"
                id={id}
                name={`${name}[]`}
                value={o.value}
                defaultChecked={defaultValues.includes(o.value)}
                className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
              />
            </div>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
                {o.label}
              </label>
            </div>
          </div>
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
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  kind?: "primary" | "secondary" | "danger";
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
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

export function useTranslatedOptions(prefix: string, values: readonly string[]) {
  const t = useT();
  return values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
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
  const message = useMessage();
  const error = errors?.[name];
  const id = `field-${name}`;
  const describedBy =
    [description ? `${id}-description` : null, error ? `${id}-error` : null]
      .filter(Boolean)
      .join(" ") || undefined;
  return (
    <div className={`utrecht-form-field${error ? " utrecht-form-field--invalid" : ""}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description ? (
        <div className="utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field-error-message" id={`${id}-error`}>
          {message(error)}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        <input
          type="file"
          id={id}
          name={name}
          accept={accept}
          className="lr-file"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      </div>
    </div>
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
  const message = useMessage();
  const error = errors?.[name];
  const id = `field-${name}`;
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--checkbox${error ? " utrecht-form-field--invalid" : ""}`}
    >
      {error ? (
        <div className="utrecht-form-field-error-message" id={`${id}-error`}>
          {message(error)}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        <input
          type="checkbox"
          id={id}
          name={name}
          defaultChecked={defaultChecked}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
        />
      </div>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}
