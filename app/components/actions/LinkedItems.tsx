import type { ReactNode } from "react";
import { PostForm, SelectField, SubmitButton } from "../form.tsx";

/**
 * What an action or coalition page links to (themes, contributions, coalitions, actions): a
 * sentence while there is nothing, otherwise one list item per link.
 */
export function LinkedList<I>({
  items,
  none,
  children,
}: {
  items: I[];
  none: string;
  children: (item: I) => ReactNode;
}) {
  if (items.length === 0) return <p className="utrecht-paragraph">{none}</p>;
  return <ul className="lr-plain-list lr-sources">{items.map(children)}</ul>;
}

/**
 * The small form beside a linked item that undoes the link. Every button reads the same, so its
 * accessible name says which item it unlinks.
 */
export function UnlinkForm({
  field,
  id,
  intent,
  label,
  accessibleName,
}: {
  /** The hidden field that names the linked item to the action. */
  field: string;
  id: string;
  intent: string;
  label: string;
  accessibleName: string;
}) {
  return (
    <PostForm className="lr-inline-form">
      <input type="hidden" name={field} value={id} />
      <button
        type="submit"
        name="_intent"
        value={intent}
        className="utrecht-button utrecht-button--secondary-action"
        aria-label={accessibleName}
      >
        {label}
      </button>
    </PostForm>
  );
}

/** A choice of one more item to link, with its button. */
export function LinkForm({
  field,
  label,
  options,
  intent,
  submit,
}: {
  field: string;
  label: string;
  options: { value: string; label: string }[];
  intent: string;
  submit: string;
}) {
  return (
    <PostForm>
      <SelectField name={field} label={label} options={options} />
      <SubmitButton name="_intent" value={intent} kind="secondary">
        {submit}
      </SubmitButton>
    </PostForm>
  );
}

/** The form at the foot of a page that deletes what the page is about, after a warning. */
export function DeleteForm({ title, warning }: { title: string; warning: string }) {
  return (
    <PostForm>
      <fieldset className="lr-section">
        <legend>{title}</legend>
        <p className="utrecht-paragraph">{warning}</p>
        <SubmitButton name="_intent" value="delete" kind="danger">
          {title}
        </SubmitButton>
      </fieldset>
    </PostForm>
  );
}
