import { PERSPECTIVES, SECTORS } from "../../../core/kernel/sectors.ts";
import { Field, SelectField, type FieldErrors } from "../form.tsx";
import { useT } from "../../lib/i18n.ts";
import { PARTY_LISTS, PartyField } from "./PartyPicker.tsx";

type Values = Record<string, string | string[] | null | undefined> | undefined;

const text = (v: unknown) => (typeof v === "string" ? v : "");

export function CoalitionFields({ values, errors }: { values: Values; errors?: FieldErrors }) {
  const t = useT();
  return (
    <>
      <Field
        name="title"
        label={t("coalitions.fields.title")}
        required
        maxLength={200}
        defaultValue={text(values?.title)}
        errors={errors}
      />
      <PartyField
        name="leadName"
        list={PARTY_LISTS.people}
        label={`${t("coalitions.fields.leadName")} ${t("app.optional")}`}
        description={t("coalitions.pickPersonHint")}
        defaultValue={text(values?.leadName)}
        errors={errors}
      />
      <PartyField
        name="leadOrganisation"
        list={PARTY_LISTS.organisations}
        label={`${t("coalitions.fields.leadOrganisation")} ${t("app.optional")}`}
        description={t("coalitions.pickOrganisationHint")}
        defaultValue={text(values?.leadOrganisation)}
        errors={errors}
      />
      <Field
        name="wayOfWorking"
        label={`${t("coalitions.fields.wayOfWorking")} ${t("app.optional")}`}
        description={t("coalitions.fields.wayOfWorkingHint")}
        multiline
        rows={4}
        maxLength={5000}
        defaultValue={text(values?.wayOfWorking)}
        errors={errors}
      />
    </>
  );
}

/**
 * Name, e-mail, organisation, sector, perspective and a note: what a member brings. `pick`
 * suggests the region's people and organisations (for an organiser; never on a public page).
 */
export function MemberFields({
  values,
  errors,
  labels,
  pick = false,
}: {
  values: Values;
  errors?: FieldErrors;
  pick?: boolean;
  labels: {
    name: string;
    email: string;
    organisation: string;
    sector: string;
    perspective: string;
    note: string;
    noChoice: string;
  };
}) {
  const t = useT();
  return (
    <>
      {pick ? (
        <PartyField
          name="name"
          list={PARTY_LISTS.people}
          label={labels.name}
          description={t("coalitions.pickPersonHint")}
          required
          defaultValue={text(values?.name)}
          errors={errors}
        />
      ) : (
        <Field
          name="name"
          label={labels.name}
          required
          maxLength={200}
          autoComplete="name"
          defaultValue={text(values?.name)}
          errors={errors}
        />
      )}
      <Field
        name="email"
        type="email"
        label={labels.email}
        maxLength={254}
        autoComplete="email"
        defaultValue={text(values?.email)}
        errors={errors}
      />
      {pick ? (
        <PartyField
          name="organisation"
          list={PARTY_LISTS.organisations}
          label={labels.organisation}
          description={t("coalitions.pickOrganisationHint")}
          defaultValue={text(values?.organisation)}
          errors={errors}
        />
      ) : (
        <Field
          name="organisation"
          label={labels.organisation}
          maxLength={200}
          autoComplete="organization"
          defaultValue={text(values?.organisation)}
          errors={errors}
        />
      )}
      <SelectField
        name="sector"
        label={labels.sector}
        emptyLabel={labels.noChoice}
        options={SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
        defaultValue={text(values?.sector)}
        errors={errors}
      />
      <SelectField
        name="perspective"
        label={labels.perspective}
        emptyLabel={labels.noChoice}
        options={PERSPECTIVES.map((p) => ({ value: p, label: t(`perspectives.${p}`) }))}
        defaultValue={text(values?.perspective)}
        errors={errors}
      />
      <Field
        name="note"
        label={labels.note}
        multiline
        rows={3}
        maxLength={2000}
        defaultValue={text(values?.note)}
        errors={errors}
      />
    </>
  );
}
