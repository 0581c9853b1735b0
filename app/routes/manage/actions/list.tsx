import { Link, redirect } from "react-router";
import type { Route } from "./+types/list";
import { partyChoices } from "../../../../core/people/parties.ts";
import { PartyLists } from "../../../components/actions/PartyPicker.tsx";
import { actionPolicy } from "../../../../core/actions/policy.ts";
import { createAction } from "../../../../core/actions/createAction.ts";
import { ACTION_STATUSES } from "../../../../core/actions/schema.ts";
import { setAgendaPublic } from "../../../../core/harvest/setAgendaPublic.ts";
import { harvestChoices, listActions, themeChoices } from "../../../../core/actions/queries.ts";
import { isId } from "../../../../core/kernel/validate.ts";
import {
  ActionFields,
  periodText,
  sentActionValues,
} from "../../../components/actions/ActionFields.tsx";
import {
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { formatDate } from "../../../lib/format.ts";
import { useLocale, useT } from "../../../lib/i18n.ts";
import {
  getServices,
  notFound,
  refusedChange,
  requestT,
  requireRegion,
} from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

const DONE = ["deleted", "agendaOn", "agendaOff"] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, actionPolicy.manage);
  const url = new URL(request.url);
  const [actions, harvests, themes] = await Promise.all([
    listActions(scope),
    harvestChoices(scope),
    themeChoices(scope, null),
  ]);
  const theme = url.searchParams.get("theme");
  const done = url.searchParams.get("done");
  return {
    base: `/manage/${region.slug}`,
    publicAgendaUrl: harvests.some((h) => h.agenda_public)
      ? `${getServices(context).config.publicUrl}/r/${region.slug}/agenda/actions`
      : null,
    actions,
    harvests,
    themes,
    parties: await partyChoices(scope),
    chosenTheme: theme && themes.some((th) => th.id === theme) ? theme : null,
    done: DONE.find((d) => d === done) ?? null,
    // The region in the title, as on every other page of a region: tabs of two regions differ.
    pageTitle: `${requestT(context)("actions.title")} · ${region.name}`,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, actionPolicy.manage);
  const form = await request.formData();
  const cmd = intent(form);
  const sent = formObject(form);
  const base = `/manage/${region.slug}/actions`;
  if (cmd === "create") {
    const input = {
      ...sent,
      themeId: isId(sent.themeId) ? sent.themeId : sent.themeId || undefined,
      harvestId: isId(sent.harvestId) ? sent.harvestId : sent.harvestId || undefined,
    };
    const r = await createAction(scope, input);
    return r.ok
      ? redirect(`${base}/${r.value.id}?done=created`)
      : refusedChange(context, r, cmd, sentActionValues(sent));
  }
  if (cmd === "agendaOn" || cmd === "agendaOff") {
    const harvestId = typeof sent.harvestId === "string" ? sent.harvestId : "";
    const r = await setAgendaPublic(scope, harvestId, cmd === "agendaOn");
    return r.ok ? redirect(`${base}?done=${cmd}`) : refusedChange(context, r, cmd, {});
  }
  notFound(context);
}

