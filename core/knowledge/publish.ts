import { Feed } from "feed";
import type { Locale } from "../../i18n/index.ts";
import { translator } from "../../i18n/index.ts";
import type { Reader } from "../kernel/tx.ts";
import { plainText, renderMarkdown } from "./markdown.ts";
import { publicEntries, type AuthorItem } from "./queries.ts";
import { LICENCE_URL } from "./schema.ts";

/** The stable public address of an entry. */
export const publicEntryPath = (regionSlug: string, entrySlug: string) =>
  `/r/${regionSlug}/knowledge/${entrySlug}`;

/**
 * A region's public entries as an Atom feed: only published, public entries (publicEntries), the
 * body rendered and sanitised as on the page. Null for an unknown region.
 */
export async function atomFeed(
  db: Reader,
  regionSlug: string,
  baseUrl: string,
  locale: Locale,
): Promise<string | null> {
  const found = await publicEntries(db, regionSlug);
  if (!found) return null;
  const { region, entries } = found;
  const t = translator(locale);
  const self = `${baseUrl}/r/${region.slug}/knowledge.atom`;
  const feed = new Feed({
    title: t("knowledge.public.feedTitle", { region: region.name }),
    id: self,
    link: `${baseUrl}/r/${region.slug}`,
    language: locale,
    updated: entries[0] ? new Date(entries[0].updated_at) : new Date(0),
    copyright: region.name,
    feedLinks: { atom: self },
    author: { name: region.name },
  });
  for (const e of entries) {
    const url = `${baseUrl}${publicEntryPath(region.slug, e.slug)}`;
    feed.addItem({
      title: e.title,
      id: url,
      link: url,
      description: e.summary || plainText(e.body_md).slice(0, 500),
      content: renderMarkdown(e.body_md),
      date: new Date(e.updated_at),
      published: new Date(e.published_at ?? e.created_at),
      category: e.essentials.map((x) => ({ name: t(`knowledge.essential.${x}` as never) })),
      ...(LICENCE_URL[e.licence] ? { copyright: LICENCE_URL[e.licence] } : {}),
    });
  }
  return feed.atom1();
}

/**
 * Schema.org JSON-LD for an entry's public page: a LearningResource (a CreativeWork) with its
 * licence, language and what it is about; authors only with their consent (authorsOf filters).
 */
export function entryJsonLd(
  v: {
    entry: {
      title: string;
      summary: string;
      kind: string;
      licence: string;
      language: string;
      essentials: string[];
      theme: string;
      citation: string;
      source_url: string;
      published_at: Date | string | null;
      updated_at: Date | string;
      region_name: string;
    };
    authors: AuthorItem[];
  },
  url: string,
  t: (key: never) => string,
): Record<string, unknown> {
  const e = v.entry;
  const licence = LICENCE_URL[e.licence];
  const about = [
    ...e.essentials.map((x) => t(`knowledge.essential.${x}` as never)),
    ...(e.theme ? [e.theme] : []),
  ];
  return {
    "@context": "https://schema.org",
    "@type": ["CreativeWork", "LearningResource"],
    "@id": url,
    url,
    name: e.title,
    description: e.summary,
    learningResourceType: t(`knowledge.kind.${e.kind}` as never),
    inLanguage: e.language,
    ...(licence ? { license: licence } : {}),
    ...(about.length > 0 ? { about: about.map((name) => ({ "@type": "Thing", name })) } : {}),
    ...(v.authors.length > 0
      ? {
          author: v.authors.filter((a) => a.name).map((a) => ({ "@type": "Person", name: a.name })),
        }
      : {}),
    publisher: { "@type": "Organization", name: e.region_name },
    ...(e.published_at ? { datePublished: new Date(e.published_at).toISOString() } : {}),
    dateModified: new Date(e.updated_at).toISOString(),
    ...(e.citation ? { citation: e.citation } : {}),
    ...(e.source_url ? { isBasedOn: e.source_url } : {}),
  };
}
