import { sql } from "kysely";
import type { AdoptionOutcome } from "../../db/schema.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import type { Reader } from "../kernel/tx.ts";
import { isId } from "../kernel/validate.ts";
import { knowledgePolicy } from "./policy.ts";
import type { EvidenceKind } from "./schema.ts";
import { visibleTo } from "./visibility.ts";

const ENTRY_COLUMNS = [
  "knowledge_entries.id",
  "knowledge_entries.region_id",
  "knowledge_entries.slug",
  "knowledge_entries.kind",
  "knowledge_entries.title",
  "knowledge_entries.summary",
  "knowledge_entries.body_md",
  "knowledge_entries.citation",
  "knowledge_entries.source_url",
  "knowledge_entries.sectors",
  "knowledge_entries.perspectives",
  "knowledge_entries.essentials",
  "knowledge_entries.ambition_levels",
  "knowledge_entries.phases",
  "knowledge_entries.theme",
  "knowledge_entries.licence",
  "knowledge_entries.language",
  "knowledge_entries.status",
  "knowledge_entries.visibility",
  "knowledge_entries.shipped_key",
  "knowledge_entries.published_at",
  "knowledge_entries.created_at",
  "knowledge_entries.updated_at",
] as const;

export interface EvidenceItem {
  id: string;
  kind: EvidenceKind;
  targetId: string;
  title: string;
  note: string;
  /** Only for the harvest theme: the harvest it belongs to (its pages are under the harvest). */
  harvestId: string | null;
}

export interface AuthorItem {
  personId: string;
  /** Null when the person did not consent (or was erased): then nobody outside sees a name. */
  name: string | null;
  consented: boolean;
}

export interface AdoptionItem {
  id: string;
  regionName: string;
  mine: boolean;
  tried: string;
  outcome: AdoptionOutcome;
  note: string;
  adoptedOn: string;
}

/** The entries the region wrote itself, newest change first (exports, pickers). */
export function regionEntries(scope: RegionScope, limit = 5000) {
  return scope.db
    .selectFrom("knowledge_entries")
    .select(ENTRY_COLUMNS)
    .where("region_id", "=", scope.regionId)
    .orderBy("updated_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}

/** An entry of the scope's own region, for its edit form; another region's is "not found". */
export async function ownEntry(scope: RegionScope, entryId: unknown) {
  if (!isId(entryId)) return undefined;
  return scope.db
    .selectFrom("knowledge_entries")
    .select(ENTRY_COLUMNS)
    .where("id", "=", entryId)
    .where("region_id", "=", scope.regionId)
    .executeTakeFirst();
}

async function evidenceOf(db: Reader, entryId: string): Promise<EvidenceItem[]> {
  const rows = await db
    .selectFrom("knowledge_entry_evidence as ev")
    .leftJoin("challenges as c", "c.id", "ev.challenge_id")
    .leftJoin("events as e", "e.id", "ev.event_id")
    .leftJoin("dialogue_sessions as s", "s.id", "ev.dialogue_session_id")
    .leftJoin("harvests as h", "h.id", "ev.harvest_id")
    .leftJoin("harvest_themes as t", "t.id", "ev.harvest_theme_id")
    .leftJoin("actions as a", "a.id", "ev.action_id")
    .select([
      "ev.id",
      "ev.note",
      "ev.challenge_id",
      "ev.event_id",
      "ev.dialogue_session_id",
      "ev.harvest_id",
      "ev.harvest_theme_id",
      "ev.action_id",
      "t.harvest_id as theme_harvest_id",
      sql<string>`coalesce(c.title, e.title, s.title, h.title, t.label, a.title, '')`.as("title"),
    ])
    .where("ev.entry_id", "=", entryId)
    .orderBy("ev.created_at")
    .orderBy("ev.id")
    .execute();
  return rows.map((r) => {
    const [kind, targetId] = (
      [
        ["challenge", r.challenge_id],
        ["event", r.event_id],
        ["session", r.dialogue_session_id],
        ["harvest", r.harvest_id],
        ["theme", r.harvest_theme_id],
        ["action", r.action_id],
      ] as const
    ).find(([, v]) => v !== null)!;
    return {
      id: r.id,
      kind,
      targetId: targetId!,
      title: r.title,
      note: r.note,
      harvestId: r.theme_harvest_id,
    };
  });
}

async function authorsOf(db: Reader, entryId: string, own: boolean): Promise<AuthorItem[]> {
  const rows = await db
    .selectFrom("knowledge_entry_authors as ka")
    .innerJoin("people as p", "p.id", "ka.person_id")
    .select(["ka.person_id", "ka.consent_given_at", "p.name", "p.erased_at"])
    .where("ka.entry_id", "=", entryId)
    .orderBy("ka.position")
    .orderBy("ka.created_at")
    .execute();
  return rows
    .map((r) => {
      const consented = r.consent_given_at !== null && r.erased_at === null;
      // Inside its own region the organisers see whom they named, to ask for consent.
      return { personId: r.person_id, name: consented || own ? r.name : null, consented };
    })
    .filter((a) => own || a.consented);
}

/** Where the entry was adopted and how it went, oldest first (the transfer check). */
export async function adoptionsOf(
  db: Reader,
  entryId: string,
  viewerRegionId: string | null,
): Promise<AdoptionItem[]> {
  const rows = await db
    .selectFrom("knowledge_adoptions as ad")
    .innerJoin("regions as r", "r.id", "ad.region_id")
    .select([
      "ad.id",
      "ad.region_id",
      "r.name as region_name",
      "ad.tried",
      "ad.outcome",
      "ad.note",
      sql<string>`to_char(ad.adopted_on, 'YYYY-MM-DD')`.as("adopted_on"),
    ])
    .where("ad.entry_id", "=", entryId)
    .orderBy("ad.adopted_on")
    .orderBy("ad.created_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    regionName: r.region_name,
    mine: r.region_id === viewerRegionId,
    tried: r.tried,
    outcome: r.outcome,
    note: r.note,
    adoptedOn: r.adopted_on,
  }));
}