export default function Actions({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { base, actions, harvests, themes, chosenTheme, done, publicAgendaUrl } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  const day = (iso: string) => formatDate(iso, locale);
  return (
    <>
      <h1 className="utrecht-heading-1">{t("actions.title")}</h1>
      <p className="utrecht-paragraph">{t("actions.intro")}</p>
      {done === "deleted" ? <Notice>{t("actions.deleted")}</Notice> : null}
      {done === "agendaOn" ? <Notice>{t("actions.agendaPublished")}</Notice> : null}
      {done === "agendaOff" ? <Notice>{t("actions.agendaUnpublished")}</Notice> : null}
      <FormError error={error} />
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`${base}/coalitions`}>
          {t("coalitions.title")}
        </Link>
      </p>

      {actions.length === 0 ? <p className="utrecht-paragraph">{t("actions.none")}</p> : null}
      {ACTION_STATUSES.map((status) => {
        const rows = actions.filter((a) => a.status === status);
        if (rows.length === 0) return null;
        return (
          <section className="lr-section" key={status} aria-labelledby={`status-${status}`}>
            <h2 className="utrecht-heading-2" id={`status-${status}`}>
              {`${t(`actions.statuses.${status}`)} (${rows.length})`}
            </h2>
            <DataTable
              caption={t(`actions.statuses.${status}`)}
              hideCaption
              columns={[
                t("actions.columns.title"),
                t("actions.columns.owner"),
                t("actions.columns.period"),
                t("actions.columns.harvest"),
                t("actions.columns.coalitions"),
                { label: t("actions.columns.behind"), numeric: true },
              ]}
            >
              {rows.map((a) => (
                <Row key={a.id}>
                  <RowHeader>
                    <Link className="utrecht-link" to={`${base}/actions/${a.id}`}>
                      {a.title}
                    </Link>
                  </RowHeader>
                  <Cell>{a.ownerOrganisation}</Cell>
                  <Cell>{periodText(t, a.startsOn, a.endsOn, day)}</Cell>
                  <Cell>{a.harvestTitle ?? ""}</Cell>
                  <Cell>
                    {a.coalitions.map((c, i) => (
                      <span key={c.id}>
                        {i > 0 ? ", " : null}
                        <Link className="utrecht-link" to={`${base}/coalitions/${c.id}`}>
                          {c.title}
                        </Link>
                      </span>
                    ))}
                  </Cell>
                  <Cell numeric>
                    <Link
                      className="utrecht-link"
                      to={`${base}/actions/${a.id}/contributions`}
                      aria-label={t("actions.behind", { count: a.behind })}
                    >
                      {a.behind}
                    </Link>
                  </Cell>
                </Row>
              ))}
            </DataTable>
          </section>
        );
      })}

      <section className="lr-section" aria-labelledby="new">
        <h2 className="utrecht-heading-2" id="new">
          {t("actions.new")}
        </h2>
        <p className="utrecht-paragraph">{t("actions.newIntro")}</p>
        <PostForm>
          <SelectField
            name="themeId"
            label={t("actions.fromTheme")}
            emptyLabel={t("actions.noTheme")}
            defaultValue={chosenTheme}
            options={themes.map((th) => ({
              value: th.id,
              label: `${th.label} (${th.harvest_title})`,
            }))}
            errors={fieldErrors}
          />
          {harvests.length > 0 ? (
            <SelectField
              name="harvestId"
              label={t("actions.harvest")}
              emptyLabel={t("actions.noHarvest")}
              options={harvests.map((h) => ({ value: h.id, label: h.title }))}
              errors={fieldErrors}
            />
          ) : null}
          <ActionFields values={values} errors={fieldErrors} />
          <PartyLists choices={loaderData.parties} />
          <SubmitButton name="_intent" value="create">
            {t("actions.create")}
          </SubmitButton>
        </PostForm>
      </section>

      <section className="lr-section" aria-labelledby="public">
        <h2 className="utrecht-heading-2" id="public">
          {t("actions.publicAgenda")}
        </h2>
        <p className="utrecht-paragraph">{t("actions.publicNote")}</p>
        {harvests.length === 0 ? (
          <p className="utrecht-paragraph">{t("actions.noHarvests")}</p>
        ) : null}
        <ul className="lr-plain-list">
          {harvests.map((h) => (
            <li key={h.id} className="lr-pub-toggle">
              <PostForm>
                <input type="hidden" name="harvestId" value={h.id} />
                <p className="utrecht-paragraph">
                  {h.agenda_public
                    ? t("actions.agendaPublic", { harvest: h.title })
                    : t("actions.agendaPrivate", { harvest: h.title })}
                </p>
                <SubmitButton
                  name="_intent"
                  value={h.agenda_public ? "agendaOff" : "agendaOn"}
                  kind="secondary"
                >
                  {h.agenda_public
                    ? t("actions.unpublishAgenda", { harvest: h.title })
                    : t("actions.publishAgenda", { harvest: h.title })}
                </SubmitButton>
              </PostForm>
            </li>
          ))}
        </ul>
        {publicAgendaUrl ? (
          <p className="utrecht-paragraph">
            <a className="utrecht-link" href={publicAgendaUrl}>
              {t("actions.viewPublic")}
            </a>
          </p>
        ) : null}
      </section>
    </>
  );
}
