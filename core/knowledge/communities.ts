import { sql } from "kysely";
import { inRegion } from "../kernel/guard.ts";
import { conflict, fail, forbidden, notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { slugFrom } from "../kernel/slug.ts";
import type { Tx } from "../kernel/tx.ts";
import { isId, validate } from "../kernel/validate.ts";
import { knowledgePolicy } from "./policy.ts";
import { communitySchema } from "./schema.ts";

/**
 * A learning community spans regions, so it has no `region_id` for the guard's withRow: each
 * intent goes through inRegion (the role) and then asks whether the scope's region hosts the
 * community (to manage it) or is a member (to take part), with the community row locked.
 */
async function lockCommunity(tx: Tx, communityId: unknown) {
  if (!isId(communityId)) return undefined;
  return tx
    .selectFrom("learning_communities")
    .selectAll()
    .where("id", "=", communityId)
    .forUpdate()
    .executeTakeFirst();
}

async function isMember(tx: Tx, communityId: string, regionId: string) {
  const row = await tx
    .selectFrom("learning_community_members")
    .select("region_id")
    .where("community_id", "=", communityId)
    .where("region_id", "=", regionId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A new community, hosted by the scope's region, which is its first member. */
export async function createCommunity(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ id: string }>> {
  return inRegion(scope, knowledgePolicy.createCommunity, async (tx) => {
    const v = validate(communitySchema, input);
    if (!v.ok) return v;
    const base = slugFrom(v.value.name, "leergemeenschap");
    // No lock: the unique slug decides (migration 013); a slug taken at the same moment makes
    // the insert do nothing, and the next number is tried.
    for (let i = 1; i <= 50; i++) {
      const slug = i === 1 ? base : `${base}-${i}`;
      const row = await tx
        .insertInto("learning_communities")
        .values({
          host_region_id: scope.regionId,
          slug,
          name: v.value.name,
          description: v.value.description,
          created_by: scope.userId,
        })
        .onConflict((oc) => oc.column("slug").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (row) {
        await tx
          .insertInto("learning_community_members")
          .values({ community_id: row.id, region_id: scope.regionId })
          .execute();
        return ok(row);
      }
    }
    return fail("validation.failed", { name: { key: "knowledge.slugTaken" } });
  });
}

export async function updateCommunity(
  scope: RegionScope,
  communityId: unknown,
  input: unknown,
): Promise<Result<null>> {
  return inRegion(scope, knowledgePolicy.updateCommunity, async (tx) => {
    const community = await lockCommunity(tx, communityId);
    if (!community || !(await isMember(tx, community.id, scope.regionId))) return notFound();
    if (community.host_region_id !== scope.regionId) return forbidden();
    const v = validate(communitySchema, input);
    if (!v.ok) return v;
    await tx
      .updateTable("learning_communities")
      .set({ name: v.value.name, description: v.value.description, updated_at: sql<Date>`now()` })
      .where("id", "=", community.id)
      .execute();
    return ok(null);
  });
}

/** The host adds a region (by its address, as regions know each other's). Twice is once. */
export async function addCommunityMember(
  scope: RegionScope,
  communityId: unknown,
  input: { regionSlug?: unknown },
): Promise<Result<null>> {
  return inRegion(scope, knowledgePolicy.addCommunityMember, async (tx) => {
    const community = await lockCommunity(tx, communityId);
    if (!community || !(await isMember(tx, community.id, scope.regionId))) return notFound();
    if (community.host_region_id !== scope.regionId) return forbidden();
    const slug = typeof input.regionSlug === "string" ? input.regionSlug.trim() : "";
    const region = slug
      ? await tx
          .selectFrom("regions")
          .select("id")
          .where("slug", "=", slug.slice(0, 80))
          .forShare()
          .executeTakeFirst()
      : undefined;
    if (!region)
      return fail("validation.failed", { regionSlug: { key: "knowledge.regionUnknown" } });
    await tx
      .insertInto("learning_community_members")
      .values({ community_id: community.id, region_id: region.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return ok(null);
  });
}

/**
 * The host removes a member region, or a member region leaves. The host itself cannot leave: the
 * community would have nobody to run it. Entries the region shared with the community stay
 * shared with the others; the leaving region no longer sees theirs (visibleTo reads membership).
 */
export async function removeCommunityMember(
  scope: RegionScope,
  communityId: unknown,
  regionId: unknown,
): Promise<Result<null>> {
  return inRegion(scope, knowledgePolicy.removeCommunityMember, async (tx) => {
    const community = await lockCommunity(tx, communityId);
    if (!community || !(await isMember(tx, community.id, scope.regionId))) return notFound();
    if (!isId(regionId)) return notFound();
    const isHost = community.host_region_id === scope.regionId;
    if (!isHost && regionId !== scope.regionId) return forbidden();
    if (regionId === community.host_region_id) return conflict("knowledge.hostStays");
    const r = await tx
      .deleteFrom("learning_community_members")
      .where("community_id", "=", community.id)
      .where("region_id", "=", regionId)
      .executeTakeFirst();
    if (r.numDeletedRows === 0n) return notFound();
    // Its meetings were its own events: they leave with it.
    await tx
      .deleteFrom("learning_community_meetings")
      .where("community_id", "=", community.id)
      .where("event_id", "in", (eb) =>
        eb.selectFrom("events").select("id").where("region_id", "=", regionId),
      )
      .execute();
    return ok(null);
  });
}

/** A member region names one of its own events as a meeting of the community. */
export async function linkMeeting(
  scope: RegionScope,
  communityId: unknown,
  eventId: unknown,
): Promise<Result<null>> {
  return inRegion(scope, knowledgePolicy.linkMeeting, async (tx) => {
    const community = await lockCommunity(tx, communityId);
    if (!community || !(await isMember(tx, community.id, scope.regionId))) return notFound();
    const event = isId(eventId)
      ? await tx
          .selectFrom("events")
          .select("id")
          .where("id", "=", eventId)
          .where("region_id", "=", scope.regionId)
          .forShare()
          .executeTakeFirst()
      : undefined;
    if (!event) return fail("validation.failed", { eventId: { key: "validation.choice" } });
    await tx
      .insertInto("learning_community_meetings")
      .values({ community_id: community.id, event_id: event.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return ok(null);
  });
}

/** The region that linked a meeting (its event) or the host may unlink it. */
export async function unlinkMeeting(
  scope: RegionScope,
  communityId: unknown,
  eventId: unknown,
): Promise<Result<null>> {
  return inRegion(scope, knowledgePolicy.unlinkMeeting, async (tx) => {
    const community = await lockCommunity(tx, communityId);
    if (!community || !(await isMember(tx, community.id, scope.regionId))) return notFound();
    if (!isId(eventId)) return notFound();
    const isHost = community.host_region_id === scope.regionId;
    const r = await tx
      .deleteFrom("learning_community_meetings")
      .where("community_id", "=", community.id)
      .where("event_id", "=", eventId)
      .$if(!isHost, (q) =>
        q.where("event_id", "in", (eb) =>
          eb.selectFrom("events").select("id").where("region_id", "=", scope.regionId),
        ),
      )
      .executeTakeFirst();
    return r.numDeletedRows > 0n ? ok(null) : notFound();
  });
}
