import type { ReactNode } from "react";
import { Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/template-edit";
import { dialoguePolicy } from "../../../../core/dialogue/policy.ts";
import type { LocalText, Question, Template, Theme } from "../../../../core/dialogue/template.ts";
import { deleteTemplate } from "../../../../core/dialogue/templates/deleteTemplate.ts";
import { BUILTIN_TEMPLATES } from "../../../../core/dialogue/templates/index.ts";
import { QUESTION_KINDS, TEMPLATE_LIMITS } from "../../../../core/dialogue/templates/editing.ts";
import { findRegionTemplate } from "../../../../core/dialogue/templates/templateQueries.ts";
import { updateTemplate } from "../../../../core/dialogue/templates/updateTemplate.ts";
import { may } from "../../../../core/kernel/scope.ts";
import type { Message } from "../../../../i18n/index.ts";
import {
  Field,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  type FieldErrors,
} from "../../../components/form.tsx";
import { formatDateTime, isoDate } from "../../../lib/format.ts";
import { formObject, intent } from "../../../lib/form.server.ts";
import { useLocale, useMessage, useT } from "../../../lib/i18n.ts";
import {
  getRequestInfo,
  notFound,
  refusedChange,
  requestT,
  requireRegion,
} from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

/**
 * One template: a built-in one (read only, to copy) or one of the region's own. Organisers and
 * admins edit the region's own here, one small form per change, each a plain post; facilitators
 * read it. Which form is open is in the URL (`?edit=details`, `?theme=…`, `?question=…`), so every
 * step works without JavaScript.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    dialoguePolicy.readTemplates,
  );
  const builtin = BUILTIN_TEMPLATES.find((b) => b.key === params.id);
  const own = builtin ? null : await findRegionTemplate(scope, params.id);
  const template = builtin?.template ?? own?.template;
  if (!template) notFound(context);
  const { locale } = getRequestInfo(context);
  return {
    region: { slug: region.slug, name: region.name },
    ref: params.id,
    builtin: Boolean(builtin),
    template,
    canEdit: !builtin && may(scope, dialoguePolicy.manageTemplates),
    canCopy: may(scope, dialoguePolicy.manageTemplates),
    updated: own ? formatDateTime(own.updatedAt, locale) : null,
    updatedIso: own ? isoDate(own.updatedAt) : null,
    title: `${template.title[locale]} · ${requestT(context)("dialogueTemplates.title")} · ${region.name}`,
  };
}

const first = (v: string | string[] | undefined): string =>
  Array.isArray(v) ? (v[0] ?? "") : (v ?? "");

/** The form a refused command came from, as the id of the page element it sits in. */
function anchorOf(command: string, sent: Record<string, string | string[]>): string {
  switch (command) {
    case "editQuestion":
    case "removeQuestion":
    case "moveUp":
    case "moveDown":
      return `q-${first(sent.questionId)}`;
    case "editTheme":
    case "removeTheme":
      return `theme-${first(sent.themeId)}`;
    case "addQuestion":
      return "add-question";
    case "addTheme":
      return "themes";
    case "closing":
      return "closing";
    default:
      return "details";
  }
}

/** Where the page goes after a command: back to what was changed, or on to what was added. */
function after(command: string, focus: string): string {
  switch (command) {
    case "addQuestion":
      return `&question=${focus}#q-${focus}`;
    case "addTheme":
      return `&theme=${focus}#theme-${focus}`;
    case "editQuestion":
    case "moveUp":
    case "moveDown":
      return `#q-${focus}`;
    case "editTheme":
    case "removeTheme":
    case "removeQuestion":
      return `#theme-${focus}`;
    case "closing":
      return "#closing";
    default:
      return "#details";
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    dialoguePolicy.manageTemplates,
  );
  // Another region's template (or a built-in one, which is never edited) answers 404 whatever
  // was posted: the intents find the row before they read the command.
  const form = await request.formData();
  const command = intent(form);
  const sent = formObject(form);
  const values = { anchor: anchorOf(command, sent), sent };
  if (command === "delete") {
    const result = await deleteTemplate(scope, params.id);
    if (!result.ok) return refusedChange(context, result, command, values);
    return redirect(`/manage/${region.slug}/dialogue/templates?deleted=1`);
  }
  const result = await updateTemplate(scope, params.id, command, sent);
  if (!result.ok) return refusedChange(context, result, command, values);
  return redirect(
    `/manage/${region.slug}/dialogue/templates/${params.id}?saved=1${after(command, result.value.focus)}`,
  );
}

// ---------------------------------------------------------------------------------------------

/** A refused command as the page shows it: which form, its message, and what was sent. */
interface Refused {
  intent: string;
  error: Message;
  fieldErrors?: FieldErrors;
  values: { anchor: string; sent: Record<string, string | string[]> };
}

/** The value a field shows: what was sent when its form came back refused, else the saved one. */
function valueFor(refused: Refused | undefined, name: string, saved: string): string {
  return refused ? first(refused.values.sent[name]) : saved;
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The texts labelled in both languages: `dialogueTemplates.<key>Nl` and `…En`. */
type BilingualLabel =
  | "title"
  | "description"
  | "themeTitle"
  | "intro"
  | "prompt"
  | "help"
  | "minLabel"
  | "maxLabel"
  | "closingTitle";

/** Both languages of a text, each with its label. */
function BothLanguages({ label, text }: { label: BilingualLabel; text: LocalText }) {
  const t = useT();
  return (
    <>
      <Item label={t(`dialogueTemplates.${label}Nl`)}>{text.nl}</Item>
      <Item label={t(`dialogueTemplates.${label}En`)}>{text.en}</Item>
    </>
  );
}

/** Two fields for one text, Dutch (required) and English (empty takes the Dutch). */
function BilingualFields({
  label,
  prefix = label,
  saved,
  refused,
  max,
  multiline,
  optional,
}: {
  label: BilingualLabel;
  prefix?: string;
  saved: LocalText | undefined;
  refused: Refused | undefined;
  max: number;
  multiline?: boolean;
  optional?: boolean;
}) {
  const t = useT();
  const rows = max > TEMPLATE_LIMITS.label ? 4 : 2;
  const labelNl = t(`dialogueTemplates.${label}Nl`);
  return (
    <>
      <Field
        name={`${prefix}Nl`}
        label={optional ? `${labelNl} ${t("app.optional")}` : labelNl}
        required={!optional}
        multiline={multiline}
        rows={rows}
        maxLength={multiline ? undefined : max}
        defaultValue={valueFor(refused, `${prefix}Nl`, saved?.nl ?? "")}
        errors={refused?.fieldErrors}
      />
      <Field
        name={`${prefix}En`}
        label={t(`dialogueTemplates.${label}En`)}
        description={t("dialogueTemplates.englishFallback")}
        multiline={multiline}
        rows={rows}
        maxLength={multiline ? undefined : max}
        defaultValue={valueFor(refused, `${prefix}En`, saved?.en ?? "")}
        errors={refused?.fieldErrors}
      />
    </>
  );
}

/** A page section with its h2; `anchored` gives the section the id links point at. */
function Section({
  id,
  title,
  anchored = true,
  children,
}: {
  id: string;
  title: string;
  anchored?: boolean;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="lr-section" id={anchored ? id : undefined}>
      <h2 className="utrecht-heading-2" id={`${id}-title`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The link that opens a section's edit form. */
function EditLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="lr-actions">
      <Link className="utrecht-link" to={to}>
        {children}
      </Link>
    </p>
  );
}

/** The hidden field that names a form's command. */
function Intent({ value }: { value: string }) {
  return <input type="hidden" name="_intent" value={value} />;
}

/** A removal behind a disclosure: what it asks, then one post that does it. */
function ConfirmRemove({
  summary,
  ask,
  intent,
  hidden,
  confirm,
}: {
  summary: ReactNode;
  ask: string;
  intent: string;
  hidden?: { name: string; value: string };
  confirm: string;
}) {
  return (
    <details className="lr-confirm">
      <summary>{summary}</summary>
      <p className="utrecht-paragraph">{ask}</p>
      <PostForm>
        <Intent value={intent} />
        {hidden ? <input type="hidden" name={hidden.name} value={hidden.value} /> : null}
        <SubmitButton kind="danger">{confirm}</SubmitButton>
      </PostForm>
    </details>
  );
}

function FormActions({ children, cancel }: { children: ReactNode; cancel: string }) {
  const t = useT();
  return (
    <div className="lr-actions">
      {children}
      <Link className="utrecht-link" to={cancel}>
        {t("dialogueTemplates.cancel")}
      </Link>
    </div>
  );
}

function DetailsForm({
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

function ThemeForm({ page, theme, refused }: { page: string; theme: Theme; refused?: Refused }) {
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

function QuestionForm({
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

function ClosingForm({
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

function QuestionView({ question }: { question: Question }) {
  const t = useT();
  return (
    <dl className="lr-details">
      <BothLanguages label="prompt" text={question.prompt} />
      {question.help && (question.help.nl || question.help.en) ? (
        <BothLanguages label="help" text={question.help} />
      ) : null}
      <Item label={t("dialogueTemplates.audience")}>
        {t(`dialogueTemplates.audiences.${question.audience}`)}
      </Item>
      {"options" in question ? (
        <>
          {(["nl", "en"] as const).map((lang) => (
            <Item
              key={lang}
              label={t(
                lang === "nl"
                  ? "dialogueTemplates.optionsReadNl"
                  : "dialogueTemplates.optionsReadEn",
              )}
            >
              <ul className="utrecht-unordered-list">
                {question.options.map((o) => (
                  <li key={o.id}>{o.label[lang]}</li>
                ))}
              </ul>
            </Item>
          ))}
        </>
      ) : null}
      {question.kind === "scale" ? (
        <>
          <Item label={t("dialogueTemplates.scale")}>
            {question.min}–{question.max}
          </Item>
          <BothLanguages label="minLabel" text={question.minLabel} />
          <BothLanguages label="maxLabel" text={question.maxLabel} />
        </>
      ) : null}
    </dl>
  );
}

/** Edit, move and delete for one question; the move buttons only where the question can go. */
function QuestionActions({
  page,
  question,
  n,
  isFirst,
  isLast,
}: {
  page: string;
  question: Question;
  n: number;
  isFirst: boolean;
  isLast: boolean;
}) {
  const t = useT();
  const which = (
    <span className="lr-visually-hidden">: {t("dialogueTemplates.questionRef", { n })}</span>
  );
  return (
    <div className="lr-actions">
      <Link className="utrecht-link" to={`${page}?question=${question.id}#q-${question.id}`}>
        {t("dialogueTemplates.editQuestion")}
        {which}
      </Link>
      {isFirst && isLast ? null : (
        <PostForm className="lr-inline-form">
          <input type="hidden" name="questionId" value={question.id} />
          {isFirst ? null : (
            <SubmitButton kind="secondary" name="_intent" value="moveUp">
              {t("dialogueTemplates.moveUp")}
              {which}
            </SubmitButton>
          )}
          {isLast ? null : (
            <SubmitButton kind="secondary" name="_intent" value="moveDown">
              {t("dialogueTemplates.moveDown")}
              {which}
            </SubmitButton>
          )}
        </PostForm>
      )}
      <ConfirmRemove
        summary={
          <>
            {t("dialogueTemplates.removeQuestionButton")}
            {which}
          </>
        }
        ask={t("dialogueTemplates.removeQuestionAsk", { n })}
        intent="removeQuestion"
        hidden={{ name: "questionId", value: question.id }}
        confirm={t("dialogueTemplates.removeQuestionConfirm", { n })}
      />
    </div>
  );
}

export default function TemplateEditor({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const message = useMessage();
  const [params] = useSearchParams();
  const { region, ref, builtin, template, canEdit, canCopy, updated, updatedIso } = loaderData;
  const refused =
    actionData && actionData.ok === false ? (actionData as unknown as Refused) : undefined;
  const refusedFor = (command: string, target?: string) =>
    refused &&
    refused.intent === command &&
    (target === undefined || refused.values.anchor === target)
      ? refused
      : undefined;
  const list = `/manage/${region.slug}/dialogue/templates`;
  const page = `${list}/${ref}`;
  // The one edit form that is open: the refused one, else the one the URL asks for.
  const open = refused?.fieldErrors
    ? refused.values.anchor
    : params.get("question")
      ? `q-${params.get("question")}`
      : params.get("theme")
        ? `theme-${params.get("theme")}`
        : (params.get("edit") ?? "");
  const editing = (anchor: string) => canEdit && open === anchor;
  let n = 0;
  const total = template.themes.reduce((sum, th) => sum + th.questions.length, 0);

  return (
    <>
      <p className="lr-breadcrumb">
        <Link className="utrecht-link" to={list}>
          {t("dialogueTemplates.backToTemplates")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{template.title[locale]}</h1>
      {refused ? (
        <div className="utrecht-alert utrecht-alert--error" role="alert">
          <p className="utrecht-paragraph">{message(refused.error)}</p>
          <p className="utrecht-paragraph">
            <a className="utrecht-link" href={`#${refused.values.anchor}`}>
              {t("dialogueTemplates.errorLink")}
            </a>
          </p>
        </div>
      ) : null}
      {params.get("saved") && !refused ? <Notice>{t("dialogueTemplates.saved")}</Notice> : null}
      {params.get("copied") ? <Notice>{t("dialogueTemplates.copied")}</Notice> : null}
      {params.get("created") ? <Notice>{t("dialogueTemplates.created")}</Notice> : null}
      {builtin ? (
        <Notice kind="info">{t("dialogueTemplates.builtinNote")}</Notice>
      ) : canEdit ? null : (
        <Notice kind="info">{t("dialogueTemplates.readOnly")}</Notice>
      )}
      {builtin && canCopy ? (
        <PostForm action={list}>
          <Intent value="copy" />
          <input type="hidden" name="template" value={ref} />
          <SubmitButton>{t("dialogueTemplates.copyThis")}</SubmitButton>
        </PostForm>
      ) : null}

      <Section id="details" title={t("dialogueTemplates.details")}>
        {editing("details") ? (
          <DetailsForm page={page} template={template} refused={refusedFor("details")} />
        ) : (
          <>
            <dl className="lr-details">
              <BothLanguages label="title" text={template.title} />
              {template.description.nl || template.description.en ? (
                <BothLanguages label="description" text={template.description} />
              ) : (
                <Item label={t("dialogueTemplates.description")}>
                  {t("dialogueTemplates.noDescription")}
                </Item>
              )}
              {updated && updatedIso ? (
                <Item label={t("dialogueTemplates.colUpdated")}>
                  <time dateTime={updatedIso}>{updated}</time>
                </Item>
              ) : null}
            </dl>
            {canEdit ? (
              <EditLink to={`${page}?edit=details#details`}>
                {t("dialogueTemplates.editDetails")}
              </EditLink>
            ) : null}
          </>
        )}
      </Section>

      <Section id="themes" title={t("dialogueTemplates.themes")}>
        {template.themes.map((theme, ti) => (
          <section
            key={theme.id}
            id={`theme-${theme.id}`}
            aria-labelledby={`theme-${theme.id}-title`}
            className="lr-section"
          >
            <h3 className="utrecht-heading-3" id={`theme-${theme.id}-title`}>
              {t("dialogueTemplates.themeHeading", { n: ti + 1, title: theme.title[locale] })}
            </h3>
            {editing(`theme-${theme.id}`) ? (
              <ThemeForm
                page={page}
                theme={theme}
                refused={refusedFor("editTheme", `theme-${theme.id}`)}
              />
            ) : (
              <>
                <dl className="lr-details">
                  <BothLanguages label="themeTitle" text={theme.title} />
                  {theme.intro.nl || theme.intro.en ? (
                    <BothLanguages label="intro" text={theme.intro} />
                  ) : null}
                </dl>
                {canEdit ? (
                  <div className="lr-actions">
                    <Link
                      className="utrecht-link"
                      to={`${page}?theme=${theme.id}#theme-${theme.id}`}
                    >
                      {t("dialogueTemplates.editTheme")}
                      <span className="lr-visually-hidden">: {theme.title[locale]}</span>
                    </Link>
                    {template.themes.length > 1 ? (
                      <ConfirmRemove
                        summary={
                          <>
                            {t("dialogueTemplates.removeTheme")}
                            <span className="lr-visually-hidden">: {theme.title[locale]}</span>
                          </>
                        }
                        ask={t("dialogueTemplates.removeThemeQuestion", {
                          title: theme.title[locale],
                          count: theme.questions.length,
                        })}
                        intent="removeTheme"
                        hidden={{ name: "themeId", value: theme.id }}
                        confirm={t("dialogueTemplates.removeThemeConfirm")}
                      />
                    ) : null}
                  </div>
                ) : null}
              </>
            )}
            <ol className="lr-plain-list">
              {theme.questions.map((question) => {
                n++;
                const anchor = `q-${question.id}`;
                return (
                  <li key={question.id} id={anchor} className="lr-section">
                    <h4 className="utrecht-heading-4">
                      {t("dialogueTemplates.questionHeading", {
                        n,
                        kind: t(`dialogueTemplates.kinds.${question.kind}`),
                      })}
                    </h4>
                    {editing(anchor) ? (
                      <QuestionForm
                        page={page}
                        question={question}
                        refused={refusedFor("editQuestion", anchor)}
                      />
                    ) : (
                      <>
                        <QuestionView question={question} />
                        {canEdit ? (
                          <QuestionActions
                            page={page}
                            question={question}
                            n={n}
                            isFirst={n === 1}
                            isLast={n === total}
                          />
                        ) : null}
                      </>
                    )}
                  </li>
                );
              })}
            </ol>
          </section>
        ))}

        {canEdit ? (
          <>
            <h3 className="utrecht-heading-3" id="add-question">
              {t("dialogueTemplates.addQuestion")}
            </h3>
            <PostForm className="lr-form" noValidate>
              <Intent value="addQuestion" />
              <SelectField
                name="themeId"
                label={t("dialogueTemplates.addQuestionTheme")}
                defaultValue={template.themes.at(-1)?.id}
                options={template.themes.map((th, i) => ({
                  value: th.id,
                  label: t("dialogueTemplates.themeHeading", {
                    n: i + 1,
                    title: th.title[locale],
                  }),
                }))}
                errors={refusedFor("addQuestion")?.fieldErrors}
              />
              <SelectField
                name="kind"
                label={t("dialogueTemplates.addQuestionKind")}
                defaultValue="open"
                options={QUESTION_KINDS.map((k) => ({
                  value: k,
                  label: t(`dialogueTemplates.kinds.${k}`),
                }))}
                errors={refusedFor("addQuestion")?.fieldErrors}
              />
              <SubmitButton>{t("dialogueTemplates.addQuestion")}</SubmitButton>
            </PostForm>
            <PostForm className="lr-actions">
              <Intent value="addTheme" />
              <SubmitButton kind="secondary">{t("dialogueTemplates.addTheme")}</SubmitButton>
            </PostForm>
          </>
        ) : null}
      </Section>

      <Section id="closing" title={t("dialogueTemplates.closing")}>
        {editing("closing") ? (
          <ClosingForm page={page} template={template} refused={refusedFor("closing")} />
        ) : (
          <>
            <dl className="lr-details">
              <BothLanguages label="closingTitle" text={template.closing.title} />
            </dl>
            {template.closing.tips.length === 0 ? (
              <p className="utrecht-paragraph">{t("dialogueTemplates.noTips")}</p>
            ) : (
              <ol className="utrecht-ordered-list">
                {template.closing.tips.map((tip, i) => (
                  <li key={i}>
                    <strong>{tip.title[locale]}</strong>
                    {tip.body[locale] ? <> — {tip.body[locale]}</> : null}
                  </li>
                ))}
              </ol>
            )}
            {canEdit ? (
              <EditLink to={`${page}?edit=closing#closing`}>
                {t("dialogueTemplates.editClosing")}
              </EditLink>
            ) : null}
          </>
        )}
      </Section>

      <Section id="sources" title={t("dialogueTemplates.sources")}>
        {template.sources.length === 0 ? (
          <p className="utrecht-paragraph">{t("dialogueTemplates.noSources")}</p>
        ) : (
          <>
            <p className="utrecht-paragraph">{t("dialogueTemplates.sourcesIntro")}</p>
            <ul className="utrecht-unordered-list">
              {template.sources.map((source, i) => (
                <li key={i}>{source}</li>
              ))}
            </ul>
          </>
        )}
      </Section>

      {canEdit ? (
        <Section id="delete" title={t("dialogueTemplates.deleteTitle")} anchored={false}>
          <p className="utrecht-paragraph">{t("dialogueTemplates.deleteIntro")}</p>
          <ConfirmRemove
            summary={t("dialogueTemplates.remove")}
            ask={t("dialogueTemplates.removeQuestion", { title: template.title[locale] })}
            intent="delete"
            confirm={t("dialogueTemplates.removeConfirm", { title: template.title[locale] })}
          />
        </Section>
      ) : null}
    </>
  );
}
