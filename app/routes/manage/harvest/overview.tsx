import { data, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/overview";
import { challengesLinkedTo } from "../../../../core/challenges/queries.ts";
import { ServesChallenges } from "../../../components/challenges/ServesChallenges.tsx";
import { harvestPolicy } from "../../../../core/harvest/policy.ts";
import { gatherContributions } from "../../../../core/harvest/gatherContributions.ts";
import { contributionCounts, findHarvest } from "../../../../core/harvest/queries.ts";
import { addSource } from "../../../../core/harvest/addSource.ts";
import { removeSource } from "../../../../core/harvest/removeSource.ts";
import { listSources, sourceChoices } from "../../../../core/harvest/sources.ts";
import { KINDS, ORIGINS } from "../../../../core/harvest/types.ts";
import { SECTORS } from "../../../../core/kernel/sectors.ts";
import { may } from "../../../../core/kernel/scope.ts";
import {
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  useFieldErrors,
  FieldIds,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { formatDate, isoDate } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.ts";
import {
  getRequestInfo,
  getServices,
  notFound,
  refusedChange,
  requestT,
  requireRegion,
} from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, harvestPolicy.list);
  const harvest = await findHarvest(scope, params.id);
  if (!harvest) notFound(context);
  const canEdit = may(scope, harvestPolicy.manage);
  const { locale } = getRequestInfo(context);
  const [sources, choices, counts] = await Promise.all([
    listSources(scope, harvest.id),
    canEdit ? sourceChoices(scope, harvest.id) : { sessions: [], events: [] },
    contributionCounts(scope, harvest.id),
  ]);
  const { publicUrl } = getServices(context).config;
  return {
    region: { slug: region.slug, name: region.name },
    harvest: {
      id: harvest.id,
      title: harvest.title,
      description: harvest.description,
      strategicThemes: harvest.strategicThemes,
      formOpen: harvest.formOpen,
      formUrl: `${publicUrl.replace(/\/$/, "")}/r/${region.slug}/harvest/${harvest.slug}/contribute`,
    },
    sources: {
      sessions: sources.sessions.map((s) => ({
        id: s.id,
        title: s.title,
        answers: s.answers,
        date: formatDate(s.createdAt, locale),
        dateIso: isoDate(s.createdAt),
      })),
      events: sources.events.map((e) => ({
        id: e.id,
        title: e.title,
        sessions: e.sessions,
        date: formatDate(e.startsAt, locale),
        dateIso: isoDate(e.startsAt),
      })),
    },
    choices: {
      sessions: choices.sessions.map((s) => ({
        value: s.id,
        label: `${s.title} (${formatDate(s.createdAt, locale)})`,
      })),
      events: choices.events.map((e) => ({
        value: e.id,
        label: `${e.title} (${formatDate(e.startsAt, locale)})`,
      })),
    },
    counts,
    canEdit,
    challenges: await challengesLinkedTo(scope, "harvest", harvest.id),
    title: `${harvest.title} · ${region.name}`,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    harvestPolicy.manage,
  );
  // Another region's id must answer exactly as an id that does not exist, whatever was posted.
  const harvest = await findHarvest(scope, params.id);
  if (!harvest) notFound(context);
  const form = await request.formData();
  const page = `/manage/${region.slug}/harvest/${harvest.id}`;
  const sent = formObject(form);
  switch (intent(form)) {
    case "addSource": {
      const result = await addSource(scope, harvest.id, sent);
      if (!result.ok)
        return refusedChange(
          context,
          result,
          `add-${sent.source === "event" ? "event" : "session"}`,
          null,
        );
      return redirect(`${page}?sourceAdded=1#sources`);
    }
    case "removeSource": {
      const result = await removeSource(scope, harvest.id, sent);
      if (!result.ok) return refusedChange(context, result, "remove", null);
      return redirect(`${page}?sourceRemoved=1#sources`);
    }
    case "gather": {
      const result = await gatherContributions(scope, harvest.id);
      if (!result.ok) return refusedChange(context, result, "gather", null);
      const { sessions, added, updated } = result.value;
      return redirect(`${page}?gathered=${sessions}&added=${added}&updated=${updated}#gather`);
    }
    default:
      throw data({ message: requestT(context)("errors.badRequest") }, { status: 400 });
  }
}

