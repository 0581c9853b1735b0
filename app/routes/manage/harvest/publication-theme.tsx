import { Link, redirect } from "react-router";
import type { Route } from "./+types/publication-theme";
import { harvestPolicy } from "../../../../core/harvest/policy.ts";
import { linkContributions } from "../../../../core/actions/linkContributions.ts";
import { actionChoices } from "../../../../core/actions/queries.ts";
import { themeContributions } from "../../../../core/harvest/themes/queries.ts";
import { MAX_QUOTES_PER_THEME, selectQuote } from "../../../../core/harvest/themes/selectQuote.ts";
import { unselectQuote } from "../../../../core/harvest/themes/unselectQuote.ts";
import { isId } from "../../../../core/kernel/validate.ts";
import {
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { TextParagraphs } from "../../../components/harvest/PublicationView.tsx";
import { Cell, DataTable, Row } from "../../../components/table.tsx";
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
  const found = await themeContributions(scope, params.id, params.themeId);
  if (!found) notFound(context);
  const actions = await actionChoices(scope, found.harvest.id);
  const linked = Number(new URL(request.url).searchParams.get("linked"));
  return {
    base: `/manage/${region.slug}`,
    ...found,
    quotes: found.contributions.filter((c) => c.quoted).length,
    actions,
    linked: Number.isInteger(linked) && linked > 0 ? linked : null,
    quoteChanged: new URL(request.url).searchParams.has("quoted"),
    pageTitle: requestT(context)("publication.behindTitle", { theme: found.theme.label }),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    harvestPolicy.manage,
  );
  const found = await themeContributions(scope, params.id, params.themeId);
  if (!found) notFound(context);
  const form = await request.formData();
  const sent = formObject(form);
  const here = `/manage/${region.slug}/harvest/${params.id}/publication/themes/${found.theme.id}`;
  const quote = form.get("quote");
  const unquote = form.get("unquote");
  if (typeof quote === "string" || typeof unquote === "string") {
    const input = { themeId: found.theme.id, contributionId: quote ?? unquote };
    const r =
      typeof quote === "string"
        ? await selectQuote(scope, params.id, input)
        : await unselectQuote(scope, params.id, input);
    return r.ok ? redirect(`${here}?quoted`) : refusedChange(context, r, "quote", {});
  }
  if (form.get("_intent") !== "link") notFound(context);
  const actionId = typeof sent.actionId === "string" && isId(sent.actionId) ? sent.actionId : "";
  if (!actionId) notFound(context);
  const r = await linkContributions(scope, actionId, sent);
  return r.ok
    ? redirect(`${here}?linked=${r.value.linked}`)
    : refusedChange(context, r, "link", {});
}

export default function PublicationTheme({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { base, theme, harvest, contributions, actions, linked, quoteChanged, quotes } = loaderData;
  const { error } = useFieldErrors(actionData);
  const harvestBase = `${base}/harvest/${harvest.id}`;
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={`${harvestBase}/publication#theme-${theme.id}`}>
          {t("publication.pageTitle", { title: harvest.title })}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("publication.behindTitle", { theme: theme.label })}</h1>
      <p className="utrecht-paragraph">{t("publication.behindIntro")}</p>
      <TextParagraphs text={theme.summary} />
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`${base}/actions?theme=${theme.id}#new`}>
          {t("publication.actionFromTheme")}
        </Link>
      </p>
      {/* The knowledge base makes the draft; its page opens with this theme as its origin. */}
      {(["publication", "theme"] as const).map((from) => (
        <PostForm action={`${base}/knowledge/draft`} className="lr-inline-form" key={from}>
          <input type="hidden" name="from" value={from} />
          <input type="hidden" name="themeId" value={theme.id} />
          <SubmitButton kind="secondary">
            {t(
              from === "publication"
                ? "knowledge.drafts.fromParagraph"
                : "knowledge.drafts.fromTheme",
            )}
          </SubmitButton>
        </PostForm>
      ))}
      {linked ? <Notice>{t("publication.linked", { count: linked })}</Notice> : null}
      {quoteChanged ? <Notice>{t("publication.saved")}</Notice> : null}
      <FormError error={error} />
      <p className="utrecht-paragraph">
        {t("publication.chooseQuoteHint", { max: MAX_QUOTES_PER_THEME })}{" "}
        {t("publication.selectedQuotes")}: {quotes}
      </p>
      <PostForm>
        <DataTable
          caption={t("publication.behind", { count: contributions.length })}
          columns={[
            t("publication.link"),
            t("publication.columns.text"),
            t("publication.columns.kind"),
            t("publication.columns.sector"),
            t("publication.columns.source"),
            t("publication.quotes"),
          ]}
        >
          {contributions.map((c) => (
            <Row key={c.id}>
              <Cell>
                <input
                  type="checkbox"
                  id={`pick-${c.id}`}
                  name="contributionIds[]"
                  value={c.id}
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                />
                <label className="lr-visually-hidden" htmlFor={`pick-${c.id}`}>
                  {t("publication.select", { text: c.text.slice(0, 80) })}
                </label>
              </Cell>
              <Cell>
                <span className="lr-pub-text">{c.text}</span>{" "}
                <Link className="utrecht-link" to={`${harvestBase}/trace/${c.id}`}>
                  {t("publication.whereTo")}
                </Link>
              </Cell>
              <Cell>{t(`publication.kinds.${c.kind}`)}</Cell>
              <Cell>{c.sector ? t(sectorKey(c.sector)) : t("publication.noSector")}</Cell>
              <Cell>{c.source_label || t("publication.noSource")}</Cell>
              <Cell>
                {c.quoted ? (
                  <button
                    type="submit"
                    name="unquote"
                    value={c.id}
                    className="utrecht-button utrecht-button--secondary-action"
                  >
                    {t("publication.remove")}
                    <span className="lr-visually-hidden">: {c.text.slice(0, 80)}</span>
                  </button>
                ) : (
                  <button
                    type="submit"
                    name="quote"
                    value={c.id}
                    className="utrecht-button utrecht-button--secondary-action"
                    aria-label={`${t("publication.addQuote")}: ${c.text.slice(0, 80)}`}
                  >
                    {t("publication.addQuote")}
                  </button>
                )}
              </Cell>
            </Row>
          ))}
        </DataTable>
        <fieldset className="lr-section">
          <legend>{t("publication.linkToAction")}</legend>
          {actions.length === 0 ? (
            <p className="utrecht-paragraph">
              {t("publication.noActions")}{" "}
              <Link className="utrecht-link" to={`${base}/actions?theme=${theme.id}#new`}>
                {t("actions.new")}
              </Link>
            </p>
          ) : (
            <>
              <SelectField
                name="actionId"
                label={t("publication.action")}
                options={actions.map((a) => ({ value: a.id, label: a.title }))}
              />
              <SubmitButton name="_intent" value="link" kind="secondary">
                {t("publication.link")}
              </SubmitButton>
            </>
          )}
        </fieldset>
      </PostForm>
    </>
  );
}
