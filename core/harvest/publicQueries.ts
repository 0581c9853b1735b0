import type { Locale } from "../../db/schema.ts";
import type { Db } from "../kernel/tx.ts";
import { buildModel, harvestQuery, type PublicationModel } from "./publication.ts";

/** What anyone may read of a region's harvests, without an account: only what it published. */

/** The publication for anyone, only while the region publishes it. */
export async function publicPublicationModel(
  db: Db,
  regionSlug: string,
  harvestSlug: string,
  lang: Locale,
): Promise<PublicationModel | null> {
  const h = await harvestQuery(db)
    .where("r.slug", "=", regionSlug)
    .where("h.slug", "=", harvestSlug)
    .where("h.publication_public", "=", true)
    .executeTakeFirst();
  return h ? buildModel(db, h, lang) : null;
}

/** What a region publishes of its harvests, for its public page: publications and agendas. */
export async function publishedHarvests(db: Db, regionId: string) {
  return db
    .selectFrom("harvests")
    .select(["slug", "title", "publication_title", "publication_public", "agenda_public"])
    .where("region_id", "=", regionId)
    .where((eb) => eb.or([eb("publication_public", "=", true), eb("agenda_public", "=", true)]))
    .orderBy("created_at", "desc")
    .execute();
}
