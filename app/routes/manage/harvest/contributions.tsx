import { data, Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/contributions";
import { harvestPolicy } from "../../../../core/harvest/policy.ts";
import { addContribution } from "../../../../core/harvest/addContribution.ts";
import { mergeContributions } from "../../../../core/harvest/mergeContributions.ts";
import { setHidden } from "../../../../core/harvest/setHidden.ts";
import {
  contributionFilterOptions,
  findContribution,
  findHarvest,
  isFiltered,
  listContributions,
  parseContributionFilters,
  type ContributionFilters,
  type ContributionRow,
} from "../../../../core/harvest/queries.ts";
import { HARVEST_LIMITS, ORIGINS } from "../../../../core/harvest/types.ts";
import { parsePage } from "../../../../core/people/queries.ts";
import { may } from "../../../../core/kernel/scope.ts";
import { isId } from "../../../../core/kernel/validate.ts";
import {
  Field,
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  useFieldErrors,
  useTranslatedOptions,
  FieldIds,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { notFound, refusedChange, requestT, requireRegion } from "../../../lib/request.server.ts";
import { Pagination } from "../../../components/Pagination.tsx";
import { BackToHarvest, excerpt, useKindOptions, useSectorOptions } from "./components.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

/** How many contributions one merge may choose from the list. */
const MERGE_MAX = 100;

const FILTER_KEYS = ["q", "kind", "sector", "origin", "theme", "sourceTheme", "tag", "hidden"];

function forPage(c: ContributionRow) {
  return {
    id: c.id,
    text: c.text,
    kind: c.kind,
    origin: c.origin,
    sector: c.sector,
    sourceLabel: c.sourceLabel,
    sourceTheme: c.sourceTheme,
    tags: c.tags,
    hidden: c.hidden,
    theme: c.theme,
    merged: c.merged,
  };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, harvestPolicy.list);
  const harvest = await findHarvest(scope, params.id);
  if (!harvest) notFound(context);
  const url = new URL(request.url);
  const filters = parseContributionFilters(url.searchParams);
  const canEdit = may(scope, harvestPolicy.manage);
  const chosen = canEdit
    ? [...new Set(url.searchParams.getAll("merge").filter(isId))].slice(0, MERGE_MAX)
    : [];
  const [list, options, merging] = await Promise.all([
    listContributions(scope, harvest.id, filters, parsePage(url.searchParams)),
    contributionFilterOptions(scope, harvest.id),
    Promise.all(chosen.map((id) => findContribution(scope, harvest.id, id))),
  ]);
  return {
    region: { slug: region.slug },
    harvest: { id: harvest.id, title: harvest.title },
    filters,
    filtered: isFiltered(filters),
    contributions: list.contributions.map(forPage),
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    options,
    merging: merging
      .filter((c): c is NonNullable<typeof c> => c !== null && c.mergedIntoId === null)
      .map(forPage),
    mergeAsked: url.searchParams.has("merge"),
    canEdit,
    title: `${requestT(context)("harvest.contributions.title")} · ${harvest.title}`,
  };
}

/**
 * The list's address as it was, without notices or a merge selection, with `extra` added. The
 * path is built, not taken from the request: a post sent by script arrives at `….data`.
 */
function back(request: Request, path: string, extra: Record<string, string | number>): string {
  const url = new URL(request.url);
  const kept = new URLSearchParams();
  for (const key of [...FILTER_KEYS, "page"]) {
    const value = url.searchParams.get(key);
    if (value) kept.set(key, value.slice(0, 200));
  }
  for (const [k, v] of Object.entries(extra)) kept.set(k, String(v));
  return `${path}?${kept.toString()}`;
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
  const list = `/manage/${region.slug}/harvest/${harvest.id}/contributions`;
  const form = await request.formData();
  const sent = formObject(form);
  const id = typeof sent.id === "string" ? sent.id : "";
  switch (intent(form)) {
    case "hide":
    case "show": {
      const hide = intent(form) === "hide";
      const result = await setHidden(scope, harvest.id, id, hide);
      if (!result.ok) return refusedChange(context, result, "hide", null);
      return redirect(back(request, list, hide ? { hiddenDone: 1 } : { shown: 1 }));
    }
    case "merge": {
      const ids = Array.isArray(sent.ids) ? sent.ids : sent.ids ? [sent.ids] : [];
      const result = await mergeContributions(scope, harvest.id, {
        ids,
        into: typeof sent.into === "string" ? sent.into : "",
      });
      if (!result.ok) return refusedChange(context, result, "merge", null);
      return redirect(back(request, list, { merged: result.value.merged }));
    }
    case "add": {
      const result = await addContribution(scope, harvest.id, sent);
      if (!result.ok) {
        const first = (v: unknown) => (typeof v === "string" ? v.slice(0, 5000) : "");
        return refusedChange(context, result, "add", {
          text: first(sent.text),
          kind: first(sent.kind),
          sector: first(sent.sector),
          sourceLabel: first(sent.sourceLabel),
          tags: Array.isArray(sent.tags) ? sent.tags.join(", ") : first(sent.tags),
        });
      }
      return redirect(back(request, list, { added: 1 }));
    }
    default:
      throw data({ message: requestT(context)("errors.badRequest") }, { status: 400 });
  }
}

function filterQuery(filters: ContributionFilters): string {
  const kept = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) {
    if (v && !(k === "hidden" && v === "visible")) kept.set(k, String(v));
  }
  const s = kept.toString();
  return s ? `?${s}` : "";
}

