import type { PartyChoices } from "../../../core/people/parties.ts";
import type { FieldErrors } from "../form.tsx";
import { useMessage } from "../../lib/i18n.ts";

/** The datalists' ids: one set per page, which every party field refers to. */
export const PARTY_LISTS = {
  people: "party-people",
  organisations: "party-organisations",
  all: "party-all",
} as const;

/**
 * The region's people and organisations as suggestions for the party fields of the page
 * (core/people/parties.ts, core/kernel/register.ts): the browser offers them as one types, by keyboard too, and without
 * JavaScript; what is not in them stays a typed name.
 */
export function PartyLists({ choices }: { choices: PartyChoices }) {
  return (
    <>
      <datalist id={PARTY_LISTS.people}>
        {choices.people.map((p) => (
          <option key={p.id} value={p.label} />
        ))}
      </datalist>
      <datalist id={PARTY_LISTS.organisations}>
        {choices.organisations.map((o) => (
          <option key={o.id} value={o.name} />
        ))}
      </datalist>
      <datalist id={PARTY_LISTS.all}>
        {choices.organisations.map((o) => (
          <option key={o.id} value={o.name} />
        ))}
        {choices.people.map((p) => (
          <option key={p.id} value={p.label} />
        ))}
      </datalist>
    </>
  );
}

/** A labelled text field that suggests the register's parties from one of `PARTY_LISTS`. */
export function PartyField({
  name,
  label,
  list,
  description,
  defaultValue,
  errors,
  required,
  maxLength = 200,
  autoComplete = "off",
}: {
  name: string;
  label: string;
  list: (typeof PARTY_LISTS)[keyof typeof PARTY_LISTS];
  description?: string;
  defaultValue?: string;
  errors?: FieldErrors;
  required?: boolean;
  maxLength?: number;
  autoComplete?: string;
}) {
  const message = useMessage();
  const error = errors?.[name];
  const id = `field-${name}`;
  const describedBy =
    [description ? `${id}-description` : null, error ? `${id}-error` : null]
      .filter(Boolean)
      .join(" ") || undefined;
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
        <input
          className={`utrecht-textbox utrecht-textbox--html-input${error ? " utrecht-textbox--invalid" : ""}`}
          type="text"
          id={id}
          name={name}
          list={list}
          defaultValue={defaultValue}
          required={required}
          maxLength={maxLength}
          autoComplete={autoComplete}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      </div>
    </div>
  );
}
