import { SECTORS } from "../../../../core/kernel/sectors.ts";
import { LIMITS } from "../../../../core/kernel/validate.ts";
import {
  Field,
  SelectField,
  useTranslatedOptions,
  type FieldErrors,
} from "../../../components/form.tsx";
import { useT } from "../../../lib/i18n.ts";

export interface OrganisationFormValues {
  name: string;
  sector: string;
  website: string;
}

export function sentOrganisationValues(
  sent: Record<string, string | string[]>,
): OrganisationFormValues {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
  return { name: one(sent.name), sector: one(sent.sector), website: one(sent.website) };
}

export function OrganisationFields({
  values,
  errors,
}: {
  values?: OrganisationFormValues;
  errors: FieldErrors;
}) {
  const t = useT();
  const sectors = useTranslatedOptions("sectors", SECTORS);
  return (
    <>
      <Field
        name="name"
        label={t("organisations.name")}
        required
        maxLength={LIMITS.name}
        autoComplete="organization"
        defaultValue={values?.name}
        errors={errors}
      />
      <SelectField
        name="sector"
        label={t("organisations.sector")}
        options={sectors}
        emptyLabel={t("organisations.chooseSector")}
        required
        defaultValue={values?.sector}
        errors={errors}
      />
      <Field
        name="website"
        type="url"
        label={`${t("organisations.website")} ${t("app.optional")}`}
        description={t("organisations.websiteHint")}
        maxLength={LIMITS.shortText}
        autoComplete="url"
        defaultValue={values?.website}
        errors={errors}
      />
    </>
  );
}
