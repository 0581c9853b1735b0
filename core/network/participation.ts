import { sql, type RawBuilder } from "kysely";
import type { DeclaredTieKind } from "../../db/schema.ts";
import type { Db, Reader } from "../kernel/tx.ts";

/** Where two parties were together: what makes a tie. */
export const TIE_KINDS = ["event", "dialogue", "coalition", "action", "role", "declared"] as const;
export type TieKind = (typeof TIE_KINDS)[number];

/**
 * One occasion (an event attended, a dialogue group, a coalition, an action, a challenge's
 * roles) with the parties who were there, as positions in the register's lists (`Register`):
 * a big region has 200,000 presences, and small integers in one array per occasion cross the
 * database driver ten times faster than a row per presence.
 */
export interface Occasion {
  key: string;
  kind: Exclude<TieKind, "declared">;
  at: Date;
  people: number[];
  organisations: number[];
}

/** The region's people (not erased) and organisations, in the order occasions refer to them. */
export interface Register {
  people: { id: string; name: string; organisationId: string | null; perspectives: string[] }[];
  organisations: { id: string; name: string; sector: string }[];
}

export interface DeclaredTie {
  id: string;
  a: string;
  b: string;
  level: "person" | "organisation";
  kind: DeclaredTieKind;
  at: Date;
}

export interface NetworkFilter {
  /** Only what served this challenge: its linked activities and the roles in it. */
  challengeId?: string | null;
  /** Only occasions from (inclusive) … to (exclusive), by their date (`Occasion.at`). */
  from?: Date | null;
  to?: Date | null;
}

/**
 * Every occasion the network is made of, with the register it refers to, for one region, read
 * in one snapshot (two statements in a repeatable-read transaction, so a person added between
 * them cannot shift the positions).
 *
 * Who is a party: a person of the region's register (not erased) and an organisation. Records
 * that name someone the register does not know (a registrant by e-mail, a coalition member) are
 * kept only at the level of their organisation, matched by name; nobody enters the network
 * without being in the register; where a coordinator picked a coalition member or an action's
 * lead or partner from the register (db/migrations/016), the link is followed instead of the name.
 * Attendance counts (checked in), not registration. A dialogue
 * participant counts only under a name they gave (anonymous participants never appear), and as
 * a person only when exactly one person of the register has that name.
 */
export async function occasionsOf(
  db: Db,
  regionId: string,
  filter: Pick<NetworkFilter, "challengeId"> = {},
): Promise<{ occasions: Occasion[]; register: Register }> {
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (tx) => {
      // One analytic read: PostgreSQL's JIT compiles it for a second and a half to save
      // milliseconds, and the default work_mem sorts 100,000 check-ins on disk.
      await sql`SET LOCAL jit = off`.execute(tx);
      await sql`SET LOCAL work_mem = '32MB'`.execute(tx);
      const register = await registerOf(tx, regionId);
      const occasions = await readOccasions(tx, regionId, filter);
      return { register, occasions };
    });
}

async function registerOf(db: Reader, regionId: string): Promise<Register> {
  // Ordered by id, as the row numbers in readOccasions are.
  const [people, organisations] = await Promise.all([
    db
      .selectFrom("people")
      .select(["id", "name", "organisation_id", "perspectives"])
      .where("region_id", "=", regionId)
      .where("erased_at", "is", null)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("organisations")
      .select(["id", "name", "sector"])
      .where("region_id", "=", regionId)
      .orderBy("id")
      .execute(),
  ]);
  return {
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      organisationId: p.organisation_id,
      perspectives: p.perspectives,
    })),
    organisations,
  };
}

