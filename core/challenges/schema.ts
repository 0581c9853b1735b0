import { z } from "zod";
import type { ChallengeStatus, CyclePhase } from "../../db/schema.ts";
import { isId, optionalText, text } from "../kernel/validate.ts";
import type { Reader } from "../kernel/tx.ts";

/** The four phases of the cycle (seed 001), by number: the order is the meaning. */
export const CYCLE_PHASES = [1, 2, 3, 4] as const satisfies readonly CyclePhase[];
export const isCyclePhase = (v: unknown): v is CyclePhase => CYCLE_PHASES.includes(v as CyclePhase);
/** The dialogue instrument names the same phases by key (core/dialogue/template.ts PHASES). */
export const PHASE_KEYS = { 1: "urgency", 2: "network", 3: "together", 4: "consolidate" } as const;

export const CHALLENGE_STATUSES = [
  "candidate",
  "active",
  "paused",
  "closed",
] as const satisfies readonly ChallengeStatus[];

export const CHALLENGE_LIMITS = {
  title: 200,
  whyUrgent: 5000,
  forWhom: 2000,
  guidingQuestion: 1000,
  geography: 500,
  owners: 500,
  continuation: 1000,
  reason: 2000,
  why: 1000,
  roleName: 100,
  roleNote: 500,
  ambitionNote: 1000,
  roles: 30,
} as const;

/** A checkbox as a form sends it: "on" when ticked, absent otherwise. */
const checkbox = () =>
  z
    .union([z.string(), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true" || v === "1");

export const challengeSchema = z.object({
  title: text(CHALLENGE_LIMITS.title),
  whyUrgent: optionalText(CHALLENGE_LIMITS.whyUrgent),
  forWhom: optionalText(CHALLENGE_LIMITS.forWhom),
  guidingQuestion: optionalText(CHALLENGE_LIMITS.guidingQuestion),
  geography: optionalText(CHALLENGE_LIMITS.geography),
  owners: optionalText(CHALLENGE_LIMITS.owners),
  status: z.enum(CHALLENGE_STATUSES, { error: "validation.choice" }).default("active"),
  published: checkbox(),
  continuationFunding: optionalText(CHALLENGE_LIMITS.continuation),
  continuationStructure: optionalText(CHALLENGE_LIMITS.continuation),
  continuationOwner: optionalText(CHALLENGE_LIMITS.continuation),
});
export type ChallengeInput = z.output<typeof challengeSchema>;

export function challengeColumns(v: ChallengeInput) {
  return {
    title: v.title,
    why_urgent: v.whyUrgent,
    for_whom: v.forWhom,
    guiding_question: v.guidingQuestion,
    geography: v.geography,
    owners: v.owners,
    status: v.status,
    published: v.published,
    continuation_funding: v.continuationFunding,
    continuation_structure: v.continuationStructure,
    continuation_owner: v.continuationOwner,
  };
}

const level = z.coerce
  .number({ error: "validation.choice" })
  .int({ error: "validation.choice" })
  .min(1, { error: "validation.choice" })
  .max(5, { error: "validation.choice" });

export const phaseChangeSchema = z.object({
  phase: z.coerce
    .number({ error: "validation.choice" })
    .refine(isCyclePhase, { error: "validation.choice" })
    .transform((p) => p as CyclePhase),
  // A phase change is a decision; the seeds ask for its reason to be kept with it.
  reason: text(CHALLENGE_LIMITS.reason),
});

export const ratingSchema = z
  .object({
    organisationId: z.string().trim().default(""),
    personId: z.string().trim().default(""),
    urgency: level,
    importance: level,
    why: optionalText(CHALLENGE_LIMITS.why),
  })
  .refine((v) => v.organisationId !== "" || v.personId !== "", {
    error: "challenges.partyRequired",
    path: ["organisationId"],
  });

export const ambitionSchema = z.object({
  now: level,
  desired: level,
  note: optionalText(CHALLENGE_LIMITS.ambitionNote),
});

export const roleSchema = z
  .object({
    role: text(CHALLENGE_LIMITS.roleName),
    organisationId: z.string().trim().default(""),
    personId: z.string().trim().default(""),
    note: optionalText(CHALLENGE_LIMITS.roleNote),
  })
  .refine((v) => v.organisationId !== "" || v.personId !== "", {
    error: "challenges.partyRequired",
    path: ["organisationId"],
  });

/** What a challenge can be linked to: each kind is one foreign key of challenge_links. */
export const LINK_KINDS = ["event", "session", "harvest", "action", "coalition"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const isLinkKind = (v: unknown): v is LinkKind => LINK_KINDS.includes(v as LinkKind);

export const LINK_COLUMN = {
  event: "event_id",
  session: "dialogue_session_id",
  harvest: "harvest_id",
  action: "action_id",
  coalition: "coalition_id",
} as const satisfies Record<LinkKind, string>;

const LINK_TABLE = {
  event: "events",
  session: "dialogue_sessions",
  harvest: "harvests",
  action: "actions",
  coalition: "coalitions",
} as const satisfies Record<LinkKind, string>;

/**
 * An activity of the region, held FOR SHARE until the transaction ends, so that it cannot be
 * deleted between this check and the link that points at it. The tables are the other
 * capabilities'; a challenge only reads them.
 */
export async function holdActivity(tx: Reader, regionId: string, kind: LinkKind, id: unknown) {
  if (typeof id !== "string" || !isId(id)) return undefined;
  return tx
    .selectFrom(LINK_TABLE[kind])
    .select("id")
    .where("id", "=", id)
    .where("region_id", "=", regionId)
    .forShare()
    .executeTakeFirst();
}

/** An organisation or person of the region, held FOR SHARE for the same reason. */
export async function holdParty(
  tx: Reader,
  regionId: string,
  input: { organisationId: string; personId: string },
) {
  let organisation: { id: string; sector: string } | undefined;
  let person: { id: string; organisation_id: string | null; perspectives: string[] } | undefined;
  if (input.organisationId) {
    if (!isId(input.organisationId)) return undefined;
    organisation = await tx
      .selectFrom("organisations")
      .select(["id", "sector"])
      .where("id", "=", input.organisationId)
      .where("region_id", "=", regionId)
      .forShare()
      .executeTakeFirst();
    if (!organisation) return undefined;
  }
  if (input.personId) {
    if (!isId(input.personId)) return undefined;
    person = await tx
      .selectFrom("people")
      .select(["id", "organisation_id", "perspectives"])
      .where("id", "=", input.personId)
      .where("region_id", "=", regionId)
      .where("erased_at", "is", null)
      .forShare()
      .executeTakeFirst();
    if (!person) return undefined;
  }
  return { organisation, person };
}
