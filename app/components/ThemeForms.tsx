import type { ReactNode } from "react";
import { PostForm, SubmitButton } from "./form.tsx";

/**
 * Inline theme-curation forms shared by live open-answer moderation
 * (dialogue answers) and harvest theme curation. Both pages rename, merge and
 * move themes with the same markup; only field names, ids and labels differ.
 */

interface ThemeFormBase {
  /** Value of the hidden `_intent` field. */
  intent: string;
  /** Hidden inputs placed right after `_intent` (which theme, answer or contribution). */
  hidden?: ReactNode;
  /** Id of the control, linked from its label. */
  id: string;
  /** Name of the control. */
  name: string;
  /** Visible label text. */
  label: ReactNode;
  /** Appended visually hidden to the label (": …"), when the label alone is ambiguous. */
  labelWhich?: string;
  /** Submit button text. */
  submit: ReactNode;
  /** Appended visually hidden to the submit button (": …"). */
  which: string;
}

function InlineThemeForm({
  intent,
  hidden,
  id,
  label,
  labelWhich,
  submit,
  which,
  formId,
  control,
  after,
}: Omit<ThemeFormBase, "name"> & {
  formId?: string;
  control: ReactNode;
  after?: ReactNode;
}) {
  return (
    <PostForm className="lr-inline-form" id={formId}>
      <input type="hidden" name="_intent" value={intent} />
      {hidden}
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
        {labelWhich !== undefined ? (
          <span className="lr-visually-hidden">: {labelWhich}</span>
        ) : null}
      </label>
      {control}
      {after}
      <SubmitButton kind="secondary">
        {submit}
        <span className="lr-visually-hidden">: {which}</span>
      </SubmitButton>
    </PostForm>
  );
}

/** A required theme-label text box with its submit button: rename a theme, or split into a new one. */
export function ThemeTextForm({
  maxLength,
  defaultValue,
  formId,
  name,
  ...rest
}: ThemeFormBase & { maxLength: number; defaultValue?: string; formId?: string }) {
  return (
    <InlineThemeForm
      {...rest}
      formId={formId}
      control={
        <input
          id={rest.id}
          name={name}
          type="text"
          required
          maxLength={maxLength}
          defaultValue={defaultValue}
          className="utrecht-textbox utrecht-textbox--html-input"
        />
      }
    />
  );
}

/** A select of themes with its submit button: merge into, move to, or link a strategic theme. */
export function ThemeSelectForm({
  options,
  defaultValue,
  emptyOption,
  after,
  name,
  ...rest
}: ThemeFormBase & {
  options: { value: string; label: string }[];
  defaultValue?: string;
  /** Label of a leading option with value "" (no theme). */
  emptyOption?: string;
  /** Further fields between the select and the submit button. */
  after?: ReactNode;
}) {
  return (
    <InlineThemeForm
      {...rest}
      after={after}
      control={
        <select
          id={rest.id}
          name={name}
          className="utrecht-select utrecht-select--html-select"
          defaultValue={defaultValue}
        >
          {emptyOption !== undefined ? <option value="">{emptyOption}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      }
    />
  );
}