async function readOccasions(
  db: Reader,
  regionId: string,
  filter: Pick<NetworkFilter, "challengeId">,
): Promise<Occasion[]> {
  const servesChallenge = (column: RawBuilder<unknown>, linkColumn: string) =>
    filter.challengeId
      ? sql`AND EXISTS (SELECT 1 FROM challenge_links l WHERE l.challenge_id = ${filter.challengeId}
          AND ${sql.ref(`l.${linkColumn}`)} = ${column})`
      : sql``;

  const eventAt = sql`e.starts_at`;
  const sessionAt = sql`s.created_at`;
  const coalitionAt = sql`c.updated_at`;
  const actionAt = sql`coalesce(a.starts_on::timestamptz, a.created_at)`;
  const roleAt = sql`ro.created_at`;
  // Positions in the register (0-based, by id) and each person's organisation's position.
  const people = sql`array_remove(array_agg(DISTINCT p.n), NULL)`;
  const organisations = sql`array_remove(array_agg(DISTINCT coalesce(p.org, o.n)), NULL)`;

  const rows = await sql<{
    occasion: string;
    kind: Occasion["kind"];
    at: Date | string;
    people: number[];
    organisations: number[];
  }>`
    WITH o AS (
      SELECT id, (row_number() OVER (ORDER BY id))::int - 1 AS n, lower(btrim(name)) AS name
      FROM organisations WHERE region_id = ${regionId}
    ),
    p AS (
      SELECT pe.id, (row_number() OVER (ORDER BY pe.id))::int - 1 AS n, lower(pe.email) AS email,
        lower(btrim(pe.name)) AS name, po.n AS org
      FROM people pe LEFT JOIN o po ON po.id = pe.organisation_id
      WHERE pe.region_id = ${regionId} AND pe.erased_at IS NULL
    ),
    unique_name AS (SELECT name FROM p GROUP BY name HAVING count(*) = 1),
    -- The owner and partners of each action that are not linked to the register, one row per
    -- name: split first and joined after, so the join is hashed (splitting inside the join made
    -- it a nested loop of seconds). A linked name is followed by its link (action_links) instead.
    action_parties AS MATERIALIZED (
      SELECT a.id, ${actionAt} AS at, lower(btrim(party)) AS name
      FROM actions a
      CROSS JOIN LATERAL unnest(regexp_split_to_array(
        CASE WHEN a.owner_organisation_id IS NULL THEN a.owner_organisation ELSE '' END
          || ';' || a.partners, '\\s*[,;\\n]\\s*')) AS party
      WHERE a.region_id = ${regionId} AND btrim(party) <> ''
        AND NOT EXISTS (SELECT 1 FROM action_partners l
          WHERE l.action_id = a.id AND lower(l.name) = lower(btrim(party)))
        ${servesChallenge(sql`a.id`, "action_id")}
    ),
    action_links AS (
      SELECT ap.id, ap.at, NULL::int AS person, o.n AS org
      FROM action_parties ap JOIN o ON o.name = ap.name
      UNION ALL
      SELECT a.id, ${actionAt}, NULL::int, o.n
      FROM actions a JOIN o ON o.id = a.owner_organisation_id
      WHERE a.region_id = ${regionId} ${servesChallenge(sql`a.id`, "action_id")}
      UNION ALL
      SELECT a.id, ${actionAt}, p.n, coalesce(o.n, p.org)
      FROM action_partners l
      JOIN actions a ON a.id = l.action_id
      LEFT JOIN o ON o.id = l.organisation_id
      LEFT JOIN p ON p.id = l.person_id
      WHERE a.region_id = ${regionId} AND (o.id IS NOT NULL OR p.id IS NOT NULL)
        ${servesChallenge(sql`a.id`, "action_id")}
    ),
    named AS (SELECT p.* FROM p JOIN unique_name USING (name))
    SELECT 'e:' || e.id AS occasion, 'event' AS kind, ${eventAt} AS at,
      ${people} AS people, ${organisations} AS organisations
    FROM registrations r
    JOIN events e ON e.id = r.event_id
    LEFT JOIN p ON p.email = lower(r.email)
    LEFT JOIN o ON o.name = lower(btrim(r.organisation)) AND r.organisation <> ''
    WHERE r.region_id = ${regionId} AND r.checked_in_at IS NOT NULL AND r.status = 'confirmed'
      AND r.anonymised_at IS NULL AND (p.id IS NOT NULL OR o.id IS NOT NULL)
      ${servesChallenge(sql`e.id`, "event_id")}
    GROUP BY e.id
    UNION ALL
    SELECT 'g:' || s.id || ':' || dp.group_no, 'dialogue', ${sessionAt}, ${people}, ${organisations}
    FROM dialogue_participants dp
    JOIN dialogue_sessions s ON s.id = dp.session_id
    LEFT JOIN named p ON p.name = lower(btrim(dp.display_name))
    LEFT JOIN o ON o.name = lower(btrim(dp.organisation)) AND dp.organisation <> ''
    WHERE s.region_id = ${regionId} AND dp.group_no IS NOT NULL AND s.anonymised_at IS NULL
      AND btrim(coalesce(dp.display_name, '')) <> '' AND (p.id IS NOT NULL OR o.id IS NOT NULL)
      ${servesChallenge(sql`s.id`, "dialogue_session_id")}
    GROUP BY s.id, dp.group_no
    UNION ALL
    SELECT 'c:' || c.id, 'coalition', ${coalitionAt},
      array_remove(array_agg(DISTINCT coalesce(pl.n, p.n)), NULL),
      array_remove(array_agg(DISTINCT coalesce(pl.org, p.org, ol.n, o.n)), NULL)
    FROM coalition_members m
    JOIN coalitions c ON c.id = m.coalition_id
    -- The member's links where the coordinator picked them from the register, else the names.
    LEFT JOIN p pl ON pl.id = m.person_id
    LEFT JOIN p ON m.person_id IS NULL AND p.email = lower(m.email)
    LEFT JOIN o ol ON ol.id = m.organisation_id
    LEFT JOIN o ON m.organisation_id IS NULL AND o.name = lower(btrim(m.organisation))
      AND m.organisation <> ''
    WHERE c.region_id = ${regionId} AND m.status = 'member'
      AND (pl.id IS NOT NULL OR p.id IS NOT NULL OR ol.id IS NOT NULL OR o.id IS NOT NULL)
      ${servesChallenge(sql`c.id`, "coalition_id")}
    GROUP BY c.id
    UNION ALL
    SELECT 'a:' || al.id, 'action', al.at, array_remove(array_agg(DISTINCT al.person), NULL),
      array_remove(array_agg(DISTINCT al.org), NULL)
    FROM action_links al
    GROUP BY al.id, al.at
    UNION ALL
    SELECT 'r:' || ch.id, 'role', max(${roleAt}), ${people},
      array_remove(array_agg(DISTINCT coalesce(o.n, p.org)), NULL)
    FROM challenge_roles ro
    JOIN challenges ch ON ch.id = ro.challenge_id
    LEFT JOIN p ON p.id = ro.person_id
    LEFT JOIN o ON o.id = ro.organisation_id
    WHERE ch.region_id = ${regionId} AND (p.id IS NOT NULL OR o.id IS NOT NULL)
      ${filter.challengeId ? sql`AND ch.id = ${filter.challengeId}` : sql``}
    GROUP BY ch.id
  `.execute(db);

  return rows.rows.map((r) => ({
    key: r.occasion,
    kind: r.kind,
    at: new Date(r.at),
    people: r.people ?? [],
    organisations: r.organisations ?? [],
  }));
}

/** The ties people and coordinators recorded, between people and between organisations. */
export async function declaredTiesOf(db: Reader, regionId: string): Promise<DeclaredTie[]> {
  const rows = await db
    .selectFrom("network_ties as t")
    .leftJoin("people as pa", "pa.id", "t.person_a")
    .leftJoin("people as pb", "pb.id", "t.person_b")
    .select([
      "t.id",
      "t.person_a",
      "t.person_b",
      "t.organisation_a",
      "t.organisation_b",
      "t.kind",
      "t.created_at",
    ])
    .where("t.region_id", "=", regionId)
    // An erased person leaves the network, their declared ties too.
    .where((eb) =>
      eb.or([
        eb("t.person_a", "is", null),
        eb.and([eb("pa.erased_at", "is", null), eb("pb.erased_at", "is", null)]),
      ]),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    a: r.person_a ?? r.organisation_a!,
    b: r.person_b ?? r.organisation_b!,
    level: r.person_a ? "person" : "organisation",
    kind: r.kind,
    at: new Date(r.created_at),
  }));
}