/**
 * An entry as the scope's region sees it: its own (editable by organisers), or another region's
 * that is shared with it or public (read-only: `editable` is false and the page offers adopting
 * instead). Not visible is "not found", the same answer as a made-up id.
 */
export async function entryView(scope: RegionScope, entryId: unknown) {
  if (!isId(entryId)) return undefined;
  const entry = await scope.db
    .selectFrom("knowledge_entries")
    .innerJoin("regions", "regions.id", "knowledge_entries.region_id")
    .select([...ENTRY_COLUMNS, "regions.name as region_name", "regions.slug as region_slug"])
    .where("knowledge_entries.id", "=", entryId)
    .where(visibleTo(scope.regionId))
    .executeTakeFirst();
  if (!entry) return undefined;
  const own = entry.region_id === scope.regionId;
  const shares = own
    ? await scope.db
        .selectFrom("knowledge_entry_shares as ks")
        .leftJoin("regions as r", "r.id", "ks.region_id")
        .leftJoin("learning_communities as lc", "lc.id", "ks.community_id")
        .select([
          "ks.region_id",
          "ks.community_id",
          "r.name as region_name",
          "lc.name as community_name",
        ])
        .where("ks.entry_id", "=", entry.id)
        .orderBy(sql`coalesce(r.name, lc.name)`)
        .execute()
    : [];
  return {
    entry,
    own,
    editable: own && hasRole(scope.role, knowledgePolicy.updateEntry),
    mayAdopt:
      !own && entry.status === "published" && hasRole(scope.role, knowledgePolicy.adoptEntry),
    evidence: await evidenceOf(scope.db, entry.id),
    authors: await authorsOf(scope.db, entry.id, own),
    shares: shares.map((s) => ({
      regionId: s.region_id,
      communityId: s.community_id,
      name: s.region_name ?? s.community_name ?? "",
    })),
    adoptions: await adoptionsOf(scope.db, entry.id, scope.regionId),
  };
}

/** What the region can link as evidence: its recent activities of each kind. */
export async function evidenceOptions(scope: RegionScope) {
  const db = scope.db;
  const r = scope.regionId;
  const cap = 200;
  // The four kinds below share the columns read here; Kysely types one table at a time.
  const recent = (table: "challenges" | "dialogue_sessions" | "harvests" | "actions") =>
    db
      .selectFrom(table as "challenges")
      .select(["id", "title"])
      .where("region_id", "=", r)
      .orderBy("created_at", "desc")
      .limit(cap)
      .execute();
  const [challenges, events, sessions, harvests, themes, actions] = await Promise.all([
    recent("challenges"),
    db
      .selectFrom("events")
      .select(["id", "title"])
      .where("region_id", "=", r)
      .orderBy("starts_at", "desc")
      .limit(cap)
      .execute(),
    recent("dialogue_sessions"),
    recent("harvests"),
    db
      .selectFrom("harvest_themes as t")
      .innerJoin("harvests as h", "h.id", "t.harvest_id")
      .select(["t.id", sql<string>`h.title || ': ' || t.label`.as("title")])
      .where("h.region_id", "=", r)
      .orderBy("h.created_at", "desc")
      .orderBy("t.position")
      .limit(cap)
      .execute(),
    recent("actions"),
  ]);
  return {
    challenge: challenges,
    event: events,
    session: sessions,
    harvest: harvests,
    theme: themes,
    action: actions,
  };
}

/** People of the region who can be named as authors. */
export function authorOptions(scope: RegionScope) {
  return scope.db
    .selectFrom("people")
    .select(["id", "name"])
    .where("region_id", "=", scope.regionId)
    .where("erased_at", "is", null)
    .orderBy("name")
    .limit(2000)
    .execute();
}

/** Whom the region can share with: every other region, and the communities it belongs to. */
export async function sharingOptions(scope: RegionScope) {
  const [regions, communities] = await Promise.all([
    scope.db
      .selectFrom("regions")
      .select(["id", "name"])
      .where("id", "<>", scope.regionId)
      .orderBy("name")
      .limit(1000)
      .execute(),
    memberCommunities(scope),
  ]);
  return { regions, communities };
}

