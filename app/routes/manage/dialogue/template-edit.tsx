import { Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/template-edit";
import { dialoguePolicy } from "../../../../core/dialogue/policy.ts";
import { deleteTemplate } from "../../../../core/dialogue/templates/deleteTemplate.ts";
import { BUILTIN_TEMPLATES } from "../../../../core/dialogue/templates/index.ts";
import { QUESTION_KINDS } from "../../../../core/dialogue/templates/editing.ts";
import { findRegionTemplate } from "../../../../core/dialogue/templates/templateQueries.ts";
import { updateTemplate } from "../../../../core/dialogue/templates/updateTemplate.ts";
import { may } from "../../../../core/kernel/scope.ts";
import { Notice, PostForm, SelectField, SubmitButton } from "../../../components/form.tsx";
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
import {
  first,
  type Refused,
  Item,
  BothLanguages,
  Section,
  EditLink,
  Intent,
  ConfirmRemove,
} from "./TemplateEditorParts.tsx";
import { DetailsForm, ThemeForm, QuestionForm, ClosingForm } from "./TemplateEditorForms.tsx";
import { QuestionView, QuestionActions } from "./TemplateQuestion.tsx";

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
