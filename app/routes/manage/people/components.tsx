import { PERSPECTIVES } from "../../../../core/kernel/sectors.ts";
import { LIMITS } from "../../../../core/kernel/validate.ts";
import {
  CheckboxGroup,
  Field,
  SelectField,
  useTranslatedOptions,
  type FieldErrors,
} from "../../../components/form.tsx";
import { useT } from "../../../lib/i18n.ts";

/** What a person form shows: the saved person, or what was sent when it came back with errors. */
export interface PersonFormValues {
  name: string;
  email: string;
  organisationId: string;
  perspectives: string[];
  expertise: string;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const all = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

export function sentPersonValues(sent: Record<string, string | string[]>): PersonFormValues {
  return {
    name: first(sent.name),
    email: first(sent.email),
    organisationId: first(sent.organisationId),
    perspectives: all(sent.perspectives),
    expertise: all(sent.expertise).join(", "),
  };
}

export function PersonFields({
  values,
  organisations,
  errors,
}: {
  values?: PersonFormValues;
  organisations: { id: string; name: string }[];
  errors: FieldErrors;
}) {
  const t = useT();
  const perspectives = useTranslatedOptions("perspectives", PERSPECTIVES);
  return (
    <>
      <Field
        name="name"
        label={t("people.name")}
        required
        maxLength={LIMITS.name}
        autoComplete="off"
        defaultValue={values?.name}
        errors={errors}
      />
      <Field
        name="email"
        type="email"
        label={`${t("people.email")} ${t("app.optional")}`}
        maxLength={LIMITS.email}
        autoComplete="off"
        defaultValue={values?.email}
        errors={errors}
      />
      <SelectField
        name="organisationId"
        label={t("people.organisation")}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        emptyLabel={t("people.noOrganisation")}
        defaultValue={values?.organisationId}
        errors={errors}
      />
      <CheckboxGroup
        name="perspectives"
        legend={t("people.perspectives")}
        options={perspectives}
        defaultValues={values?.perspectives}
        errors={errors}
      />
      <Field
        name="expertise"
        label={`${t("people.expertise")} ${t("app.optional")}`}
        description={t("people.expertiseHint")}
        defaultValue={values?.expertise}
        errors={errors}
      />
    </>
  );
}

/** An erased person's stored name is a placeholder; show it in the reader's language. */
export function PersonName({ name, erased }: { name: string; erased: boolean }) {
  const t = useT();
  return erased ? <em>{t("people.erasedName")}</em> : <>{name}</>;
}
