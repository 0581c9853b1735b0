import { sql } from "kysely";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { addressLimit } from "../kernel/addressLimit.ts";
import { SECTORS } from "../kernel/sectors.ts";
import { failure, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { isId, text, validate } from "../kernel/validate.ts";
import { HARVEST_LIMITS, KINDS, tagsOf } from "./types.ts";

export const FORM_LIMIT = { points: 10, seconds: 10 * 60 } as const;

/**
 * Contributions per client address: ten in ten minutes is more than a person types, and less
 * than a script needs.
 */
export const createContributionLimit = () => addressLimit(FORM_LIMIT);

export interface OpenForm {
  region: {
    id: string;
    slug: string;
    name: string;
    primaryColor: string;
    hasLogo: boolean;
  };
  /** Null when the region has no harvest at this address, or its form is closed. */
  harvest: {
    id: string;
    slug: string;
    title: string;
    description: string;
    language: "nl" | "en";
    strategicThemes: string[];
  } | null;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The public contribution form of a harvest, for anyone with the link and no account. A region
 * that does not exist is null; a harvest that does not exist reads exactly as one whose form is
 * closed, so the page confirms nothing about harvests that are not open.
 */
export async function openContributionForm(
  db: Db,
  regionSlug: string,
  harvestSlug: string,
): Promise<OpenForm | null> {
  if (!SLUG.test(regionSlug)) return null;
  // The region's public face, read here rather than through core/regions, which imports
  // capabilities that import this one.
  const region = await db
    .selectFrom("regions")
    .select(["id", "slug", "name", "primary_color", "logo_mime"])
    .where("slug", "=", regionSlug)
    .executeTakeFirst();
  if (!region) return null;
  const harvest = SLUG.test(harvestSlug)
    ? await db
        .selectFrom("harvests")
        .select(["id", "slug", "title", "description", "language", "strategic_themes"])
        .where("region_id", "=", region.id)
        .where("slug", "=", harvestSlug)
        .where("form_open", "=", true)
        .executeTakeFirst()
    : undefined;
  return {
    region: {
      id: region.id,
      slug: region.slug,
      name: region.name,
      primaryColor: region.primary_color,
      hasLogo: region.logo_mime !== null,
    },
    harvest: harvest
      ? {
          id: harvest.id,
          slug: harvest.slug,
          title: harvest.title,
          description: harvest.description,
          language: harvest.language,
          strategicThemes: tagsOf(harvest.strategic_themes),
        }
      : null,
  };
}

const formSchema = z.object({
  text: text(HARVEST_LIMITS.formText),
  kind: z.enum(KINDS, { error: "validation.choice" }).default("other"),
  sector: z
    .union([z.enum(SECTORS), z.literal("")], { error: "validation.choice" })
    .default("")
    .transform((v) => (v === "" ? null : v)),
  theme: z.string().trim().max(HARVEST_LIMITS.strategicTheme).default(""),
  /** The honeypot: hidden from people, filled in by bots. */
  website: z.string().default(""),
});

/**
 * Stores what someone sent through the public form, as text (never HTML), with no name or
 * address: only the text, its kind and, when given, a sector and one of the harvest's strategic
 * themes. A filled-in honeypot is answered as a success and stores nothing. The insert itself
 * checks that the form is still open, so a contribution racing the organiser's "close" is refused.
 */
export async function contribute(
  db: Db,
  harvestId: string,
  input: unknown,
): Promise<Result<{ stored: boolean }>> {
  if (!isId(harvestId)) return notFound();
  const parsed = validate(formSchema, input);
  if (!parsed.ok) {
    const honeypot = (input as { website?: unknown } | null)?.website;
    if (typeof honeypot === "string" && honeypot.trim() !== "") return ok({ stored: false });
    return parsed;
  }
  const v = parsed.value;
  if (v.website.trim() !== "") return ok({ stored: false });

  const harvest = await db
    .selectFrom("harvests")
    .select("strategic_themes")
    .where("id", "=", harvestId)
    .where("form_open", "=", true)
    .executeTakeFirst();
  if (!harvest) return failure("notFound", "harvest.form.closed");
  if (v.theme !== "" && !tagsOf(harvest.strategic_themes).includes(v.theme)) {
    return fail("validation.failed", { theme: { key: "validation.choice" } });
  }

  const row = await db
    .insertInto("contributions")
    .columns(["harvest_id", "region_id", "text", "kind", "origin", "sector", "source_theme"])
    .expression((eb) =>
      eb
        .selectFrom("harvests")
        .select([
          "id",
          "region_id",
          sql<string>`${v.text}::text`.as("text"),
          sql<string>`${v.kind}::text`.as("kind"),
          sql<string>`'form'`.as("origin"),
          sql<string | null>`${v.sector}::text`.as("sector"),
          sql<string>`${v.theme}::text`.as("source_theme"),
        ])
        .where("id", "=", harvestId)
        .where("form_open", "=", true),
    )
    .returning("id")
    .executeTakeFirst();
  if (!row) return failure("notFound", "harvest.form.closed");
  return ok({ stored: true });
}
