// The editor's forms, one per command that edits texts (details, a theme, a question, closing).
import { type Question, type Template, type Theme } from "../../../../core/dialogue/template.ts";
import { TEMPLATE_LIMITS } from "../../../../core/dialogue/templates/editing.ts";
import { Field, PostForm, SelectField, SubmitButton } from "../../../components/form.tsx";
import { useT } from "../../../lib/i18n.ts";
import {
  type Refused,
  valueFor,
  BilingualFields,
  Intent,
  FormActions,
} from "./TemplateEditorParts.tsx";

export function DetailsForm({
  page,
  template,
  refused,
}: {
  page: string;
  template: Template;
  refused?: Refused;
}) {
  const t = useT();
  return (
    <PostForm className="lr-form" noValidate>
      <Intent value="details" />
      <BilingualFields
        label="title"
        saved={template.title}
        refused={refused}
        max={TEMPLATE_LIMITS.title}
      />
      <BilingualFields
        label="description"
        saved={template.description}
        refused={refused}
        max={TEMPLATE_LIMITS.long}
        multiline
        optional
      />
      <FormActions cancel={`${page}#details`}>
        <SubmitButton>{t("dialogueTemplates.save")}</SubmitButton>
      </FormActions>
    </PostForm>
  );
}

export function ThemeForm({
  page,
  theme,
  refused,
}: {
  page: string;
  theme: Theme;
  refused?: Refused;
}) {
  const t = useT();
  return (
    <PostForm className="lr-form" noValidate>
      <Intent value="editTheme" />
      <input type="hidden" name="themeId" value={theme.id} />
      <BilingualFields
        label="themeTitle"
        prefix="title"
        saved={theme.title}
        refused={refused}
        max={TEMPLATE_LIMITS.title}
      />
      <BilingualFields
        label="intro"
        saved={theme.intro}
        refused={refused}
        max={TEMPLATE_LIMITS.long}
        multiline
        optional
      />
      <FormActions cancel={`${page}#theme-${theme.id}`}>
        <SubmitButton>{t("dialogueTemplates.save")}</SubmitButton>
      </FormActions>
    </PostForm>
  );
}

export function QuestionForm({
  page,
  question,
  refused,
}: {
  page: string;
  question: Question;
  refused?: Refused;
}) {
  const t = useT();
  const errors = refused?.fieldErrors;
  const lines = (labels: string[]) => labels.join("\n");
  return (
    <PostForm className="lr-form" noValidate>
      <Intent value="editQuestion" />
      <input type="hidden" name="questionId" value={question.id} />
      <BilingualFields
        label="prompt"
        saved={question.prompt}
        refused={refused}
        max={TEMPLATE_LIMITS.prompt}
        multiline
      />
      <BilingualFields
        label="help"
        saved={question.help}
        refused={refused}
        max={TEMPLATE_LIMITS.long}
        multiline
        optional
      />
      <SelectField
        name="audience"
        label={t("dialogueTemplates.audience")}
        defaultValue={valueFor(refused, "audience", question.audience)}
        options={(["group", "individual"] as const).map((a) => ({
          value: a,
          label: t(`dialogueTemplates.audiences.${a}`),
        }))}
        errors={errors}
      />
      {"options" in question ? (
        <>
          {(["nl", "en"] as const).map((lang) => {
            const name = lang === "nl" ? "optionsNl" : "optionsEn";
            return (
              <Field
                key={lang}
                name={name}
                label={t(`dialogueTemplates.${name}`)}
                description={
                  lang === "nl"
                    ? t("dialogueTemplates.optionsHelp", {
                        max:
                          question.kind === "ranking"
                            ? TEMPLATE_LIMITS.rankingOptions
                            : TEMPLATE_LIMITS.options,
                      })
                    : t("dialogueTemplates.optionsEnHelp")
                }
                multiline
                rows={Math.max(3, question.options.length + 1)}
                defaultValue={valueFor(
                  refused,
                  name,
                  lines(question.options.map((o) => o.label[lang])),
                )}
                errors={errors}
              />
            );
          })}
        </>
      ) : null}
      {question.kind === "scale" ? (
        <>
          <SelectField
            name="scaleMin"
            label={t("dialogueTemplates.scaleMin")}
            defaultValue={valueFor(refused, "scaleMin", String(question.min))}
            options={[
              { value: "0", label: "0" },
              { value: "1", label: "1" },
            ]}
            errors={errors}
          />
          <Field
            name="scaleMax"
            type="number"
            label={t("dialogueTemplates.scaleMax")}
            defaultValue={valueFor(refused, "scaleMax", String(question.max))}
            errors={errors}
          />
          <BilingualFields
            label="minLabel"
            saved={question.minLabel}
            refused={refused}
            max={TEMPLATE_LIMITS.label}
          />
          <BilingualFields
            label="maxLabel"
            saved={question.maxLabel}
            refused={refused}
            max={TEMPLATE_LIMITS.label}
          />
        </>
      ) : null}
      <FormActions cancel={`${page}#q-${question.id}`}>
        <SubmitButton>{t("dialogueTemplates.saveQuestion")}</SubmitButton>
      </FormActions>
    </PostForm>
  );
}

export function ClosingForm({
  page,
  template,
  refused,
}: {
  page: string;
  template: Template;
  refused?: Refused;
}) {
  const t = useT();
  const { tips } = template.closing;
  // The saved tips and one empty row to add a tip, while there is room for one.
  const rows = tips.length < TEMPLATE_LIMITS.tips ? [...tips, undefined] : tips;
  return (
    <PostForm className="lr-form" noValidate>
      <Intent value="closing" />
      <BilingualFields
        label="closingTitle"
        saved={template.closing.title}
        refused={refused}
        max={TEMPLATE_LIMITS.title}
      />
      <p className="utrecht-paragraph">{t("dialogueTemplates.tipHelp")}</p>
      {rows.map((tip, i) => {
        const field = (name: "titleNl" | "titleEn" | "bodyNl" | "bodyEn", saved: string) => ({
          name: `tips.${i}.${name}`,
          defaultValue: valueFor(refused, `tips.${i}.${name}`, saved),
          errors: refused?.fieldErrors,
        });
        return (
          <fieldset
            key={i}
            className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset lr-section"
          >
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {tip ? t("dialogueTemplates.tipLegend", { n: i + 1 }) : t("dialogueTemplates.newTip")}
            </legend>
            <Field
              {...field("titleNl", tip?.title.nl ?? "")}
              label={t("dialogueTemplates.tipTitleNl")}
              maxLength={TEMPLATE_LIMITS.title}
            />
            <Field
              {...field("titleEn", tip?.title.en ?? "")}
              label={t("dialogueTemplates.tipTitleEn")}
              description={t("dialogueTemplates.englishFallback")}
              maxLength={TEMPLATE_LIMITS.title}
            />
            <Field
              {...field("bodyNl", tip?.body.nl ?? "")}
              label={`${t("dialogueTemplates.tipBodyNl")} ${t("app.optional")}`}
              multiline
            />
            <Field
              {...field("bodyEn", tip?.body.en ?? "")}
              label={t("dialogueTemplates.tipBodyEn")}
              description={t("dialogueTemplates.englishFallback")}
              multiline
            />
          </fieldset>
        );
      })}
      <FormActions cancel={`${page}#closing`}>
        <SubmitButton>{t("dialogueTemplates.save")}</SubmitButton>
      </FormActions>
    </PostForm>
  );
}