function count(params: URLSearchParams, name: string): number {
  const n = Number(params.get(name) ?? 0);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

export default function HarvestOverview({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { region, harvest, sources, choices, counts, canEdit } = loaderData;
  const addSession = useFieldErrors(actionData?.intent === "add-session" ? actionData : undefined);
  const addEvent = useFieldErrors(actionData?.intent === "add-event" ? actionData : undefined);
  const base = `/manage/${region.slug}/harvest`;
  const page = `${base}/${harvest.id}`;
  const noSources = sources.sessions.length === 0 && sources.events.length === 0;
  return (
    <>
      <p className="lr-breadcrumb">
        <Link className="utrecht-link" to={base}>
          {t("harvest.backToList")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{harvest.title}</h1>
      {params.get("created") ? <Notice>{t("harvest.created")}</Notice> : null}
      {params.get("saved") ? <Notice>{t("harvest.saved")}</Notice> : null}
      {harvest.description
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p className="utrecht-paragraph lr-plain" key={i}>
            {p.trim()}
          </p>
        ))}
      {canEdit ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`${page}/settings`}>
            {t("harvest.settings")}
          </Link>
        </p>
      ) : null}

      <section className="lr-section" aria-labelledby="strategic-themes">
        <h2 className="utrecht-heading-2" id="strategic-themes">
          {t("harvest.strategicThemesTitle")}
        </h2>
        {harvest.strategicThemes.length > 0 ? (
          <ul className="utrecht-unordered-list">
            {harvest.strategicThemes.map((theme) => (
              <li className="utrecht-unordered-list__item" key={theme}>
                {theme}
              </li>
            ))}
          </ul>
        ) : (
          <p className="utrecht-paragraph">{t("harvest.noStrategicThemes")}</p>
        )}
      </section>

      <section className="lr-section" aria-labelledby="next-steps">
        <h2 className="utrecht-heading-2" id="next-steps">
          {t("harvest.nextTitle")}
        </h2>
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">
            <Link className="utrecht-link" to={`${page}/contributions`}>
              {t("harvest.linkContributions")}
            </Link>
          </li>
          {canEdit ? (
            <li className="utrecht-unordered-list__item">
              <Link className="utrecht-link" to={`${page}/import`}>
                {t("harvest.linkImport")}
              </Link>
            </li>
          ) : null}
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={`${page}/contributions.csv`} download>
              {t("harvest.linkExport")}
            </a>
          </li>
          <li className="utrecht-unordered-list__item">
            <Link className="utrecht-link" to={`${page}/themes`}>
              {t("harvest.linkThemes")}
            </Link>
          </li>
          <li className="utrecht-unordered-list__item">
            <Link className="utrecht-link" to={`${page}/publication`}>
              {t("harvest.linkPublication")}
            </Link>
          </li>
          <li className="utrecht-unordered-list__item">
            <Link className="utrecht-link" to={`/manage/${region.slug}/actions`}>
              {t("harvest.linkAgenda")}
            </Link>
          </li>
        </ul>
      </section>

      <section className="lr-section" aria-labelledby="sources">
        <h2 className="utrecht-heading-2" id="sources">
          {t("harvest.sourcesTitle")}
        </h2>
        <p className="utrecht-paragraph">{t("harvest.sourcesIntro")}</p>
        {params.get("sourceAdded") ? <Notice>{t("harvest.sourceAdded")}</Notice> : null}
        {params.get("sourceRemoved") ? <Notice>{t("harvest.sourceRemoved")}</Notice> : null}
        {noSources ? <p className="utrecht-paragraph">{t("harvest.noSources")}</p> : null}
        {sources.sessions.length > 0 ? (
          <DataTable
            caption={t("harvest.sessionsCaption")}
            columns={[
              t("harvest.colSession"),
              t("harvest.colDate"),
              { label: t("harvest.colAnswers"), numeric: true },
              ...(canEdit ? [t("harvest.colActions")] : []),
            ]}
          >
            {sources.sessions.map((s) => (
              <Row key={s.id}>
                <RowHeader>{s.title}</RowHeader>
                <Cell>
                  <time dateTime={s.dateIso}>{s.date}</time>
                </Cell>
                <Cell numeric>{s.answers}</Cell>
                {canEdit ? (
                  <Cell>
                    <RemoveSource source="session" id={s.id} title={s.title} />
                  </Cell>
                ) : null}
              </Row>
            ))}
          </DataTable>
        ) : null}
        {sources.events.length > 0 ? (
          <DataTable
            caption={t("harvest.eventsCaption")}
            columns={[
              t("harvest.colEvent"),
              t("harvest.colDate"),
              { label: t("harvest.colSessions"), numeric: true },
              ...(canEdit ? [t("harvest.colActions")] : []),
            ]}
          >
            {sources.events.map((e) => (
              <Row key={e.id}>
                <RowHeader>{e.title}</RowHeader>
                <Cell>
                  <time dateTime={e.dateIso}>{e.date}</time>
                </Cell>
                <Cell numeric>{e.sessions}</Cell>
                {canEdit ? (
                  <Cell>
                    <RemoveSource source="event" id={e.id} title={e.title} />
                  </Cell>
                ) : null}
              </Row>
            ))}
          </DataTable>
        ) : null}
        {canEdit ? (
          choices.sessions.length === 0 && choices.events.length === 0 ? (
            <p className="utrecht-paragraph">{t("harvest.noChoicesLeft")}</p>
          ) : (
            <div className="lr-filter-row">
              {choices.sessions.length > 0 ? (
                <PostForm className="lr-form" noValidate>
                  <input type="hidden" name="_intent" value="addSource" />
                  <input type="hidden" name="source" value="session" />
                  <FormError error={addSession.error} />
                  <SelectField
                    name="sourceId"
                    label={t("harvest.session")}
                    options={choices.sessions}
                    emptyLabel={t("harvest.chooseSession")}
                    errors={addSession.fieldErrors}
                  />
                  <SubmitButton kind="secondary">{t("harvest.addSession")}</SubmitButton>
                </PostForm>
              ) : null}
              {choices.events.length > 0 ? (
                <PostForm className="lr-form" noValidate>
                  <input type="hidden" name="_intent" value="addSource" />
                  <input type="hidden" name="source" value="event" />
                  <FormError error={addEvent.error} />
                  <FieldIds scope="event">
                    <SelectField
                      name="sourceId"
                      label={t("harvest.event")}
                      options={choices.events}
                      emptyLabel={t("harvest.chooseEvent")}
                      errors={addEvent.fieldErrors}
                    />
                  </FieldIds>
                  <SubmitButton kind="secondary">{t("harvest.addEvent")}</SubmitButton>
                </PostForm>
              ) : null}
            </div>
          )
        ) : null}
      </section>

      {canEdit ? (
        <section className="lr-section" aria-labelledby="gather">
          <h2 className="utrecht-heading-2" id="gather">
            {t("harvest.gatherTitle")}
          </h2>
          {params.get("gathered") !== null ? (
            <Notice>
              {t("harvest.gathered", {
                count: count(params, "gathered"),
                added: count(params, "added"),
                updated: count(params, "updated"),
              })}
            </Notice>
          ) : null}
          <p className="utrecht-paragraph">{t("harvest.gatherHint")}</p>
          <PostForm>
            <input type="hidden" name="_intent" value="gather" />
            <SubmitButton>{t("harvest.gather")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}

      <section className="lr-section" aria-labelledby="form">
        <h2 className="utrecht-heading-2" id="form">
          {t("harvest.formTitle")}
        </h2>
        {harvest.formOpen ? (
          <>
            <p className="utrecht-paragraph">{t("harvest.formOpenText")}</p>
            <p className="utrecht-paragraph lr-share-link">
              <a className="utrecht-link" href={harvest.formUrl}>
                {harvest.formUrl}
              </a>
            </p>
          </>
        ) : (
          <p className="utrecht-paragraph">{t("harvest.formClosedText")}</p>
        )}
      </section>

      <section className="lr-section" aria-labelledby="figures">
        <h2 className="utrecht-heading-2" id="figures">
          {t("harvest.figuresTitle")}
        </h2>
        <p className="utrecht-paragraph">{t("harvest.total", { count: counts.total })}</p>
        {counts.hidden > 0 ? (
          <p className="utrecht-paragraph">{t("harvest.hiddenCount", { count: counts.hidden })}</p>
        ) : null}
        <Figures
          caption={t("harvest.byKindCaption")}
          heading={t("harvest.colKind")}
          rows={KINDS.map((k) => ({
            key: k,
            label: t(`harvest.kinds.${k}`),
            count: counts.byKind[k],
            to: `${page}/contributions?kind=${k}`,
          }))}
        />
        <Figures
          caption={t("harvest.bySectorCaption")}
          heading={t("harvest.colSector")}
          rows={[...SECTORS, "none" as const]
            .filter((s) => counts.bySector[s] > 0 || s !== "none")
            .map((s) => ({
              key: s,
              label: s === "none" ? t("harvest.noSector") : t(`sectors.${s}`),
              count: counts.bySector[s],
              to: `${page}/contributions?sector=${s}`,
            }))}
        />
        <Figures
          caption={t("harvest.byOriginCaption")}
          heading={t("harvest.colOrigin")}
          rows={ORIGINS.map((o) => ({
            key: o,
            label: t(`harvest.origins.${o}`),
            count: counts.byOrigin[o],
            to: `${page}/contributions?origin=${o}`,
          }))}
        />
      </section>
      <ServesChallenges base={`/manage/${region.slug}`} challenges={loaderData.challenges} />
    </>
  );
}

function Figures({
  caption,
  heading,
  rows,
}: {
  caption: string;
  heading: string;
  rows: { key: string; label: string; count: number; to: string }[];
}) {
  const t = useT();
  return (
    <DataTable
      caption={caption}
      columns={[heading, { label: t("harvest.colCount"), numeric: true }]}
    >
      {rows.map((r) => (
        <Row key={r.key}>
          <RowHeader>
            {r.count > 0 ? (
              <Link className="utrecht-link" to={r.to}>
                {r.label}
              </Link>
            ) : (
              r.label
            )}
          </RowHeader>
          <Cell numeric>{r.count}</Cell>
        </Row>
      ))}
    </DataTable>
  );
}

function RemoveSource({ source, id, title }: { source: string; id: string; title: string }) {
  const t = useT();
  return (
    <PostForm className="lr-inline-form">
      <input type="hidden" name="_intent" value="removeSource" />
      <input type="hidden" name="source" value={source} />
      <input type="hidden" name="sourceId" value={id} />
      <button
        type="submit"
        className="utrecht-button utrecht-button--secondary-action lr-button-small"
        aria-label={t("harvest.removeSourceLabel", { title })}
      >
        {t("harvest.removeSource")}
      </button>
    </PostForm>
  );
}
