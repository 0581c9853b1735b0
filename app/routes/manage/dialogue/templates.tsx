import { data, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/templates";
import { dialoguePolicy } from "../../../../core/dialogue/policy.ts";
import { copyTemplate } from "../../../../core/dialogue/templates/copyTemplate.ts";
import { createTemplate } from "../../../../core/dialogue/templates/createTemplate.ts";
import { deleteTemplate } from "../../../../core/dialogue/templates/deleteTemplate.ts";
import { BUILTIN_TEMPLATES } from "../../../../core/dialogue/templates/index.ts";
import { TEMPLATE_LIMITS } from "../../../../core/dialogue/templates/editing.ts";
import { listRegionTemplates } from "../../../../core/dialogue/templates/templateQueries.ts";
import { questionsOf } from "../../../../core/dialogue/template.ts";
import { may } from "../../../../core/kernel/scope.ts";
import {
  Field,
  FormError,
  Notice,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { formatDate, isoDate } from "../../../lib/format.ts";
import { formObject, intent } from "../../../lib/form.server.ts";
import { useLocale, useT } from "../../../lib/i18n.ts";
import {
  getRequestInfo,
  refusedChange,
  requestT,
  requireRegion,
} from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    dialoguePolicy.readTemplates,
  );
  const { locale } = getRequestInfo(context);
  const own = await listRegionTemplates(scope);
  return {
    region: { slug: region.slug, name: region.name },
    templates: [
      ...BUILTIN_TEMPLATES.map((b) => ({
        ref: b.key,
        title: b.template.title,
        builtin: true,
        questions: questionsOf(b.template).length,
        updated: null,
        updatedIso: null,
      })),
      ...own.map((t) => ({
        ref: t.id,
        title: t.title,
        builtin: false,
        questions: t.questions,
        updated: formatDate(t.updatedAt, locale),
        updatedIso: isoDate(t.updatedAt),
      })),
    ],
    canEdit: may(scope, dialoguePolicy.manageTemplates),
    title: `${requestT(context)("dialogueTemplates.title")} · ${region.name}`,
  };
}

/** Copy, new and delete; every one for organisers and admins only. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    dialoguePolicy.manageTemplates,
  );
  const form = await request.formData();
  const base = `/manage/${region.slug}/dialogue/templates`;
  const sent = formObject(form);
  switch (intent(form)) {
    case "copy": {
      const result = await copyTemplate(scope, sent);
      if (!result.ok) return refusedChange(context, result, "copy", undefined);
      return redirect(`${base}/${result.value.id}?copied=1`);
    }
    case "new": {
      const result = await createTemplate(scope, sent);
      if (!result.ok) return refusedChange(context, result, "new", sent);
      return redirect(`${base}/${result.value.id}?created=1&edit=details#details`);
    }
    case "delete": {
      const result = await deleteTemplate(scope, sent.id);
      if (!result.ok) return refusedChange(context, result, "delete", undefined);
      return redirect(`${base}?deleted=1`);
    }
    default:
      return data(
        {
          ok: false as const,
          error: { key: "errors.badRequest" as const },
          intent: "",
          values: undefined,
        },
        { status: 400 },
      );
  }
}

export default function DialogueTemplates({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const [params] = useSearchParams();
  const { region, templates, canEdit } = loaderData;
  const created = useFieldErrors(actionData?.intent === "new" ? actionData : undefined);
  // A refused copy or delete has no fields of its own: its message stands above the table.
  const other = actionData && actionData.intent !== "new" ? actionData.error : undefined;
  const base = `/manage/${region.slug}/dialogue/templates`;
  const sent = (name: string) => {
    const values = actionData?.intent === "new" ? actionData.values : undefined;
    const v = values?.[name];
    return typeof v === "string" ? v : undefined;
  };
  return (
    <>
      <p className="lr-breadcrumb">
        <Link className="utrecht-link" to={`/manage/${region.slug}/dialogue`}>
          {t("dialogueTemplates.backToSessions")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("dialogueTemplates.title")}</h1>
      <p className="utrecht-paragraph">{t("dialogueTemplates.intro")}</p>
      {params.get("deleted") ? <Notice>{t("dialogueTemplates.deleted")}</Notice> : null}
      <FormError error={other} />
      {canEdit ? null : <Notice kind="info">{t("dialogueTemplates.readOnly")}</Notice>}

      <DataTable
        caption={t("dialogueTemplates.caption", { region: region.name })}
        columns={[
          t("dialogueTemplates.colTitle"),
          t("dialogueTemplates.colKind"),
          { label: t("dialogueTemplates.colQuestions"), numeric: true },
          t("dialogueTemplates.colUpdated"),
          ...(canEdit ? [t("dialogueTemplates.colActions")] : []),
        ]}
      >
        {templates.map((tp) => {
          const title = tp.title[locale];
          return (
            <Row key={tp.ref}>
              <RowHeader>
                <Link className="utrecht-link" to={`${base}/${tp.ref}`}>
                  {title}
                </Link>
              </RowHeader>
              <Cell>{t(tp.builtin ? "dialogueTemplates.builtin" : "dialogueTemplates.own")}</Cell>
              <Cell numeric>{tp.questions}</Cell>
              <Cell>
                {tp.updated && tp.updatedIso ? (
                  <time dateTime={tp.updatedIso}>{tp.updated}</time>
                ) : (
                  t("dialogueTemplates.notChanged")
                )}
              </Cell>
              {canEdit ? (
                <Cell>
                  <div className="lr-actions">
                    <PostForm className="lr-inline-form">
                      <input type="hidden" name="_intent" value="copy" />
                      <input type="hidden" name="template" value={tp.ref} />
                      <SubmitButton kind="secondary">
                        {t("dialogueTemplates.copy")}
                        <span className="lr-visually-hidden">: {title}</span>
                      </SubmitButton>
                    </PostForm>
                    {tp.builtin ? null : (
                      <details className="lr-confirm">
                        <summary>
                          {t("dialogueTemplates.remove")}
                          <span className="lr-visually-hidden">: {title}</span>
                        </summary>
                        <p className="utrecht-paragraph">
                          {t("dialogueTemplates.removeQuestion", { title })}
                        </p>
                        <PostForm>
                          <input type="hidden" name="_intent" value="delete" />
                          <input type="hidden" name="id" value={tp.ref} />
                          <SubmitButton kind="danger">
                            {t("dialogueTemplates.removeConfirm", { title })}
                          </SubmitButton>
                        </PostForm>
                      </details>
                    )}
                  </div>
                </Cell>
              ) : null}
            </Row>
          );
        })}
      </DataTable>

      {canEdit ? (
        <section aria-labelledby="new-template" className="lr-section">
          <h2 className="utrecht-heading-2" id="new-template">
            {t("dialogueTemplates.newTitle")}
          </h2>
          <p className="utrecht-paragraph">{t("dialogueTemplates.newIntro")}</p>
          <PostForm className="lr-form" noValidate>
            <input type="hidden" name="_intent" value="new" />
            <FormError error={created.error} />
            <Field
              name="titleNl"
              label={t("dialogueTemplates.titleNl")}
              required
              maxLength={TEMPLATE_LIMITS.title}
              defaultValue={sent("titleNl")}
              errors={created.fieldErrors}
            />
            <Field
              name="titleEn"
              label={t("dialogueTemplates.titleEn")}
              description={t("dialogueTemplates.englishFallback")}
              maxLength={TEMPLATE_LIMITS.title}
              defaultValue={sent("titleEn")}
              errors={created.fieldErrors}
            />
            <SubmitButton>{t("dialogueTemplates.create")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}
