import { Fragment as ReactFragment, type ReactNode } from "react";
import { Form, Link, useLocation } from "react-router";
import type {
  Facets,
  FacetValue,
  Fragment,
  SearchFilters,
  SearchHit,
} from "../../../core/knowledge/search.ts";
import { isPerspective, sectorKey } from "../../../core/kernel/sectors.ts";
import { formatDate } from "../../lib/format.ts";
import { useLocale, useT } from "../../lib/i18n.ts";
import { CheckboxGroup, Field, SubmitButton } from "../form.tsx";
import { Pagination } from "../Pagination.tsx";

/**
 * Highlighted text from the search: the matched words in <mark>, everything as text nodes, so
 * whatever an entry holds (tags, entities) is shown as written and never read as HTML.
 */
export function Marked({ fragments }: { fragments: Fragment[] }) {
  return (
    <>
      {fragments.map((f, i) =>
        f.hit ? <mark key={i}>{f.text}</mark> : <ReactFragment key={i}>{f.text}</ReactFragment>,
      )}
    </>
  );
}

export interface SearchViewProps {
  /** The page's own address (the GET form posts to it). */
  action: string;
  q: string;
  filters: SearchFilters;
  total: number;
  page: number;
  pageCount: number;
  facets: Facets;
  hits: SearchHit[];
  emptyQuery: boolean;
  /** The region whose entries count as "own" (no origin line); none on public pages. */
  ownRegionId?: string;
  /** Where an entry's page is. */
  hrefOf: (hit: SearchHit) => string;
  /** Facets this page offers (the public page of one region has no region facet). */
  facetNames: (keyof Facets)[];
  /** Extra fields of the form, e.g. the public page's "all regions" toggle. */
  extraFields?: ReactNode;
}

const PARAM: Record<keyof Facets, string> = {
  kind: "kind",
  sector: "sector",
  perspective: "perspective",
  essential: "essential",
  phase: "phase",
  ambition: "level",
  region: "region",
};

const selectedOf = (filters: SearchFilters, facet: keyof Facets): string[] =>
  ({
    kind: filters.kinds,
    sector: filters.sectors,
    perspective: filters.perspectives,
    essential: filters.essentials,
    phase: filters.phases.map(String),
    ambition: filters.ambitionLevels.map(String),
    region: filters.regions,
  })[facet];

function useFacetLabel() {
  const t = useT();
  return (facet: keyof Facets, v: FacetValue): string => {
    switch (facet) {
      case "kind":
        return t(`knowledge.kind.${v.value as "lesson"}`);
      case "sector":
        return t(sectorKey(v.value));
      case "perspective":
        return isPerspective(v.value) ? t(`perspectives.${v.value}`) : v.value;
      case "essential":
        return t(`knowledge.essential.${v.value as "knowledge"}`);
      case "phase":
        return t("challenges.phaseNumbered", {
          n: v.value,
          name: t(`challenges.phase.${v.value as "1"}`),
        });
      case "ambition":
        return t("knowledgeSearch.level", {
          n: v.value,
          name: t(`challenges.ladder.${v.value as "1"}`),
        });
      case "region":
        return v.label ?? v.value;
    }
  };
}

