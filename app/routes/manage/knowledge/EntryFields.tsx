import { ESSENTIALS, PERSPECTIVES, SECTORS } from "../../../../core/kernel/sectors.ts";
import {
  KNOWLEDGE_KINDS,
  KNOWLEDGE_LIMITS,
  LANGUAGES,
  LICENCES,
} from "../../../../core/knowledge/schema.ts";
import {
  CheckboxGroup,
  Field,
  SelectField,
  useTranslatedOptions,
  type FieldErrors,
} from "../../../components/form.tsx";
import { useT } from "../../../lib/i18n.ts";

export interface EntryValues {
  kind?: string;
  title?: string;
  summary?: string;
  bodyMd?: string;
  citation?: string;
  sourceUrl?: string;
  sectors?: string[];
  perspectives?: string[];
  essentials?: string[];
  ambitionLevels?: string[];
  phases?: string[];
  theme?: string;
  licence?: string;
  language?: string;
}

const list = (v: unknown): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];

/** What a refused form sent back, as the fields' values. */
export function sentValues(values: unknown): EntryValues | undefined {
  if (!values || typeof values !== "object") return undefined;
  const v = values as Record<string, unknown>;
  const s = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : "");
  return {
    kind: s("kind"),
    title: s("title"),
    summary: s("summary"),
    bodyMd: s("bodyMd"),
    citation: s("citation"),
    sourceUrl: s("sourceUrl"),
    sectors: list(v.sectors),
    perspectives: list(v.perspectives),
    essentials: list(v.essentials),
    ambitionLevels: list(v.ambitionLevels),
    phases: list(v.phases),
    theme: s("theme"),
    licence: s("licence"),
    language: s("language"),
  };
}

/** An entry's stored columns as the form's values. */
export function entryValues(e: {
  kind: string;
  title: string;
  summary: string;
  body_md: string;
  citation: string;
  source_url: string;
  sectors: string[];
  perspectives: string[];
  essentials: string[];
  ambition_levels: number[];
  phases: number[];
  theme: string;
  licence: string;
  language: string;
}): EntryValues {
  return {
    kind: e.kind,
    title: e.title,
    summary: e.summary,
    bodyMd: e.body_md,
    citation: e.citation,
    sourceUrl: e.source_url,
    sectors: e.sectors,
    perspectives: e.perspectives,
    essentials: e.essentials,
    ambitionLevels: e.ambition_levels.map(String),
    phases: e.phases.map(String),
    theme: e.theme,
    licence: e.licence,
    language: e.language,
  };
}

/** The fields of an entry: content, then its context. */
export function EntryFields({ values, errors }: { values?: EntryValues; errors?: FieldErrors }) {
  const t = useT();
  const v = values ?? {};
  const kinds = useTranslatedOptions("knowledge.kind", KNOWLEDGE_KINDS);
  const licences = useTranslatedOptions("knowledge.licence", LICENCES);
  const languages = useTranslatedOptions("knowledge.language", LANGUAGES);
  const sectors = useTranslatedOptions("sectors", SECTORS);
  const perspectives = useTranslatedOptions("perspectives", PERSPECTIVES);
  const essentials = useTranslatedOptions("knowledge.essential", ESSENTIALS);
  const ladder = useTranslatedOptions("challenges.ladder", ["1", "2", "3", "4", "5"]);
  const phases = useTranslatedOptions("challenges.phase", ["1", "2", "3", "4"]);
  return (
    <>
      <SelectField
        name="kind"
        label={t("knowledge.fields.kind")}
        options={kinds}
        defaultValue={v.kind || "lesson"}
        errors={errors}
        required
      />
      <Field
        name="title"
        label={t("knowledge.fields.title")}
        defaultValue={v.title}
        errors={errors}
        maxLength={KNOWLEDGE_LIMITS.title}
        required
      />
      <Field
        name="summary"
        label={t("knowledge.fields.summary")}
        description={t("knowledge.fields.summaryHint")}
        defaultValue={v.summary}
        errors={errors}
        maxLength={KNOWLEDGE_LIMITS.summary}
        multiline
        rows={3}
      />
      <Field
        name="bodyMd"
        label={t("knowledge.fields.body")}
        description={t("knowledge.fields.bodyHint")}
        defaultValue={v.bodyMd}
        errors={errors}
        maxLength={KNOWLEDGE_LIMITS.body}
        multiline
        rows={12}
      />
      <Field
        name="citation"
        label={t("knowledge.fields.citation")}
        description={t("knowledge.fields.citationHint")}
        defaultValue={v.citation}
        errors={errors}
        maxLength={KNOWLEDGE_LIMITS.citation}
        multiline
        rows={2}
      />
      <Field
        name="sourceUrl"
        type="url"
        label={t("knowledge.fields.sourceUrl")}
        defaultValue={v.sourceUrl}
        errors={errors}
        maxLength={KNOWLEDGE_LIMITS.url}
      />
      <h2 className="utrecht-heading-2">{t("knowledge.fields.context")}</h2>
      <CheckboxGroup
        name="essentials"
        legend={t("knowledge.fields.essentials")}
        options={essentials}
        defaultValues={v.essentials}
        errors={errors}
      />
      <CheckboxGroup
        name="sectors"
        legend={t("knowledge.fields.sectors")}
        options={sectors}
        defaultValues={v.sectors}
        errors={errors}
      />
      <CheckboxGroup
        name="perspectives"
        legend={t("knowledge.fields.perspectives")}
        options={perspectives}
        defaultValues={v.perspectives}
        errors={errors}
      />
      <CheckboxGroup
        name="ambitionLevels"
        legend={t("knowledge.fields.ambitionLevels")}
        options={ladder}
        defaultValues={v.ambitionLevels}
        errors={errors}
      />
      <CheckboxGroup
        name="phases"
        legend={t("knowledge.fields.phases")}
        options={phases}
        defaultValues={v.phases}
        errors={errors}
      />
      <Field
        name="theme"
        label={t("knowledge.fields.theme")}
        defaultValue={v.theme}
        errors={errors}
        maxLength={KNOWLEDGE_LIMITS.theme}
      />
      <SelectField
        name="licence"
        label={t("knowledge.fields.licence")}
        options={licences}
        defaultValue={v.licence || "CC-BY-4.0"}
        errors={errors}
      />
      <SelectField
        name="language"
        label={t("knowledge.fields.language")}
        options={languages}
        defaultValue={v.language || "nl"}
        errors={errors}
      />
    </>
  );
}
