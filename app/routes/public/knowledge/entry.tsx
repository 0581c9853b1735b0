import type { Route } from "./+types/entry";
import { renderMarkdown } from "../../../../core/knowledge/markdown.ts";
import { entryJsonLd, publicEntryPath } from "../../../../core/knowledge/publish.ts";
import { publicEntry } from "../../../../core/knowledge/queries.ts";
import { LICENCE_URL } from "../../../../core/knowledge/schema.ts";
import { similarEntries } from "../../../../core/knowledge/search.ts";
import { formatDate } from "../../../../core/kernel/time.ts";
import { findPublicRegion } from "../../../../core/regions/queries.ts";
import { translator } from "../../../../i18n/index.ts";
import { PublicRegionShell } from "../../../components/events/public.tsx";
import { SimilarEntries } from "../../../components/knowledgeSearch/SimilarEntries.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { useT } from "../../../lib/i18n.ts";
import { getRequestInfo, getServices, notFound } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  if (!loaderData) return [];
  return [
    { title: `${loaderData.entry.title} · ${loaderData.region.name}` },
    { name: "description", content: loaderData.entry.summary.slice(0, 160) },
    { tagName: "link", rel: "canonical", href: loaderData.url },
    {
      tagName: "link",
      rel: "alternate",
      type: "application/atom+xml",
      title: loaderData.feedTitle,
      href: `/r/${loaderData.region.slug}/knowledge.atom`,
    },
    { "script:ld+json": loaderData.jsonLd },
  ];
}

/**
 * A region's public entry at its stable address, for anyone: only published and public entries;
 * a draft, an entry kept in the region or shared only with named regions is a 404 alike.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { db, config } = getServices(context);
  const region = await findPublicRegion(db, params.slug);
  if (!region) notFound(context);
  const found = await publicEntry(db, region.slug, params.entrySlug);
  if (!found) notFound(context);
  const { locale } = getRequestInfo(context);
  const t = translator(locale);
  const url = `${config.publicUrl}${publicEntryPath(region.slug, found.entry.slug)}`;
  const e = found.entry;
  // Public entries of every region, as the public search shows them.
  const similar = (await similarEntries(db, { public: true }, e.id)).map((s) => ({
    ...s,
    href: publicEntryPath(s.regionSlug, s.slug),
  }));
  return {
    region: {
      slug: region.slug,
      name: region.name,
      hasLogo: region.logo_mime !== null,
      primaryColor: region.primary_color,
    },
    url,
    feedTitle: t("knowledge.public.feed", { region: region.name }),
    entry: {
      title: e.title,
      summary: e.summary,
      kind: e.kind,
      licence: e.licence,
      licenceUrl: LICENCE_URL[e.licence] ?? null,
      language: e.language,
      essentials: e.essentials,
      citation: e.citation,
      sourceUrl: e.source_url,
      shipped: e.shipped_key !== null,
      published: e.published_at ? formatDate(e.published_at, locale) : null,
    },
    html: renderMarkdown(e.body_md),
    authors: found.authors.map((a) => a.name).filter((n): n is string => n !== null),
    adoptions: found.adoptions.map((a) => ({
      id: a.id,
      regionName: a.regionName,
      outcome: a.outcome,
      date: formatDate(a.adoptedOn, locale),
    })),
    jsonLd: entryJsonLd(found, url, t as (key: never) => string),
    similar,
  };
}

export function headers() {
  return { "Cache-Control": "no-store" };
}

export default function PublicEntry({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { region, entry: e } = loaderData;
  return (
    <PublicRegionShell region={region}>
      <article lang={e.language}>
        <h1 className="utrecht-heading-1">{e.title}</h1>
        <p className="utrecht-paragraph">
          {t(`knowledge.kind.${e.kind}`)} · {t("knowledge.public.by", { region: region.name })}
          {e.published && (
            <>
              {" "}
              · {t("knowledge.public.published")} {e.published}
            </>
          )}
        </p>
        {e.summary && <p className="utrecht-paragraph lr-lead">{e.summary}</p>}
        <div className="lr-markdown" dangerouslySetInnerHTML={{ __html: loaderData.html }} />
        <dl className="lr-facts">
          {loaderData.authors.length > 0 && (
            <div>
              <dt>{t("knowledge.public.authors")}</dt>
              <dd>{loaderData.authors.join(", ")}</dd>
            </div>
          )}
          {e.essentials.length > 0 && (
            <div>
              <dt>{t("knowledge.fields.essentials")}</dt>
              <dd>{e.essentials.map((x) => t(`knowledge.essential.${x}` as never)).join(", ")}</dd>
            </div>
          )}
          {e.citation && (
            <div>
              <dt>{t("knowledge.detail.citation")}</dt>
              <dd>
                {e.citation}
                {e.sourceUrl && (
                  <>
                    {" "}
                    <a className="utrecht-link" href={e.sourceUrl} rel="noopener noreferrer">
                      {e.sourceUrl}
                    </a>
                  </>
                )}
              </dd>
            </div>
          )}
          <div>
            <dt>{t("knowledge.public.licence")}</dt>
            <dd>
              {e.licenceUrl ? (
                <a className="utrecht-link" href={e.licenceUrl} rel="license noopener noreferrer">
                  {t(`knowledge.licence.${e.licence}` as never)}
                </a>
              ) : (
                t(`knowledge.licence.${e.licence}` as never)
              )}
            </dd>
          </div>
        </dl>
        {e.shipped && <p className="utrecht-paragraph">{t("knowledge.detail.shipped")}</p>}
      </article>
      {loaderData.adoptions.length > 0 && (
        <section aria-labelledby="adoptions">
          <h2 className="utrecht-heading-2" id="adoptions">
            {t("knowledge.public.adoptions")}
          </h2>
          <DataTable
            caption={t("knowledge.public.adoptions")}
            hideCaption
            columns={[
              t("knowledge.adoptions.region"),
              t("knowledge.adoptions.date"),
              t("knowledge.adoptions.outcome"),
            ]}
          >
            {loaderData.adoptions.map((a) => (
              <Row key={a.id}>
                <RowHeader>{a.regionName}</RowHeader>
                <Cell>{a.date}</Cell>
                <Cell>{t(`knowledge.outcome.${a.outcome}`)}</Cell>
              </Row>
            ))}
          </DataTable>
        </section>
      )}
      <SimilarEntries
        entries={loaderData.similar}
        hrefOf={(s) => s.href}
        ownRegionSlug={region.slug}
      />
      <p className="utrecht-paragraph lr-no-print">
        <a className="utrecht-link" href={`/r/${region.slug}/knowledge.atom`}>
          {loaderData.feedTitle}
        </a>
      </p>
    </PublicRegionShell>
  );
}