/** The learning communities the region belongs to, with their host and size. */
export function memberCommunities(scope: RegionScope) {
  return scope.db
    .selectFrom("learning_community_members as m")
    .innerJoin("learning_communities as lc", "lc.id", "m.community_id")
    .innerJoin("regions as host", "host.id", "lc.host_region_id")
    .select([
      "lc.id",
      "lc.name",
      "lc.slug",
      "lc.description",
      "lc.host_region_id",
      "host.name as host_name",
      (eb) =>
        eb
          .selectFrom("learning_community_members as all_m")
          .select(eb.fn.countAll<number>().as("n"))
          .whereRef("all_m.community_id", "=", "lc.id")
          .as("member_count"),
    ])
    .where("m.region_id", "=", scope.regionId)
    .orderBy("lc.name")
    .execute();
}

/**
 * A community as one of its member regions sees it: its members, the published entries shared
 * with it (from any member), and its meetings. A region that is not a member gets "not found".
 */
export async function communityView(scope: RegionScope, communityId: unknown) {
  if (!isId(communityId)) return undefined;
  const community = await scope.db
    .selectFrom("learning_communities as lc")
    .innerJoin("regions as host", "host.id", "lc.host_region_id")
    .select([
      "lc.id",
      "lc.name",
      "lc.slug",
      "lc.description",
      "lc.host_region_id",
      "host.name as host_name",
    ])
    .where("lc.id", "=", communityId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("learning_community_members as m")
          .select("m.region_id")
          .whereRef("m.community_id", "=", "lc.id")
          .where("m.region_id", "=", scope.regionId),
      ),
    )
    .executeTakeFirst();
  if (!community) return undefined;
  const [members, entries, meetings, ownEvents] = await Promise.all([
    scope.db
      .selectFrom("learning_community_members as m")
      .innerJoin("regions as r", "r.id", "m.region_id")
      .select(["r.id", "r.name", "r.slug", "m.joined_at"])
      .where("m.community_id", "=", community.id)
      .orderBy("r.name")
      .execute(),
    scope.db
      .selectFrom("knowledge_entries")
      .innerJoin("knowledge_entry_shares as ks", "ks.entry_id", "knowledge_entries.id")
      .innerJoin("regions as r", "r.id", "knowledge_entries.region_id")
      .select([
        "knowledge_entries.id",
        "knowledge_entries.title",
        "knowledge_entries.kind",
        "knowledge_entries.summary",
        "r.name as region_name",
      ])
      .where("ks.community_id", "=", community.id)
      .where(visibleTo(scope.regionId))
      .where("knowledge_entries.status", "=", "published")
      .orderBy("knowledge_entries.updated_at", "desc")
      .limit(500)
      .execute(),
    scope.db
      .selectFrom("learning_community_meetings as mt")
      .innerJoin("events as e", "e.id", "mt.event_id")
      .innerJoin("regions as r", "r.id", "e.region_id")
      .select([
        "e.id",
        "e.title",
        "e.starts_at",
        "e.slug",
        "e.status",
        "r.id as region_id",
        "r.name as region_name",
        "r.slug as region_slug",
      ])
      .where("mt.community_id", "=", community.id)
      .orderBy("e.starts_at")
      .execute(),
    scope.db
      .selectFrom("events")
      .select(["id", "title", "starts_at"])
      .where("region_id", "=", scope.regionId)
      .orderBy("starts_at", "desc")
      .limit(200)
      .execute(),
  ]);
  return {
    community,
    isHost: community.host_region_id === scope.regionId,
    members,
    entries,
    meetings,
    ownEvents,
  };
}

/** A region's public entry by its address, or undefined (not public, a draft, or unknown). */
export async function publicEntry(db: Reader, regionSlug: string, entrySlug: string) {
  const entry = await db
    .selectFrom("knowledge_entries")
    .innerJoin("regions", "regions.id", "knowledge_entries.region_id")
    .select([...ENTRY_COLUMNS, "regions.name as region_name", "regions.slug as region_slug"])
    .where("regions.slug", "=", regionSlug)
    .where("knowledge_entries.slug", "=", entrySlug)
    .where("knowledge_entries.status", "=", "published")
    .where("knowledge_entries.visibility", "=", "public")
    .executeTakeFirst();
  if (!entry) return undefined;
  return {
    entry,
    authors: await authorsOf(db, entry.id, false),
    adoptions: await adoptionsOf(db, entry.id, null),
  };
}

/** A region's public entries, newest first, for its feed. */
export async function publicEntries(db: Reader, regionSlug: string, limit = 50) {
  const region = await db
    .selectFrom("regions")
    .select(["id", "name", "slug"])
    .where("slug", "=", regionSlug)
    .executeTakeFirst();
  if (!region) return undefined;
  const entries = await db
    .selectFrom("knowledge_entries")
    .select(ENTRY_COLUMNS)
    .where("region_id", "=", region.id)
    .where("status", "=", "published")
    .where("visibility", "=", "public")
    .orderBy("updated_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
  return { region, entries };
}
