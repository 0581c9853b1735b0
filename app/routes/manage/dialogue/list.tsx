import { Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/list";
import { createSession } from "../../../../core/dialogue/createSession.ts";
import { formatJoinCode } from "../../../../core/dialogue/joinCode.ts";
import { dialoguePolicy } from "../../../../core/dialogue/policy.ts";
import { listSessions } from "../../../../core/dialogue/queries.ts";
import { formatMoment } from "../../../../core/kernel/time.ts";
import { templateChoices } from "../../../../core/dialogue/templates/templateQueries.ts";
import {
  Field,
  FormError,
  PostForm,
  SelectField,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { useLocale, useT } from "../../../lib/i18n.ts";
import { refused, requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    dialoguePolicy.viewSessions,
  );
  const sessions = await listSessions(scope);
  return {
    region,
    sessions: sessions.map((s) => ({
      ...s,
      participants: Number(s.participants),
      created_at: new Date(s.created_at).toISOString(),
    })),
    // Built-in templates first, then the region's own.
    templates: await templateChoices(scope),
    title: `${requestT(context)("dialogue.title")} · ${region.name}`,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    dialoguePolicy.createSession,
  );
  const result = await createSession(scope, formObject(await request.formData()));
  if (!result.ok) return refused(context, result);
  return redirect(`/manage/${region.slug}/dialogue/${result.value.id}`);
}

export default function DialogueList({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { fieldErrors, error } = useFieldErrors(useActionData<typeof action>());
  const { region, sessions, templates } = loaderData;
  return (
    <>
      <h1 className="utrecht-heading-1">{t("dialogue.title")}</h1>
      <p className="utrecht-paragraph">{t("dialogue.intro")}</p>
      <section aria-labelledby="new-session" className="lr-section">
        <h2 className="utrecht-heading-2" id="new-session">
          {t("dialogue.newTitle")}
        </h2>
        <PostForm className="lr-form" noValidate>
          <FormError error={error} />
          <Field
            name="title"
            label={t("dialogue.sessionTitle")}
            required
            maxLength={200}
            errors={fieldErrors}
          />
          <SelectField
            name="template"
            label={t("dialogue.template")}
            options={templates.map((tp) => ({ value: tp.value, label: tp.title[locale] }))}
            errors={fieldErrors}
          />
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={`/manage/${region.slug}/dialogue/templates`}>
              {t("dialogueTemplates.manageLink")}
            </Link>
          </p>
          <SelectField
            name="language"
            label={t("dialogue.language")}
            defaultValue={locale}
            options={[
              { value: "nl", label: t("app.languageName.nl") },
              { value: "en", label: t("app.languageName.en") },
            ]}
            errors={fieldErrors}
          />
          <SubmitButton>{t("dialogue.start")}</SubmitButton>
        </PostForm>
      </section>
      {sessions.length === 0 ? (
        <p className="utrecht-paragraph">{t("dialogue.none")}</p>
      ) : (
        <DataTable
          caption={t("dialogue.caption", { region: region.name })}
          columns={[
            t("dialogue.sessionTitle"),
            t("dialogue.code"),
            t("dialogue.status"),
            { label: t("dialogue.participants"), numeric: true },
            t("dialogue.created"),
          ]}
        >
          {sessions.map((s) => (
            <Row key={s.id}>
              <RowHeader>
                <Link className="utrecht-link" to={`/manage/${region.slug}/dialogue/${s.id}`}>
                  {s.title}
                </Link>
              </RowHeader>
              <Cell>{formatJoinCode(s.join_code)}</Cell>
              <Cell>{t(`dialogue.${s.status}`)}</Cell>
              <Cell numeric>{s.participants}</Cell>
              <Cell>{formatMoment(s.created_at, locale, "numericDate")}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
    </>
  );
}