export default function Contributions({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const {
    region,
    harvest,
    filters,
    filtered,
    contributions,
    total,
    page,
    pageCount,
    options,
    merging,
    mergeAsked,
    canEdit,
  } = loaderData;
  const kinds = useKindOptions();
  const sectors = useSectorOptions();
  const origins = useTranslatedOptions("harvest.origins", ORIGINS);
  const add = useFieldErrors(actionData?.intent === "add" ? actionData : undefined);
  const merge = useFieldErrors(actionData?.intent === "merge" ? actionData : undefined);
  const addValues =
    actionData?.intent === "add" && actionData.values ? actionData.values : undefined;
  const harvestPage = `/manage/${region.slug}/harvest/${harvest.id}`;
  const base = `${harvestPage}/contributions`;
  const number = (name: string) => Number(params.get(name) ?? 0) || 0;
  return (
    <>
      <BackToHarvest base={harvestPage} title={harvest.title} />
      <h1 className="utrecht-heading-1">{t("harvest.contributions.title")}</h1>
      {params.get("hiddenDone") ? <Notice>{t("harvest.contributions.hidden")}</Notice> : null}
      {params.get("shown") ? <Notice>{t("harvest.contributions.shown")}</Notice> : null}
      {params.get("added") ? <Notice>{t("harvest.contributions.added")}</Notice> : null}
      {params.get("merged") ? (
        <Notice>{t("harvest.contributions.merged", { count: number("merged") })}</Notice>
      ) : null}
      {params.get("imported") !== null ? (
        <Notice>
          {t("harvest.import.done", {
            count: number("imported"),
            skipped: number("skipped"),
            duplicates: number("duplicates"),
          })}
        </Notice>
      ) : null}

      {canEdit && (mergeAsked || merge.error) ? (
        <section className="lr-section" aria-labelledby="merge-choose">
          <h2 className="utrecht-heading-2" id="merge-choose">
            {t("harvest.contributions.mergeChooseTitle")}
          </h2>
          {merging.length < 2 ? (
            <FormError error={merge.error ?? { key: "harvest.mergeChoose" }} />
          ) : (
            <PostForm className="lr-form" noValidate>
              <input type="hidden" name="_intent" value="merge" />
              <FormError error={merge.error} />
              <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
                <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                  {t("harvest.contributions.mergeKeep")}
                </legend>
                <p className="utrecht-paragraph">{t("harvest.contributions.mergeChooseIntro")}</p>
                {merging.map((c, i) => (
                  <div className="utrecht-form-field utrecht-form-field--radio" key={c.id}>
                    <input type="hidden" name="ids[]" value={c.id} />
                    <div className="utrecht-form-field__input">
                      <input
                        type="radio"
                        className="utrecht-radio-button utrecht-radio-button--html-input"
                        id={`into-${c.id}`}
                        name="into"
                        value={c.id}
                        defaultChecked={i === 0}
                      />
                    </div>
                    <div className="utrecht-form-field__label">
                      <label
                        className="utrecht-form-label utrecht-form-label--radio"
                        htmlFor={`into-${c.id}`}
                      >
                        <span className="lr-plain">{c.text}</span>{" "}
                        <span className="lr-muted">
                          ({t(`harvest.kinds.${c.kind}`)}
                          {c.sourceLabel ? ` · ${c.sourceLabel}` : ""})
                        </span>
                      </label>
                    </div>
                  </div>
                ))}
              </fieldset>
              <div className="lr-actions">
                <SubmitButton>{t("harvest.contributions.mergeConfirm")}</SubmitButton>
                <Link className="utrecht-link" to={`${base}${filterQuery(filters)}`}>
                  {t("harvest.contributions.mergeCancel")}
                </Link>
              </div>
            </PostForm>
          )}
        </section>
      ) : null}

      <Form
        method="get"
        role="search"
        className="lr-filters"
        aria-labelledby="contributions-filter-heading"
      >
        <h2 className="utrecht-heading-2" id="contributions-filter-heading">
          {t("harvest.contributions.filterTitle")}
        </h2>
        <Field
          name="q"
          type="search"
          label={t("harvest.contributions.search")}
          defaultValue={filters.q}
          maxLength={200}
        />
        <div className="lr-filter-row">
          <SelectField
            name="kind"
            label={t("harvest.contributions.kind")}
            options={kinds}
            emptyLabel={t("harvest.contributions.allKinds")}
            defaultValue={filters.kind}
          />
          <SelectField
            name="sector"
            label={t("harvest.contributions.sector")}
            options={[...sectors, { value: "none", label: t("harvest.contributions.noSector") }]}
            emptyLabel={t("harvest.contributions.allSectors")}
            defaultValue={filters.sector}
          />
          <SelectField
            name="origin"
            label={t("harvest.contributions.origin")}
            options={origins}
            emptyLabel={t("harvest.contributions.allOrigins")}
            defaultValue={filters.origin}
          />
          <SelectField
            name="theme"
            label={t("harvest.contributions.theme")}
            options={[
              ...options.themes.map((th) => ({ value: th.id, label: th.label })),
              { value: "none", label: t("harvest.contributions.noTheme") },
            ]}
            emptyLabel={t("harvest.contributions.allThemes")}
            defaultValue={filters.theme}
          />
          {options.sourceThemes.length > 0 ? (
            <SelectField
              name="sourceTheme"
              label={t("harvest.contributions.sourceTheme")}
              options={options.sourceThemes.map((s) => ({ value: s, label: s }))}
              emptyLabel={t("harvest.contributions.allSourceThemes")}
              defaultValue={filters.sourceTheme}
            />
          ) : null}
          {options.tags.length > 0 ? (
            <SelectField
              name="tag"
              label={t("harvest.contributions.tag")}
              options={options.tags.map((s) => ({ value: s, label: s }))}
              emptyLabel={t("harvest.contributions.allTags")}
              defaultValue={filters.tag}
            />
          ) : null}
          <SelectField
            name="hidden"
            label={t("harvest.contributions.show")}
            options={[
              { value: "visible", label: t("harvest.contributions.showVisible") },
              { value: "hidden", label: t("harvest.contributions.showHidden") },
              { value: "all", label: t("harvest.contributions.showAll") },
            ]}
            defaultValue={filters.hidden}
          />
        </div>
        <div className="lr-actions">
          <SubmitButton kind="secondary">{t("harvest.contributions.apply")}</SubmitButton>
          {filtered ? (
            <Link className="utrecht-link" to={base}>
              {t("harvest.contributions.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      <p className="utrecht-paragraph" role="status">
        {t("harvest.contributions.resultCount", { count: total })}
      </p>
      {total > 0 ? (
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={`${base}.csv${filterQuery(filters)}`} download>
            {t("harvest.contributions.export")}
          </a>
        </p>
      ) : null}

      {contributions.length === 0 ? (
        <p className="utrecht-paragraph">
          {filtered ? t("harvest.contributions.noMatches") : t("harvest.contributions.none")}
        </p>
      ) : (
        <>
          {canEdit ? (
            <Form method="get" id="merge-select" className="lr-section">
              <h2 className="utrecht-heading-2">{t("harvest.contributions.mergeTitle")}</h2>
              <p className="utrecht-paragraph">{t("harvest.contributions.mergeIntro")}</p>
              {Object.entries(filters).map(([k, v]) =>
                v && !(k === "hidden" && v === "visible") ? (
                  <input type="hidden" name={k} value={String(v)} key={k} />
                ) : null,
              )}
              {page > 1 ? <input type="hidden" name="page" value={page} /> : null}
              <SubmitButton kind="secondary">
                {t("harvest.contributions.mergeSelected")}
              </SubmitButton>
            </Form>
          ) : null}
          <DataTable
            caption={t("harvest.contributions.listCaption", { page, pages: pageCount })}
            columns={[
              ...(canEdit ? [t("harvest.contributions.colSelect")] : []),
              t("harvest.contributions.colText"),
              t("harvest.contributions.colSource"),
              t("harvest.contributions.colTheme"),
              ...(canEdit ? [t("harvest.contributions.colActions")] : []),
            ]}
          >
            {contributions.map((c) => (
              <Row key={c.id}>
                {canEdit ? (
                  <Cell>
                    <input
                      type="checkbox"
                      form="merge-select"
                      name="merge"
                      value={c.id}
                      id={`merge-${c.id}`}
                      aria-label={t("harvest.contributions.selectLabel", { text: excerpt(c.text) })}
                      className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                    />
                  </Cell>
                ) : null}
                <RowHeader>
                  <span className="lr-plain">{c.text}</span>
                  <div className="lr-muted">
                    {t(`harvest.kinds.${c.kind}`)}
                    {c.hidden ? ` · ${t("harvest.contributions.hiddenBadge")}` : ""}
                  </div>
                  {c.tags.length > 0 ? (
                    <ul className="lr-tags">
                      {c.tags.map((tag) => (
                        <li key={tag}>{tag}</li>
                      ))}
                    </ul>
                  ) : null}
                  {c.merged.length > 0 ? (
                    <details>
                      <summary>
                        {t("harvest.contributions.mergedFrom", { count: c.merged.length })}
                      </summary>
                      <ul className="utrecht-unordered-list">
                        {c.merged.map((m) => (
                          <li className="utrecht-unordered-list__item lr-plain" key={m.id}>
                            {m.text}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </RowHeader>
                <Cell>
                  {t(`harvest.origins.${c.origin}`)}
                  {c.sourceLabel ? <div>{c.sourceLabel}</div> : null}
                  {c.sourceTheme ? <div className="lr-muted">{c.sourceTheme}</div> : null}
                  {c.sector ? <div className="lr-muted">{t(`sectors.${c.sector}`)}</div> : null}
                </Cell>
                <Cell>
                  {c.theme ? (
                    c.theme.label
                  ) : (
                    <span className="lr-muted">{t("harvest.contributions.inNoTheme")}</span>
                  )}
                </Cell>
                {canEdit ? (
                  <Cell>
                    <div className="lr-inline-form">
                      <Link
                        className="utrecht-link"
                        to={`${base}/${c.id}`}
                        aria-label={t("harvest.contributions.editLabel", { text: excerpt(c.text) })}
                      >
                        {t("harvest.contributions.edit")}
                      </Link>
                      <PostForm className="lr-inline-form">
                        <input type="hidden" name="_intent" value={c.hidden ? "show" : "hide"} />
                        <input type="hidden" name="id" value={c.id} />
                        <button
                          type="submit"
                          className="utrecht-button utrecht-button--secondary-action lr-button-small"
                          aria-label={t(
                            c.hidden
                              ? "harvest.contributions.showLabel"
                              : "harvest.contributions.hideLabel",
                            { text: excerpt(c.text) },
                          )}
                        >
                          {c.hidden
                            ? t("harvest.contributions.showAgain")
                            : t("harvest.contributions.hide")}
                        </button>
                      </PostForm>
                    </div>
                  </Cell>
                ) : null}
              </Row>
            ))}
          </DataTable>
          <Pagination page={page} pageCount={pageCount} />
        </>
      )}

      {canEdit ? (
        <section className="lr-section" aria-labelledby="add-contribution">
          <h2 className="utrecht-heading-2" id="add-contribution">
            {t("harvest.contributions.addTitle")}
          </h2>
          <p className="utrecht-paragraph">{t("harvest.contributions.addIntro")}</p>
          <PostForm className="lr-form" noValidate>
            <input type="hidden" name="_intent" value="add" />
            <FormError error={add.error} />
            <FieldIds scope="add">
              <Field
                name="text"
                label={t("harvest.contribution.text")}
                multiline
                rows={4}
                required
                maxLength={HARVEST_LIMITS.text}
                defaultValue={addValues?.text}
                errors={add.fieldErrors}
              />
              <SelectField
                name="kind"
                label={t("harvest.contribution.kind")}
                options={kinds}
                defaultValue={addValues?.kind ?? "other"}
                errors={add.fieldErrors}
              />
              <SelectField
                name="sector"
                label={`${t("harvest.contribution.sector")} ${t("app.optional")}`}
                options={sectors}
                emptyLabel={t("harvest.contribution.noSector")}
                defaultValue={addValues?.sector}
                errors={add.fieldErrors}
              />
              <Field
                name="sourceLabel"
                label={`${t("harvest.contributions.sourceLabel")} ${t("app.optional")}`}
                description={t("harvest.contributions.sourceLabelHint")}
                maxLength={HARVEST_LIMITS.sourceLabel}
                defaultValue={addValues?.sourceLabel}
                errors={add.fieldErrors}
              />
              <Field
                name="tags"
                label={`${t("harvest.contributions.tags")} ${t("app.optional")}`}
                description={t("harvest.contributions.tagsHint")}
                defaultValue={addValues?.tags}
                errors={add.fieldErrors}
              />
            </FieldIds>
            <SubmitButton>{t("harvest.contributions.add")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}
