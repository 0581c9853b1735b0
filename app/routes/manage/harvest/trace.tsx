import { Link, redirect } from "react-router";
import type { Route } from "./+types/trace";
import { harvestPolicy } from "../../../../core/harvest/policy.ts";
import { linkContributions } from "../../../../core/actions/linkContributions.ts";
import { actionChoices } from "../../../../core/actions/queries.ts";
import { contributionTrace } from "../../../../core/harvest/trace.ts";
import { isId } from "../../../../core/kernel/validate.ts";
import {
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { notFound, refusedChange, requestT, requireRegion } from "../../../lib/request.server.ts";
import { sectorKey } from "../../../../core/kernel/sectors.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    harvestPolicy.manage,
  );
  const trace = await contributionTrace(scope, params.id, params.contributionId);
  if (!trace) notFound(context);
  const linkedIds = new Set(trace.actions.filter((a) => a.direct).map((a) => a.id));
  const choices = (await actionChoices(scope, params.id)).filter((a) => !linkedIds.has(a.id));
  return {
    base: `/manage/${region.slug}`,
    ...trace,
    choices,
    linked: new URL(request.url).searchParams.has("linked"),
    pageTitle: requestT(context)("publication.trace.title"),
  };
}

/** Links this contribution to an action: the one form on the page. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    harvestPolicy.manage,
  );
  const trace = await contributionTrace(scope, params.id, params.contributionId);
  if (!trace) notFound(context);
  const sent = formObject(await request.formData());
  const actionId = typeof sent.actionId === "string" && isId(sent.actionId) ? sent.actionId : "";
  if (!actionId) notFound(context);
  const r = await linkContributions(scope, actionId, { contributionId: trace.contribution.id });
  return r.ok
    ? redirect(`/manage/${region.slug}/harvest/${params.id}/trace/${trace.contribution.id}?linked`)
    : refusedChange(context, r, "link", {});
}

export default function Trace({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { base, contribution: c, actions, choices, linked } = loaderData;
  const { error } = useFieldErrors(actionData);
  const harvestBase = `${base}/harvest/${c.harvest_id}`;
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={`${harvestBase}/contributions`}>
          {c.harvest_title}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("publication.trace.title")}</h1>
      {linked ? <Notice>{t("actions.linked")}</Notice> : null}
      <FormError error={error} />
      <section className="lr-section" aria-labelledby="contribution">
        <h2 className="utrecht-heading-2" id="contribution">
          {t("publication.trace.contribution")}
        </h2>
        <blockquote className="lr-pub-quote">
          <p className="utrecht-paragraph lr-pub-text">{c.text}</p>
        </blockquote>
        <dl className="lr-facts">
          <div>
            <dt>{t("publication.trace.kind")}</dt>
            <dd>{t(`publication.kinds.${c.kind}`)}</dd>
          </div>
          <div>
            <dt>{t("publication.trace.sector")}</dt>
            <dd>{c.sector ? t(sectorKey(c.sector)) : t("publication.noSector")}</dd>
          </div>
          <div>
            <dt>{t("publication.trace.source")}</dt>
            <dd>{c.source_label || t("publication.noSource")}</dd>
          </div>
          <div>
            <dt>{t("publication.trace.origin")}</dt>
            <dd>{t(`publication.origins.${c.origin}`)}</dd>
          </div>
          <div>
            <dt>{t("publication.trace.status")}</dt>
            <dd>
              {c.hidden
                ? t("publication.trace.hidden")
                : c.merged_into_id
                  ? t("publication.trace.merged")
                  : t("publication.trace.visible")}
              {c.merged_into_id ? (
                <>
                  {" "}
                  <Link className="utrecht-link" to={`${harvestBase}/trace/${c.merged_into_id}`}>
                    {t("publication.trace.mergedTarget")}
                  </Link>
                </>
              ) : null}
            </dd>
          </div>
        </dl>
        {c.merged_from > 0 ? (
          <p className="utrecht-paragraph">
            {t("publication.trace.mergedFrom", { count: c.merged_from })}
          </p>
        ) : null}
      </section>

      <section className="lr-section" aria-labelledby="theme">
        <h2 className="utrecht-heading-2" id="theme">
          {t("publication.trace.theme")}
        </h2>
        {c.theme_id ? (
          <>
            <p className="utrecht-paragraph">
              <Link className="utrecht-link" to={`${harvestBase}/publication/themes/${c.theme_id}`}>
                {t("publication.trace.inTheme", { theme: c.theme_label ?? "" })}
              </Link>
            </p>
            <p className="utrecht-paragraph">
              {c.quoted
                ? t("publication.trace.quoted", { theme: c.theme_label ?? "" })
                : t("publication.trace.notQuoted")}
            </p>
          </>
        ) : (
          <p className="utrecht-paragraph">{t("publication.trace.noTheme")}</p>
        )}
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`${harvestBase}/publication`}>
            {t("publication.trace.publication")}
          </Link>
          {": "}
          {c.publication_public
            ? t("publication.trace.publicationPublic")
            : t("publication.trace.publicationPrivate")}
        </p>
      </section>

      <section className="lr-section" aria-labelledby="actions">
        <h2 className="utrecht-heading-2" id="actions">
          {t("publication.trace.actions")}
        </h2>
        {actions.length === 0 ? (
          <p className="utrecht-paragraph">{t("publication.trace.noActions")}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {actions.map((a) => (
              <li className="utrecht-unordered-list__item" key={a.id}>
                <Link className="utrecht-link" to={`${base}/actions/${a.id}`}>
                  {a.title}
                </Link>{" "}
                ({t(`actions.statuses.${a.status}`)};{" "}
                {[
                  a.direct ? t("publication.trace.direct") : null,
                  a.via_theme ? t("publication.trace.viaTheme") : null,
                ]
                  .filter(Boolean)
                  .join(", ")}
                )
                {a.coalitions.length > 0 ? (
                  <>
                    {" — "}
                    {t("publication.trace.coalitions", {
                      names: a.coalitions.map((co) => co.title).join(", "),
                    })}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {choices.length > 0 ? (
          <PostForm>
            <fieldset className="lr-section">
              <legend>{t("publication.trace.linkToAction")}</legend>
              <SelectField
                name="actionId"
                label={t("publication.action")}
                options={choices.map((a) => ({ value: a.id, label: a.title }))}
              />
              <SubmitButton name="_intent" value="link" kind="secondary">
                {t("publication.link")}
              </SubmitButton>
            </fieldset>
          </PostForm>
        ) : null}
      </section>
    </>
  );
}
