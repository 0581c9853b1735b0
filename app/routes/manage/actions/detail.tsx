import { Link, redirect } from "react-router";
import type { Route } from "./+types/detail";
import { partyChoices } from "../../../../core/people/parties.ts";
import { PartyLists } from "../../../components/actions/PartyPicker.tsx";
import { challengesLinkedTo } from "../../../../core/challenges/queries.ts";
import { ServesChallenges } from "../../../components/challenges/ServesChallenges.tsx";
import { actionPolicy } from "../../../../core/actions/policy.ts";
import { addProgressNote } from "../../../../core/actions/addProgressNote.ts";
import { deleteAction } from "../../../../core/actions/deleteAction.ts";
import { deleteProgressNote } from "../../../../core/actions/deleteProgressNote.ts";
import { linkTheme } from "../../../../core/actions/linkTheme.ts";
import { unlinkSource } from "../../../../core/actions/unlinkSource.ts";
import { updateAction } from "../../../../core/actions/updateAction.ts";
import { getAction, themeChoices } from "../../../../core/actions/queries.ts";
import { linkAction } from "../../../../core/coalitions/linkAction.ts";
import { unlinkAction } from "../../../../core/coalitions/unlinkAction.ts";
import { coalitionChoices } from "../../../../core/coalitions/queries.ts";
import {
  ActionFields,
  periodText,
  sentActionValues,
} from "../../../components/actions/ActionFields.tsx";
import {
  DeleteForm,
  LinkedList,
  LinkForm,
  UnlinkForm,
} from "../../../components/actions/LinkedItems.tsx";
import {
  Field,
  FormError,
  Notice,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { formatDate, formatDateTime } from "../../../lib/format.ts";
import { useLocale, useT } from "../../../lib/i18n.ts";
import { notFound, refusedChange, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.found.action.title }];
}

const DONE = ["created", "saved", "noteAdded", "linked", "unlinked"] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, actionPolicy.manage);
  const found = await getAction(scope, params.id);
  if (!found) notFound(context);
  const [themes, coalitions] = await Promise.all([
    themeChoices(scope, found.action.harvest_id),
    coalitionChoices(scope),
  ]);
  const linkedThemes = new Set(found.themes.map((th) => th.id));
  const linkedCoalitions = new Set(found.coalitions.map((c) => c.id));
  const done = new URL(request.url).searchParams.get("done");
  return {
    base: `/manage/${region.slug}`,
    found,
    themeOptions: themes.filter((th) => !linkedThemes.has(th.id)),
    coalitionOptions: coalitions.filter((c) => !linkedCoalitions.has(c.id)),
    parties: await partyChoices(scope),
    done: DONE.find((d) => d === done) ?? null,
    challenges: await challengesLinkedTo(scope, "action", found.action.id),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, actionPolicy.manage);
  const form = await request.formData();
  const cmd = intent(form);
  const sent = formObject(form);
  const here = `/manage/${region.slug}/actions/${params.id}`;
  const back = (done: (typeof DONE)[number], hash = "") => redirect(`${here}?done=${done}${hash}`);
  switch (cmd) {
    case "update": {
      const r = await updateAction(scope, params.id, sent);
      return r.ok ? back("saved") : refusedChange(context, r, cmd, sentActionValues(sent));
    }
    case "note": {
      const r = await addProgressNote(scope, params.id, sent);
      return r.ok
        ? back("noteAdded", "#progress")
        : refusedChange(context, r, cmd, { note: String(sent.note ?? "").slice(0, 6000) });
    }
    case "deleteNote": {
      const r = await deleteProgressNote(scope, params.id, sent);
      return r.ok ? back("saved", "#progress") : refusedChange(context, r, cmd, {});
    }
    case "linkTheme": {
      const r = await linkTheme(scope, params.id, sent);
      return r.ok ? back("linked", "#sources") : refusedChange(context, r, cmd, {});
    }
    case "unlink": {
      const r = await unlinkSource(scope, params.id, sent);
      return r.ok ? back("unlinked", "#sources") : refusedChange(context, r, cmd, {});
    }
    case "linkCoalition":
    case "unlinkCoalition": {
      // The coalition must be the region's; so must this action.
      if (!(await getAction(scope, params.id))) notFound(context);
      const coalitionId = typeof sent.coalitionId === "string" ? sent.coalitionId : "";
      const r =
        cmd === "linkCoalition"
          ? await linkAction(scope, coalitionId, { actionId: params.id })
          : await unlinkAction(scope, coalitionId, { actionId: params.id });
      return r.ok
        ? back(cmd === "linkCoalition" ? "linked" : "unlinked", "#coalitions")
        : refusedChange(context, r, cmd, {});
    }
    case "delete": {
      const r = await deleteAction(scope, params.id);
      return r.ok
        ? redirect(`/manage/${region.slug}/actions?done=deleted`)
        : refusedChange(context, r, cmd, {});
    }
    default:
      notFound(context);
  }
}

