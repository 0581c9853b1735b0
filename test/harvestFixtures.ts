import type { RegionScope } from "../core/kernel/scope.ts";
import type { ContributionKind } from "../db/schema.ts";

/**
 * A curated harvest written straight into the tables (the harvest and themes pages have their own
 * tests): two themes with summaries, contributions of several kinds and sectors, one hidden, one
 * merged into another, and one without a theme.
 */
export async function makeCuratedHarvest(
  scope: RegionScope,
  opts: { slug?: string; language?: "nl" | "en" } = {},
) {
  const { db } = scope;
  const harvest = await db
    .insertInto("harvests")
    .values({
      region_id: scope.regionId,
      slug: opts.slug ?? "ontwikkelsessies-2021",
      title: "Ontwikkelsessies 2021",
      language: opts.language ?? "nl",
      introduction: "Zes ontwikkelsessies, ruim 200 deelnemers.\n\nEén gedeelde koers: ë, ü, ï.",
    })
    .returning(["id", "slug"])
    .executeTakeFirstOrThrow();
  const theme = async (label: string, position: number, summary: string, strategic: string) =>
    (
      await db
        .insertInto("harvest_themes")
        .values({
          harvest_id: harvest.id,
          label,
          position,
          summary,
          strategic_theme: strategic,
          origin: "curated",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  // Inserted out of order: the publication follows `position`.
  const culture = await theme(
    "Leercultuur",
    1,
    "Ruimte voor een leven lang leren.",
    "Leer- en ontwikkelcultuur",
  );
  const candidate = await theme(
    "De kandidaat centraal",
    0,
    "Toegankelijk leren voor elke kandidaat.\n\nTweede alinea.",
    "De kandidaat centraal",
  );
  const add = async (
    text: string,
    kind: ContributionKind,
    sector: string | null,
    themeId: string | null,
    extra: { hidden?: boolean; merged_into_id?: string; origin?: "answer" | "form" } = {},
  ) =>
    (
      await db
        .insertInto("contributions")
        .values({
          harvest_id: harvest.id,
          region_id: scope.regionId,
          text,
          kind,
          sector,
          theme_id: themeId,
          origin: extra.origin ?? "answer",
          source_label: "Ontwikkelsessie 1 · Wat is jouw droom?",
          hidden: extra.hidden ?? false,
          merged_into_id: extra.merged_into_id ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const dream = await add(
    "Elke zorgmedewerker krijgt één leerdag per maand",
    "dream",
    "social",
    culture,
  );
  const dilemma = await add(
    "Tijd voor leren gaat ten koste van de zorg",
    "dilemma",
    "mbo",
    culture,
  );
  const idea = await add("Stages die écht aansluiten bij de praktijk", "idea", "hbo", candidate, {
    origin: "form",
  });
  const question = await add("Hoe bereiken we zij-instromers?", "question", null, candidate);
  const hidden = await add("Verborgen bijdrage", "other", "company", candidate, { hidden: true });
  const merged = await add("Eén leerdag per maand voor iedereen", "dream", "government", culture, {
    merged_into_id: dream,
  });
  const loose = await add("Losse gedachte zonder thema", "other", "residents", null);
  return {
    harvest,
    themes: { candidate, culture },
    contributions: { dream, dilemma, idea, question, hidden, merged, loose },
  };
}