/** The search form with its facets as checkboxes (a GET form: works without JavaScript). */
export function SearchView(p: SearchViewProps) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const label = useFacetLabel();
  const filtered = p.facetNames.some((f) => selectedOf(p.filters, f).length > 0);
  return (
    <>
      {/* Keyed by the address, so the ticks follow a link or the back button with JavaScript too. */}
      <Form
        method="get"
        action={p.action}
        role="search"
        aria-labelledby="knowledge-search"
        className="lr-filters"
        key={location.search}
      >
        <h2 className="utrecht-heading-2" id="knowledge-search">
          {t("knowledgeSearch.searchRegion")}
        </h2>
        <Field
          name="q"
          type="search"
          label={t("knowledgeSearch.searchLabel")}
          description={t("knowledgeSearch.searchHint")}
          defaultValue={p.q}
          maxLength={200}
        />
        {p.extraFields}
        <div className="lr-actions">
          <SubmitButton>{t("knowledgeSearch.search")}</SubmitButton>
        </div>
        <details open={filtered}>
          <summary>{t("knowledgeSearch.filters")}</summary>
          {p.facetNames.map((facet) => {
            const selected = selectedOf(p.filters, facet);
            // What is ticked stays listed even when nothing matches it any more.
            const values: FacetValue[] = [
              ...p.facets[facet],
              ...selected
                .filter((s) => !p.facets[facet].some((v) => v.value === s))
                .map((value) => ({ value, count: 0 })),
            ];
            if (values.length === 0) return null;
            return (
              <CheckboxGroup
                key={facet}
                name={PARAM[facet]}
                legend={t(`knowledgeSearch.facet.${facet}`)}
                options={values.map((v) => ({
                  value: v.value,
                  label: t("knowledgeSearch.facetValue", {
                    label: label(facet, v),
                    count: v.count,
                  }),
                }))}
                defaultValues={selected}
              />
            );
          })}
          <div className="lr-actions">
            <SubmitButton kind="secondary">{t("knowledgeSearch.apply")}</SubmitButton>
            {filtered ? (
              <Link
                className="utrecht-link"
                to={p.q ? `${p.action}?${new URLSearchParams({ q: p.q })}` : p.action}
              >
                {t("knowledgeSearch.clear")}
              </Link>
            ) : null}
          </div>
        </details>
      </Form>
      <section aria-labelledby="knowledge-results">
        <h2 className="utrecht-heading-2" id="knowledge-results">
          {t("knowledgeSearch.results")}
        </h2>
        <p className="utrecht-paragraph" role="status">
          {p.emptyQuery
            ? t("knowledgeSearch.onlyStopWords")
            : p.q
              ? t("knowledgeSearch.countFor", { count: p.total, q: p.q })
              : `${t("knowledgeSearch.count", { count: p.total })} · ${t("knowledgeSearch.newest")}`}
        </p>
        {p.hits.length === 0 && !p.emptyQuery ? (
          <p className="utrecht-paragraph">
            {p.q || filtered ? t("knowledgeSearch.none") : t("knowledgeSearch.empty")}
          </p>
        ) : (
          <ol className="lr-plain-list lr-search-results" start={(p.page - 1) * 20 + 1}>
            {p.hits.map((hit) => (
              <li key={hit.id}>
                <article aria-labelledby={`hit-${hit.id}`}>
                  <h3 className="utrecht-heading-3" id={`hit-${hit.id}`}>
                    <Link className="utrecht-link" to={p.hrefOf(hit)}>
                      <Marked fragments={hit.title} />
                    </Link>
                  </h3>
                  <p className="utrecht-paragraph lr-muted">
                    {t(`knowledge.kind.${hit.kind}`)}
                    {hit.regionId !== p.ownRegionId
                      ? ` · ${t("knowledgeSearch.fromRegion", { region: hit.regionName })}`
                      : null}
                    {hit.status === "draft" ? ` · ${t("knowledgeSearch.draft")}` : null}
                    {hit.language !== locale
                      ? ` · ${t("knowledgeSearch.inLanguage", { language: t(`knowledgeSearch.language.${hit.language}`) })}`
                      : null}
                    {" · "}
                    <time dateTime={new Date(hit.updatedAt).toISOString()}>
                      {formatDate(hit.updatedAt, locale)}
                    </time>
                  </p>
                  <p className="utrecht-paragraph" lang={hit.language}>
                    <Marked fragments={hit.excerpt} />
                  </p>
                </article>
              </li>
            ))}
          </ol>
        )}
        <Pagination page={p.page} pageCount={p.pageCount} label={t("knowledgeSearch.pagination")} />
      </section>
    </>
  );
}