export default function ActionPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { base, found, themeOptions, coalitionOptions, done } = loaderData;
  const { action: a, progress, themes, contributions, coalitions, behind } = found;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const failed = actionData && "intent" in actionData ? actionData.intent : null;
  const sent = actionData && "values" in actionData ? actionData.values : undefined;
  const values =
    failed === "update" && sent
      ? (sent as ReturnType<typeof sentActionValues>)
      : {
          title: a.title,
          goal: a.goal,
          ownerOrganisation: a.owner_organisation,
          partners: a.partners,
          startsOn: a.starts_on ?? "",
          endsOn: a.ends_on ?? "",
          status: a.status,
        };
  const harvestBase = a.harvest_id ? `${base}/harvest/${a.harvest_id}` : null;
  const notices: Record<string, string> = {
    created: t("actions.created"),
    saved: t("actions.saved"),
    noteAdded: t("actions.noteAdded"),
    linked: t("actions.linked"),
    unlinked: t("actions.unlinked"),
  };
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={`${base}/actions`}>
          {t("actions.backToAgenda")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{a.title}</h1>
      <p className="utrecht-paragraph">
        {t(`actions.statuses.${a.status}`)} ·{" "}
        {periodText(t, a.starts_on, a.ends_on, (iso) => formatDate(iso, locale))}
        {a.harvest_title ? ` · ${a.harvest_title}` : null}
      </p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`${base}/actions/${a.id}/contributions`}>
          {t("actions.behind", { count: behind })}
        </Link>
      </p>
      {done ? <Notice>{notices[done]}</Notice> : null}
      <FormError error={error} />

      <PostForm>
        <fieldset className="lr-section">
          <legend>{t("actions.details")}</legend>
          <ActionFields values={values} errors={failed === "update" ? fieldErrors : undefined} />
          <PartyLists choices={loaderData.parties} />
          <SubmitButton name="_intent" value="update">
            {t("actions.save")}
          </SubmitButton>
        </fieldset>
      </PostForm>

      <section className="lr-section" aria-labelledby="progress-title" id="progress">
        <h2 className="utrecht-heading-2" id="progress-title">
          {t("actions.progress")}
        </h2>
        {progress.length === 0 ? (
          <p className="utrecht-paragraph">{t("actions.noProgress")}</p>
        ) : (
          <ul className="lr-plain-list lr-progress">
            {progress.map((p) => (
              <li key={p.id}>
                <p className="utrecht-paragraph lr-muted">
                  {t("actions.noteBy", {
                    date: formatDateTime(p.created_at, locale),
                    author: p.author ?? "—",
                  })}
                </p>
                <p className="utrecht-paragraph lr-pub-text">{p.note}</p>
                <PostForm>
                  <input type="hidden" name="noteId" value={p.id} />
                  <SubmitButton name="_intent" value="deleteNote" kind="secondary">
                    {t("actions.deleteNote")}
                  </SubmitButton>
                </PostForm>
              </li>
            ))}
          </ul>
        )}
        <PostForm>
          <Field
            name="note"
            label={t("actions.note")}
            description={t("actions.noteHint")}
            multiline
            rows={3}
            maxLength={5000}
            required
            defaultValue={failed === "note" ? String((sent as { note?: string })?.note ?? "") : ""}
            errors={failed === "note" ? fieldErrors : undefined}
          />
          <SubmitButton name="_intent" value="note" kind="secondary">
            {t("actions.addNote")}
          </SubmitButton>
        </PostForm>
      </section>

      <section className="lr-section" aria-labelledby="sources-title" id="sources">
        <h2 className="utrecht-heading-2" id="sources-title">
          {t("actions.sources")}
        </h2>
        <p className="utrecht-paragraph">{t("actions.sourcesIntro")}</p>
        <h3 className="utrecht-heading-3">{t("actions.themes")}</h3>
        <LinkedList items={themes} none={t("actions.noThemes")}>
          {(th) => (
            <li key={th.id}>
              <span>{th.label} </span>
              <Link
                className="utrecht-link"
                to={`${base}/harvest/${th.harvest_id}/publication/themes/${th.id}`}
              >
                {t("actions.behind", { count: th.count })}
              </Link>
              <UnlinkForm
                field="themeId"
                id={th.id}
                intent="unlink"
                label={t("actions.unlink")}
                accessibleName={t("actions.unlinkNamed", { name: th.label })}
              />
            </li>
          )}
        </LinkedList>
        {themeOptions.length > 0 ? (
          <LinkForm
            field="themeId"
            label={t("actions.theme")}
            options={themeOptions.map((th) => ({
              value: th.id,
              label: a.harvest_id ? th.label : `${th.label} (${th.harvest_title})`,
            }))}
            intent="linkTheme"
            submit={t("actions.linkTheme")}
          />
        ) : null}
        <h3 className="utrecht-heading-3">{t("actions.contributions")}</h3>
        <LinkedList items={contributions} none={t("actions.noContributions")}>
          {(c) => (
            <li key={c.id}>
              <span className="lr-pub-text">{c.text}</span>
              {c.hidden ? ` (${t("actions.hidden")})` : null}
              {c.merged_into_id ? ` (${t("actions.merged")})` : null}{" "}
              <Link className="utrecht-link" to={`${base}/harvest/${c.harvest_id}/trace/${c.id}`}>
                {t("publication.whereTo")}
              </Link>
              <UnlinkForm
                field="contributionId"
                id={c.id}
                intent="unlink"
                label={t("actions.unlink")}
                accessibleName={t("actions.unlinkNamed", { name: c.text.slice(0, 80) })}
              />
            </li>
          )}
        </LinkedList>
        {harvestBase ? (
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={`${harvestBase}/publication`}>
              {t("publication.pageTitle", { title: a.harvest_title ?? "" })}
            </Link>
          </p>
        ) : null}
      </section>

      <section className="lr-section" aria-labelledby="coalitions-title" id="coalitions">
        <h2 className="utrecht-heading-2" id="coalitions-title">
          {t("actions.coalitions")}
        </h2>
        <LinkedList items={coalitions} none={t("actions.noCoalitions")}>
          {(c) => (
            <li key={c.id}>
              <Link className="utrecht-link" to={`${base}/coalitions/${c.id}`}>
                {c.title}
              </Link>
              <UnlinkForm
                field="coalitionId"
                id={c.id}
                intent="unlinkCoalition"
                label={t("actions.unlink")}
                accessibleName={t("actions.unlinkNamed", { name: c.title })}
              />
            </li>
          )}
        </LinkedList>
        {coalitionOptions.length > 0 ? (
          <LinkForm
            field="coalitionId"
            label={t("actions.coalition")}
            options={coalitionOptions.map((c) => ({ value: c.id, label: c.title }))}
            intent="linkCoalition"
            submit={t("actions.linkCoalition")}
          />
        ) : null}
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`${base}/coalitions?action=${a.id}#new`}>
            {t("actions.newCoalition")}
          </Link>
        </p>
      </section>

      <ServesChallenges base={base} challenges={loaderData.challenges} />

      <DeleteForm title={t("actions.delete")} warning={t("actions.deleteWarning")} />
    </>
  );
}
