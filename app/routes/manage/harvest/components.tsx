import { Link } from "react-router";
import { HARVEST_LIMITS, KINDS } from "../../../../core/harvest/types.ts";
import { SECTORS } from "../../../../core/kernel/sectors.ts";
import {
  CheckboxField,
  Field,
  SelectField,
  useTranslatedOptions,
  type FieldErrors,
} from "../../../components/form.tsx";
import { useT } from "../../../lib/i18n.ts";

/** What the harvest form shows: the saved harvest, or what was sent when it came back with errors. */
export interface HarvestFormValues {
  title: string;
  description: string;
  language: string;
  strategicThemes: string;
  formOpen: boolean;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

export function sentHarvestValues(sent: Record<string, string | string[]>): HarvestFormValues {
  return {
    title: first(sent.title).slice(0, 1000),
    description: first(sent.description).slice(0, 20_000),
    language: first(sent.language),
    strategicThemes: first(sent.strategicThemes).slice(0, 5000),
    formOpen: first(sent.formOpen) === "on",
  };
}

export function HarvestFields({
  values,
  errors,
}: {
  values?: HarvestFormValues;
  errors: FieldErrors;
}) {
  const t = useT();
  return (
    <>
      <Field
        name="title"
        label={t("harvest.fields.title")}
        description={t("harvest.fields.titleHint")}
        required
        maxLength={HARVEST_LIMITS.title}
        defaultValue={values?.title}
        errors={errors}
      />
      <Field
        name="description"
        label={`${t("harvest.fields.description")} ${t("app.optional")}`}
        description={t("harvest.fields.descriptionHint")}
        multiline
        rows={4}
        maxLength={HARVEST_LIMITS.description}
        defaultValue={values?.description}
        errors={errors}
      />
      <SelectField
        name="language"
        label={t("harvest.fields.language")}
        options={[
          { value: "nl", label: t("app.languageName.nl") },
          { value: "en", label: t("app.languageName.en") },
        ]}
        defaultValue={values?.language ?? "nl"}
        errors={errors}
      />
      <Field
        name="strategicThemes"
        label={`${t("harvest.fields.strategicThemes")} ${t("app.optional")}`}
        description={t("harvest.fields.strategicThemesHint")}
        multiline
        rows={4}
        defaultValue={values?.strategicThemes}
        errors={errors}
      />
      <CheckboxField
        name="formOpen"
        label={t("harvest.fields.formOpen")}
        defaultChecked={values?.formOpen}
        errors={errors}
      />
    </>
  );
}

export function useKindOptions() {
  return useTranslatedOptions("harvest.kinds", KINDS);
}

export function useSectorOptions() {
  return useTranslatedOptions("sectors", SECTORS);
}

export function BackToHarvest({ base, title }: { base: string; title: string }) {
  const t = useT();
  return (
    <p className="lr-breadcrumb">
      <Link className="utrecht-link" to={base}>
        {t("harvest.backToHarvest", { title })}
      </Link>
    </p>
  );
}

/** A short piece of a long text, for labels that name a contribution. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
