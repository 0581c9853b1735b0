import type { Locale } from "../../db/schema.ts";
import { normaliseJoinCode } from "../dialogue/joinCode.ts";
import type { Db } from "../kernel/tx.ts";
import { readPersonalToken } from "./links.ts";
import { statementsOf, type ScanStatement } from "./statements.ts";

export interface PublicRegion {
  slug: string;
  name: string;
  primaryColor: string;
  hasLogo: boolean;
}

/** What the public form shows and the submission needs; `open` false shows "closed". */
export interface ScanFormPage {
  region: PublicRegion;
  scanId: string;
  roundId: string;
  title: string;
  roundNumber: number;
  roundLabel: string;
  open: boolean;
  /** The personal link's nonce; null when answering by join code. */
  nonce: string | null;
  statements: ScanStatement[];
}

async function formOf(
  db: Db,
  where: { roundId: string } | { code: string },
  nonce: string | null,
  locale: Locale,
): Promise<ScanFormPage | null> {
  let query = db
    .selectFrom("scan_rounds")
    .innerJoin("scans", "scans.id", "scan_rounds.scan_id")
    .innerJoin("regions", "regions.id", "scan_rounds.region_id")
    .select([
      "scan_rounds.id as roundId",
      "scan_rounds.number",
      "scan_rounds.label",
      "scan_rounds.status",
      "scans.id as scanId",
      "scans.title",
      "regions.slug",
      "regions.name",
      "regions.primary_color",
      "regions.logo_mime",
    ]);
  query =
    "roundId" in where
      ? query.where("scan_rounds.id", "=", where.roundId)
      : query.where("scan_rounds.join_code", "=", where.code);
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const own = await db
    .selectFrom("scan_statements")
    .select(["id", "theme", "form", "text"])
    .where("scan_id", "=", row.scanId)
    .orderBy("created_at")
    .execute();
  return {
    region: {
      slug: row.slug,
      name: row.name,
      primaryColor: row.primary_color,
      hasLogo: row.logo_mime !== null,
    },
    scanId: row.scanId,
    roundId: row.roundId,
    title: row.title,
    roundNumber: row.number,
    roundLabel: row.label,
    open: row.status === "open",
    nonce,
    statements: statementsOf(own, locale),
  };
}

/**
 * The form behind a join code, only within the region of the address: a code of another region
 * reads as one that does not exist.
 */
export async function scanFormByCode(
  db: Db,
  regionSlug: string,
  code: string,
  locale: Locale,
): Promise<ScanFormPage | null> {
  const normal = normaliseJoinCode(code);
  if (!normal) return null;
  const form = await formOf(db, { code: normal }, null, locale);
  return form && form.region.slug === regionSlug ? form : null;
}

/** The form behind a personal link; null for a link not made here. */
export async function scanFormByLink(
  db: Db,
  token: string,
  locale: Locale,
): Promise<ScanFormPage | null> {
  const link = await readPersonalToken(db, token);
  if (!link) return null;
  return formOf(db, { roundId: link.roundId }, link.nonce, locale);
}

/** Whether this personal link has answered already (the page says so instead of the form). */
export async function linkAnswered(db: Db, roundId: string, nonce: string): Promise<boolean> {
  const row = await db
    .selectFrom("scan_responses")
    .select("id")
    .where("round_id", "=", roundId)
    .where("link_nonce", "=", nonce)
    .executeTakeFirst();
  return row !== undefined;
}
