import type { ReactNode } from "react";
import { data, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/contribution";
import { harvestPolicy } from "../../../../core/harvest/policy.ts";
import { setHidden } from "../../../../core/harvest/setHidden.ts";
import { setTags } from "../../../../core/harvest/setTags.ts";
import { unmergeContribution } from "../../../../core/harvest/unmergeContribution.ts";
import { updateContribution } from "../../../../core/harvest/updateContribution.ts";
import { findContribution, findHarvest } from "../../../../core/harvest/queries.ts";
import { HARVEST_LIMITS } from "../../../../core/harvest/types.ts";
import { may, type Role } from "../../../../core/kernel/scope.ts";
import {
  Field,
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { formatDateTime, isoDate } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.ts";
import {
  getRequestInfo,
  notFound,
  refusedChange,
  requestT,
  requireRegion,
} from "../../../lib/request.server.ts";
import { excerpt, useKindOptions, useSectorOptions } from "./components.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

async function find(
  request: Request,
  params: Route.LoaderArgs["params"],
  context: Route.LoaderArgs["context"],
  role: Role,
) {
  const { scope, region } = await requireRegion(request, context, params.slug, role);
  const harvest = await findHarvest(scope, params.id);
  if (!harvest) notFound(context);
  const contribution = await findContribution(scope, harvest.id, params.contributionId);
  if (!contribution) notFound(context);
  return { scope, region, harvest, contribution };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const {
    scope,
    region,
    harvest,
    contribution: c,
  } = await find(request, params, context, harvestPolicy.list);
  const { locale } = getRequestInfo(context);
  const into = c.mergedIntoId ? await findContribution(scope, harvest.id, c.mergedIntoId) : null;
  return {
    region: { slug: region.slug },
    harvest: { id: harvest.id, title: harvest.title },
    contribution: {
      id: c.id,
      text: c.text,
      kind: c.kind,
      sector: c.sector,
      origin: c.origin,
      sourceLabel: c.sourceLabel,
      sourceTheme: c.sourceTheme,
      tags: c.tags,
      hidden: c.hidden,
      theme: c.theme,
      merged: c.merged,
      mergedInto: into ? { id: into.id, text: into.text } : null,
      created: formatDateTime(c.createdAt, locale),
      createdIso: isoDate(c.createdAt),
    },
    canEdit: may(scope, harvestPolicy.manage),
    title: `${requestT(context)("harvest.contribution.title")} · ${harvest.title}`,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region, harvest, contribution } = await find(
    request,
    params,
    context,
    harvestPolicy.manage,
  );
  const form = await request.formData();
  const sent = formObject(form);
  const page = `/manage/${region.slug}/harvest/${harvest.id}/contributions/${contribution.id}`;
  const first = (v: unknown) => (typeof v === "string" ? v.slice(0, 5000) : "");
  switch (intent(form)) {
    case "save": {
      const result = await updateContribution(scope, harvest.id, contribution.id, sent);
      if (!result.ok)
        return refusedChange(context, result, "save", {
          text: first(sent.text),
          kind: first(sent.kind),
          sector: first(sent.sector),
          tags: "",
        });
      return redirect(`${page}?saved=1`);
    }
    case "tags": {
      const result = await setTags(scope, harvest.id, contribution.id, sent);
      if (!result.ok)
        return refusedChange(context, result, "tags", {
          text: "",
          kind: "",
          sector: "",
          tags: Array.isArray(sent.tags) ? sent.tags.join(", ") : first(sent.tags),
        });
      return redirect(`${page}?tagsSaved=1#tags`);
    }
    case "hide":
    case "show": {
      const result = await setHidden(scope, harvest.id, contribution.id, intent(form) === "hide");
      if (!result.ok) return refusedChange(context, result, "hide", null);
      return redirect(`${page}#hide`);
    }
    case "unmerge": {
      const result = await unmergeContribution(scope, harvest.id, contribution.id);
      if (!result.ok) return refusedChange(context, result, "unmerge", null);
      return redirect(`${page}?unmerged=1`);
    }
    default:
      throw data({ message: requestT(context)("errors.badRequest") }, { status: 400 });
  }
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default function ContributionPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { region, harvest, contribution: c, canEdit } = loaderData;
  const kinds = useKindOptions();
  const sectors = useSectorOptions();
  const save = useFieldErrors(actionData?.intent === "save" ? actionData : undefined);
  const tags = useFieldErrors(actionData?.intent === "tags" ? actionData : undefined);
  const sentValues = actionData && "values" in actionData ? actionData.values : null;
  const list = `/manage/${region.slug}/harvest/${harvest.id}/contributions`;
  const none = <span className="lr-muted">—</span>;
  return (
    <>
      <p className="lr-breadcrumb">
        <Link className="utrecht-link" to={list}>
          {t("harvest.contributions.title")} · {harvest.title}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("harvest.contribution.title")}</h1>
      {params.get("saved") ? <Notice>{t("harvest.contribution.saved")}</Notice> : null}
      {params.get("unmerged") ? <Notice>{t("harvest.contribution.unmerged")}</Notice> : null}
      {c.hidden ? <Notice kind="info">{t("harvest.contribution.isHidden")}</Notice> : null}

      {c.mergedInto ? (
        <section className="lr-section" aria-labelledby="merged-into">
          <h2 className="utrecht-heading-2" id="merged-into">
            {t("harvest.columns.merged")}
          </h2>
          <p className="utrecht-paragraph">{t("harvest.contribution.mergedInto")}</p>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link lr-plain" to={`${list}/${c.mergedInto.id}`}>
              {excerpt(c.mergedInto.text, 200)}
            </Link>
          </p>
          {canEdit ? (
            <PostForm>
              <input type="hidden" name="_intent" value="unmerge" />
              <SubmitButton kind="secondary">{t("harvest.contribution.unmerge")}</SubmitButton>
            </PostForm>
          ) : null}
        </section>
      ) : null}

      {canEdit ? (
        <PostForm className="lr-form" noValidate>
          <input type="hidden" name="_intent" value="save" />
          <FormError error={save.error} />
          <Field
            name="text"
            label={t("harvest.contribution.text")}
            multiline
            rows={6}
            required
            maxLength={HARVEST_LIMITS.text}
            defaultValue={actionData?.intent === "save" ? sentValues?.text : c.text}
            errors={save.fieldErrors}
          />
          <SelectField
            name="kind"
            label={t("harvest.contribution.kind")}
            options={kinds}
            defaultValue={actionData?.intent === "save" ? sentValues?.kind : c.kind}
            errors={save.fieldErrors}
          />
          <SelectField
            name="sector"
            label={t("harvest.contribution.sector")}
            options={sectors}
            emptyLabel={t("harvest.contribution.noSector")}
            defaultValue={actionData?.intent === "save" ? sentValues?.sector : c.sector}
            errors={save.fieldErrors}
          />
          <SubmitButton>{t("harvest.contribution.save")}</SubmitButton>
        </PostForm>
      ) : (
        <p className="utrecht-paragraph lr-plain">{c.text}</p>
      )}

      <section className="lr-section" aria-labelledby="origin">
        <h2 className="utrecht-heading-2" id="origin">
          {t("harvest.contribution.originTitle")}
        </h2>
        <dl className="lr-details">
          <Item label={t("harvest.contribution.origin")}>{t(`harvest.origins.${c.origin}`)}</Item>
          <Item label={t("harvest.contribution.source")}>{c.sourceLabel || none}</Item>
          <Item label={t("harvest.contribution.sourceTheme")}>{c.sourceTheme || none}</Item>
          <Item label={t("harvest.contribution.theme")}>{c.theme?.label ?? none}</Item>
          {canEdit ? null : (
            <Item label={t("harvest.contribution.kind")}>{t(`harvest.kinds.${c.kind}`)}</Item>
          )}
          <Item label={t("harvest.contribution.created")}>
            <time dateTime={c.createdIso}>{c.created}</time>
          </Item>
        </dl>
        {canEdit ? (
          <p className="utrecht-paragraph">
            <Link
              className="utrecht-link"
              to={`/manage/${region.slug}/harvest/${harvest.id}/trace/${c.id}`}
            >
              {t("harvest.contribution.trace")}
            </Link>
          </p>
        ) : null}
      </section>

      {c.merged.length > 0 ? (
        <section className="lr-section" aria-labelledby="merged-from">
          <h2 className="utrecht-heading-2" id="merged-from">
            {t("harvest.contribution.mergedFromTitle")}
          </h2>
          <ul className="utrecht-unordered-list">
            {c.merged.map((m) => (
              <li className="utrecht-unordered-list__item" key={m.id}>
                <Link className="utrecht-link lr-plain" to={`${list}/${m.id}`}>
                  {m.text}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="lr-section" aria-labelledby="tags">
        <h2 className="utrecht-heading-2" id="tags">
          {t("harvest.contribution.tagsTitle")}
        </h2>
        {params.get("tagsSaved") ? <Notice>{t("harvest.contribution.tagsSaved")}</Notice> : null}
        {canEdit ? (
          <PostForm className="lr-form" noValidate>
            <input type="hidden" name="_intent" value="tags" />
            <FormError error={tags.error} />
            <Field
              name="tags"
              label={t("harvest.contributions.tags")}
              description={t("harvest.contributions.tagsHint")}
              defaultValue={actionData?.intent === "tags" ? sentValues?.tags : c.tags.join(", ")}
              errors={tags.fieldErrors}
            />
            <SubmitButton kind="secondary">{t("harvest.contribution.saveTags")}</SubmitButton>
          </PostForm>
        ) : c.tags.length > 0 ? (
          <ul className="lr-tags">
            {c.tags.map((tag) => (
              <li key={tag}>{tag}</li>
            ))}
          </ul>
        ) : (
          <p className="utrecht-paragraph">{t("harvest.contribution.noTags")}</p>
        )}
      </section>

      {canEdit ? (
        <section className="lr-section" aria-labelledby="hide">
          <h2 className="utrecht-heading-2" id="hide">
            {t("harvest.contribution.hideTitle")}
          </h2>
          <p className="utrecht-paragraph">{t("harvest.contribution.hideExplain")}</p>
          <PostForm>
            <input type="hidden" name="_intent" value={c.hidden ? "show" : "hide"} />
            <SubmitButton kind="secondary">
              {c.hidden ? t("harvest.contribution.show") : t("harvest.contribution.hide")}
            </SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}
