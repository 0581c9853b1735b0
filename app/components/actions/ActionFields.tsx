import { ACTION_STATUSES } from "../../../core/actions/schema.ts";
import type { ActionStatus } from "../../../core/actions/queries.ts";
import { Field, SelectField, useFieldId, type FieldErrors } from "../form.tsx";
import { useMessage, useT } from "../../lib/i18n.ts";
import { PARTY_LISTS, PartyField } from "./PartyPicker.tsx";

export interface ActionValues {
  title: string;
  goal: string;
  ownerOrganisation: string;
  partners: string;
  startsOn: string;
  endsOn: string;
  status: ActionStatus | string;
}

const first = (v: unknown) =>
  Array.isArray(v) ? String(v[0] ?? "") : typeof v === "string" ? v : "";

/** What came back with errors, as the form shows it again. */
export function sentActionValues(sent: Record<string, unknown>): ActionValues {
  return {
    title: first(sent.title).slice(0, 1000),
    goal: first(sent.goal).slice(0, 10_000),
    ownerOrganisation: first(sent.ownerOrganisation).slice(0, 1000),
    partners: first(sent.partners).slice(0, 5000),
    startsOn: first(sent.startsOn).slice(0, 20),
    endsOn: first(sent.endsOn).slice(0, 20),
    status: first(sent.status).slice(0, 20),
  };
}

/** A date input (yyyy-mm-dd) with its label and error message. */
export function DateField({
  name,
  label,
  defaultValue,
  errors,
}: {
  name: string;
  label: string;
  defaultValue?: string | null;
  errors?: FieldErrors;
}) {
  const message = useMessage();
  const error = errors?.[name];
  const id = useFieldId(name);
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--text${error ? " utrecht-form-field--invalid" : ""}`}
    >
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
        <input
          type="date"
          id={id}
          name={name}
          defaultValue={defaultValue ?? undefined}
          className={`utrecht-textbox utrecht-textbox--html-input lr-date${error ? " utrecht-textbox--invalid" : ""}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
    </div>
  );
}

export function ActionFields({
  values,
  errors,
}: {
  values?: Partial<ActionValues>;
  errors?: FieldErrors;
}) {
  const t = useT();
  return (
    <>
      <Field
        name="title"
        label={t("actions.fields.title")}
        required
        maxLength={200}
        defaultValue={values?.title}
        errors={errors}
      />
      <Field
        name="goal"
        label={`${t("actions.fields.goal")} ${t("app.optional")}`}
        multiline
        rows={4}
        maxLength={5000}
        defaultValue={values?.goal}
        errors={errors}
      />
      <PartyField
        name="ownerOrganisation"
        list={PARTY_LISTS.organisations}
        label={`${t("actions.fields.ownerOrganisation")} ${t("app.optional")}`}
        description={t("actions.fields.ownerHint")}
        defaultValue={values?.ownerOrganisation}
        errors={errors}
      />
      <Field
        name="partners"
        label={`${t("actions.fields.partners")} ${t("app.optional")}`}
        description={t("actions.fields.partnersHint")}
        multiline
        rows={3}
        maxLength={2000}
        defaultValue={values?.partners}
        errors={errors}
      />
      <PartyField
        name="addPartner"
        list={PARTY_LISTS.all}
        label={`${t("actions.fields.addPartner")} ${t("app.optional")}`}
        description={t("actions.fields.addPartnerHint")}
        errors={errors}
      />
      <DateField
        name="startsOn"
        label={`${t("actions.fields.startsOn")} ${t("app.optional")}`}
        defaultValue={values?.startsOn}
        errors={errors}
      />
      <DateField
        name="endsOn"
        label={`${t("actions.fields.endsOn")} ${t("app.optional")}`}
        defaultValue={values?.endsOn}
        errors={errors}
      />
      <SelectField
        name="status"
        label={t("actions.fields.status")}
        options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`actions.statuses.${s}`) }))}
        defaultValue={values?.status ?? "planned"}
        errors={errors}
      />
    </>
  );
}

/** "1 mrt 2025 – 30 jun 2025", "vanaf …", "tot …" or "geen periode". */
export function periodText(
  t: ReturnType<typeof useT>,
  startsOn: string | null,
  endsOn: string | null,
  format: (iso: string) => string,
): string {
  if (startsOn && endsOn)
    return t("actions.period", { from: format(startsOn), to: format(endsOn) });
  if (startsOn) return t("actions.periodFrom", { from: format(startsOn) });
  if (endsOn) return t("actions.periodTo", { to: format(endsOn) });
  return t("actions.noPeriod");
}
