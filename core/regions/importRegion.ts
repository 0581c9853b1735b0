import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import type { CyclePhase } from "../../db/schema.ts";
import {
  challengeSchema,
  CHALLENGE_STATUSES,
  isCyclePhase,
  LINK_KINDS,
} from "../challenges/schema.ts";
import { CHALLENGE_LIMITS } from "../challenges/schema.ts";
import { DECLARED_TIE_KINDS, NETWORK_LIMITS } from "../network/schema.ts";
import { isMessageKey, translator } from "../../i18n/index.ts";
import { addMembers } from "../accounts/addMembers.ts";
import { anonymisedPerson } from "../people/anonymise.ts";
import { organisationSchema, perspective } from "../people/schema.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { Tx } from "../kernel/tx.ts";
import { email, LIMITS, optionalText, storableDeep, text } from "../kernel/validate.ts";
import { slug as slugSchema } from "./createRegion.ts";
import { REGION_EXPORT_FORMAT, REGION_EXPORT_VERSION } from "./exportRegion.ts";
import { detectImageType, LOGO_TYPES, MAX_LOGO_BYTES } from "./look.ts";
import { challengeGuardSchema, DEFAULT_CHALLENGE_ROLES } from "./updateChallengeGuard.ts";
import { regionSettingsSchema } from "./updateRegionSettings.ts";

const role = z.enum(["admin", "organiser", "facilitator", "member"]);
const settings = regionSettingsSchema.shape;

// The fields are checked by the same rules as the forms that wrote them, so that a hand-edited
// file cannot bring in what the application would refuse (a javascript: website, an SVG logo).
const regionSchema = z
  .object({
    slug: slugSchema(),
    name: settings.name,
    description: settings.description,
    challenges: settings.challenges,
    primaryColor: settings.primaryColor,
    logo: z.base64().nullable(),
    logoMime: z.enum(LOGO_TYPES).nullable(),
    retentionMonths: settings.retentionMonths,
    privacyStatement: settings.privacyStatement,
    // Files written before challenges existed have none of these: the defaults of a new region.
    staleAfterWeeks: challengeGuardSchema.shape.staleAfterWeeks.default(6),
    phaseMaxMonths: challengeGuardSchema.shape.phaseMaxMonths.default(6),
    challengeRoles: challengeGuardSchema.shape.roles.default([...DEFAULT_CHALLENGE_ROLES]),
  })
  .transform((r, ctx) => {
    const logo = r.logo === null ? null : Buffer.from(r.logo, "base64");
    if (logo && logo.length > MAX_LOGO_BYTES)
      ctx.addIssue({
        code: "custom",
        path: ["logo"],
        message: `is larger than ${MAX_LOGO_BYTES / 1024} KB`,
      });
    else if (logo && (detectImageType(logo) === null || detectImageType(logo) !== r.logoMime))
      ctx.addIssue({
        code: "custom",
        path: ["logo"],
        message: "is not a PNG, JPEG or WebP image of the type logoMime names",
      });
    return { ...r, logo, logoMime: logo ? r.logoMime : null };
  });

const personSchema = z.object({
  ref: z.string().min(1).optional(),
  name: text(LIMITS.name),
  email: email().nullable(),
  organisationRef: z.string().min(1).nullable(),
  perspectives: z.array(perspective()).transform((v) => [...new Set(v)]),
  // No limit on the number of tags: merging two people unites their tags beyond the form's 30.
  expertise: z.array(text(LIMITS.tag)),
  erasedAt: z.iso.datetime({ offset: true }).nullable(),
});

const phase = z
  .int()
  .refine(isCyclePhase)
  .transform((p) => p as CyclePhase);
const level = z.int().min(1).max(5);
const at = z.iso.datetime({ offset: true });
const ref = z.string().min(1);
const byAccount = email().nullable();
const fields = challengeSchema.shape;

const challengeExportSchema = z.object({
  slug: z
    .string()
    .max(80)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: fields.title,
  whyUrgent: fields.whyUrgent,
  forWhom: fields.forWhom,
  guidingQuestion: fields.guidingQuestion,
  geography: fields.geography,
  owners: fields.owners,
  status: z.enum(CHALLENGE_STATUSES),
  published: z.boolean(),
  phase,
  phaseSince: at,
  continuationFunding: fields.continuationFunding,
  continuationStructure: fields.continuationStructure,
  continuationOwner: fields.continuationOwner,
  createdAt: at,
  createdBy: byAccount,
  // The history is the record of decisions: at least the row written when it was created.
  phaseChanges: z
    .array(
      z.object({
        from: phase.nullable(),
        to: phase,
        reason: optionalText(CHALLENGE_LIMITS.reason),
        changedAt: at,
        changedBy: byAccount,
      }),
    )
    .min(1),
  links: z.array(
    z.object({ kind: z.enum(LINK_KINDS), ref, title: z.string(), phase, createdAt: at }),
  ),
  ratings: z.array(
    z.object({
      organisationRef: ref.nullable(),
      personRef: ref.nullable(),
      sector: z.string().max(100).nullable(),
      perspective: perspective().nullable(),
      urgency: level,
      importance: level,
      why: optionalText(CHALLENGE_LIMITS.why),
      createdAt: at,
      updatedAt: at,
    }),
  ),
  roles: z.array(
    z.object({
      role: text(CHALLENGE_LIMITS.roleName),
      organisationRef: ref.nullable(),
      personRef: ref.nullable(),
      note: optionalText(CHALLENGE_LIMITS.roleNote),
      createdAt: at,
    }),
  ),
  ambitions: z.array(
    z.object({
      now: level,
      desired: level,
      note: optionalText(CHALLENGE_LIMITS.ambitionNote),
      recordedAt: at,
      setBy: byAccount,
    }),
  ),
});

export const regionExportSchema = z
  .object({
    format: z.literal(REGION_EXPORT_FORMAT),
    version: z.literal(REGION_EXPORT_VERSION),
    region: regionSchema,
    organisations: z.array(organisationSchema.extend({ ref: z.string().min(1) })),
    people: z.array(personSchema),
    memberships: z.array(z.object({ email: email(), name: z.string(), role })),
    invitations: z.array(
      z.object({ email: email(), role, expiresAt: z.iso.datetime({ offset: true }) }),
    ),
    challenges: z.array(challengeExportSchema).default([]),
    declaredTies: z
      .array(
        z.object({
          personRefs: z.tuple([ref, ref]).nullable(),
          organisationRefs: z.tuple([ref, ref]).nullable(),
          kind: z.enum(DECLARED_TIE_KINDS),
          note: z.string().max(NETWORK_LIMITS.note),
          createdAt: z.iso.datetime({ offset: true }),
        }),
      )
      .default([]),
  })
  .superRefine((doc, ctx) => {
    const twice = (path: (string | number)[], what: string) =>
      ctx.addIssue({ code: "custom", path, message: `${what} appears twice` });
    const refs = new Set<string>();
    const names = new Set<string>();
    doc.organisations.forEach((o, i) => {
      if (refs.has(o.ref)) twice(["organisations", i, "ref"], `the ref ${o.ref}`);
      const name = o.name.toLowerCase();
      if (names.has(name)) twice(["organisations", i, "name"], `the organisation "${o.name}"`);
      refs.add(o.ref);
      names.add(name);
    });
    const emails = new Set<string>();
    doc.people.forEach((p, i) => {
      if (p.organisationRef !== null && !refs.has(p.organisationRef))
        ctx.addIssue({
          code: "custom",
          path: ["people", i, "organisationRef"],
          message: `names no organisation of the file (${p.organisationRef})`,
        });
      if (p.email !== null && emails.has(p.email))
        twice(["people", i, "email"], `the address ${p.email}`);
      if (p.email !== null) emails.add(p.email);
    });
    const members = new Set<string>();
    doc.memberships.forEach((m, i) => {
      if (members.has(m.email)) twice(["memberships", i, "email"], `the address ${m.email}`);
      members.add(m.email);
    });
    const personRefs = new Set<string>();
    doc.people.forEach((p, i) => {
      if (p.ref === undefined) return;
      if (personRefs.has(p.ref)) twice(["people", i, "ref"], `the ref ${p.ref}`);
      personRefs.add(p.ref);
    });
    const slugs = new Set<string>();
    doc.challenges.forEach((c, i) => {
      if (slugs.has(c.slug)) twice(["challenges", i, "slug"], `the challenge ${c.slug}`);
      slugs.add(c.slug);
      const last = c.phaseChanges.at(-1);
      if (last && last.to !== c.phase)
        ctx.addIssue({
          code: "custom",
          path: ["challenges", i, "phase"],
          message: "is not the last phase change's",
        });
      const parties = (list: "ratings" | "roles") =>
        c[list].forEach((r, j) => {
          const path = ["challenges", i, list, j];
          if (r.organisationRef === null && r.personRef === null)
            ctx.addIssue({ code: "custom", path, message: "names no organisation or person" });
          if (r.organisationRef !== null && !refs.has(r.organisationRef))
            ctx.addIssue({
              code: "custom",
              path: [...path, "organisationRef"],
              message: `names no organisation of the file (${r.organisationRef})`,
            });
          if (r.personRef !== null && !personRefs.has(r.personRef))
            ctx.addIssue({
              code: "custom",
              path: [...path, "personRef"],
              message: `names no person of the file (${r.personRef})`,
            });
        });
      parties("ratings");
      parties("roles");
    });
    doc.declaredTies.forEach((t, i) => {
      const path = ["declaredTies", i];
      const pair = t.personRefs ?? t.organisationRefs;
      if ((t.personRefs === null) === (t.organisationRefs === null) || !pair)
        ctx.addIssue({ code: "custom", path, message: "names two people or two organisations" });
      else if (pair[0] === pair[1])
        ctx.addIssue({ code: "custom", path, message: "ties a party to itself" });
      else if (!pair.every((r) => (t.personRefs ? personRefs : refs).has(r)))
        ctx.addIssue({ code: "custom", path, message: "names a party not in the file" });
    });
  });

export type RegionImport = z.input<typeof regionExportSchema>;

export interface ImportSummary {
  slug: string;
  organisations: number;
  people: number;
  memberships: number;
  /** Members whose e-mail has no account on this installation: they need a new invitation. */
  skippedMembers: string[];
  /** Pending invitations of the file: their links cannot move, so they must be sent again. */
  skippedInvitations: string[];
  challenges: number;
  /**
   * Links of challenges to activities (events, sessions, harvests, actions, coalitions): the
   * export does not carry the activities themselves, so there is nothing here to point them at.
   */
  skippedLinks: number;
}

const MAX_PROBLEMS = 10;
const en = translator("en");

/**
 * "people.3.email: Enter a valid e-mail address…", one line per problem, so that an operator can
 * fix the file. The shared schemas carry catalog keys ("validation.tooLong|200"), read in English.
 */
function describe(error: z.ZodError): string {
  const lines = error.issues.slice(0, MAX_PROBLEMS).map((issue) => {
    const [key, max] = issue.message.split("|");
    const message =
      key && isMessageKey(key)
        ? en(key, max === undefined ? {} : { max: Number(max) })
        : issue.message;
    const choices =
      issue.code === "invalid_value" ? ` Allowed: ${issue.values.map(String).join(", ")}.` : "";
    return `${issue.path.join(".") || "(document)"}: ${message}${choices}`;
  });
  if (error.issues.length > MAX_PROBLEMS)
    lines.push(`… and ${error.issues.length - MAX_PROBLEMS} more problems.`);
  return lines.join("\n");
}

const PEOPLE_PER_INSERT = 1000;

/**
 * Creates a region from an export in one transaction, with new ids: nothing is written when any
 * part is refused. Memberships are kept only for e-mail addresses that already have an account
 * here, because creating accounts would need passwords nobody chose; invitations are not carried
 * over because their links cannot be (only token hashes were ever stored).
 */
export async function importRegion(
  db: Db,
  document: unknown,
  opts: { slug?: string } = {},
): Promise<Result<ImportSummary>> {
  // A file is JSON: it can carry text the database cannot store, in any field of any row.
  if (!storableDeep(document)) return fail("regionImport.characters");
  const parsed = regionExportSchema.safeParse(document);
  if (!parsed.success)
    return fail("regionImport.invalid", undefined, { details: describe(parsed.error) });
  const data = parsed.data;
  let targetSlug = data.region.slug;
  if (opts.slug !== undefined) {
    const s = slugSchema().safeParse(opts.slug);
    if (!s.success) return fail("regionImport.badSlug", undefined, { slug: opts.slug });
    targetSlug = s.data;
  }

  return db.transaction().execute(async (trx) => {
    const r = data.region;
    const region = await trx
      .insertInto("regions")
      .values({
        slug: targetSlug,
        name: r.name,
        description: r.description,
        challenges: r.challenges.join("\n"),
        stale_after_weeks: r.staleAfterWeeks,
        phase_max_months: r.phaseMaxMonths,
        challenge_roles: JSON.stringify(r.challengeRoles),
        primary_color: r.primaryColor,
        logo: r.logo,
        logo_mime: r.logoMime,
        retention_months: r.retentionMonths,
        privacy_statement: r.privacyStatement,
      })
      .onConflict((oc) => oc.column("slug").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!region) return fail("regionImport.slugTaken", undefined, { slug: targetSlug });

    const orgIds = new Map<string, string>();
    for (const o of data.organisations) {
      const row = await trx
        .insertInto("organisations")
        .values({ region_id: region.id, name: o.name, sector: o.sector, website: o.website })
        .returning("id")
        .executeTakeFirstOrThrow();
      orgIds.set(o.ref, row.id);
    }

    const erased = anonymisedPerson();
    // Ids are chosen here, so that ratings and roles can name the people they belong to.
    const personIds = new Map<string, string>();
    const rows = data.people.map((p) => {
      const id = randomUUID();
      if (p.ref !== undefined) personIds.set(p.ref, id);
      return p.erasedAt === null
        ? {
            id,
            region_id: region.id,
            organisation_id: p.organisationRef === null ? null : orgIds.get(p.organisationRef)!,
            name: p.name,
            email: p.email,
            perspectives: p.perspectives,
            expertise: p.expertise,
          }
        : {
            id,
            region_id: region.id,
            // Whatever a hand-edited file says, an erased person comes back as erased.
            organisation_id: null,
            name: erased.name,
            email: null,
            perspectives: [],
            expertise: [],
            erased_at: p.erasedAt,
          };
    });
    for (let i = 0; i < rows.length; i += PEOPLE_PER_INSERT)
      await trx
        .insertInto("people")
        .values(rows.slice(i, i + PEOPLE_PER_INSERT))
        .execute();

    const wanted = data.memberships.map((m) => m.email);
    const actors = data.challenges.flatMap((c) => [
      c.createdBy,
      ...c.phaseChanges.map((p) => p.changedBy),
      ...c.ambitions.map((a) => a.setBy),
    ]);
    const known = [...new Set([...wanted, ...actors.filter((e) => e !== null)])];
    const users = known.length
      ? await trx.selectFrom("users").select(["id", "email"]).where("email", "in", known).execute()
      : [];
    const userIds = new Map(users.map((u) => [u.email, u.id]));
    const members = data.memberships.filter((m) => userIds.has(m.email));
    await addMembers(
      trx,
      members.map((m) => ({ userId: userIds.get(m.email)!, regionId: region.id, role: m.role })),
    );

    await insertDeclaredTies(trx, region.id, data.declaredTies, orgIds, personIds);
    const skippedLinks = await insertChallenges(trx, region.id, data.challenges, {
      organisation: orgIds,
      person: personIds,
      user: userIds,
    });

    return ok({
      slug: targetSlug,
      organisations: orgIds.size,
      people: rows.length,
      memberships: members.length,
      skippedMembers: wanted.filter((e) => !userIds.has(e)),
      skippedInvitations: data.invitations.map((i) => i.email),
      challenges: data.challenges.length,
      skippedLinks,
    });
  });
}

/** The network's declared ties under the new ids, each pair stored smaller id first. */
async function insertDeclaredTies(
  trx: Tx,
  regionId: string,
  ties: z.output<typeof regionExportSchema>["declaredTies"],
  orgIds: Map<string, string>,
  personIds: Map<string, string>,
) {
  if (ties.length === 0) return;
  await trx
    .insertInto("network_ties")
    .values(
      ties.map((t) => {
        const [a, b] = (
          t.personRefs
            ? t.personRefs.map((r) => personIds.get(r)!)
            : t.organisationRefs!.map((r) => orgIds.get(r)!)
        ).sort();
        return {
          region_id: regionId,
          person_a: t.personRefs ? a! : null,
          person_b: t.personRefs ? b! : null,
          organisation_a: t.personRefs ? null : a!,
          organisation_b: t.personRefs ? null : b!,
          kind: t.kind,
          note: t.note,
          created_at: t.createdAt,
        };
      }),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * The challenges with their history, ratings, roles and ambitions, under new ids, with the
 * organisations, people and accounts they name remapped (an account not on this installation
 * becomes "unknown", as a deleted account does). Returns how many links were left out.
 */
async function insertChallenges(
  trx: Tx,
  regionId: string,
  challenges: z.output<typeof challengeExportSchema>[],
  ids: {
    organisation: Map<string, string>;
    person: Map<string, string>;
    user: Map<string, string>;
  },
): Promise<number> {
  const user = (e: string | null) => (e === null ? null : (ids.user.get(e) ?? null));
  const party = (r: { organisationRef: string | null; personRef: string | null }) => ({
    organisation_id: r.organisationRef === null ? null : ids.organisation.get(r.organisationRef)!,
    person_id: r.personRef === null ? null : ids.person.get(r.personRef)!,
  });
  let skippedLinks = 0;
  for (const c of challenges) {
    const row = await trx
      .insertInto("challenges")
      .values({
        region_id: regionId,
        slug: c.slug,
        title: c.title,
        why_urgent: c.whyUrgent,
        for_whom: c.forWhom,
        guiding_question: c.guidingQuestion,
        geography: c.geography,
        owners: c.owners,
        status: c.status,
        published: c.published,
        phase: c.phase,
        phase_since: c.phaseSince,
        continuation_funding: c.continuationFunding,
        continuation_structure: c.continuationStructure,
        continuation_owner: c.continuationOwner,
        created_by: user(c.createdBy),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("challenge_phase_changes")
      .values(
        c.phaseChanges.map((p) => ({
          challenge_id: row.id,
          from_phase: p.from,
          to_phase: p.to,
          reason: p.reason,
          changed_at: p.changedAt,
          changed_by: user(p.changedBy),
        })),
      )
      .execute();
    if (c.ratings.length)
      await trx
        .insertInto("challenge_ratings")
        .values(
          c.ratings.map((r) => ({
            challenge_id: row.id,
            ...party(r),
            sector: r.sector,
            perspective: r.perspective,
            urgency: r.urgency,
            importance: r.importance,
            why: r.why,
            created_at: r.createdAt,
            updated_at: r.updatedAt,
          })),
        )
        .execute();
    if (c.roles.length)
      await trx
        .insertInto("challenge_roles")
        .values(
          c.roles.map((r) => ({
            challenge_id: row.id,
            role: r.role,
            ...party(r),
            note: r.note,
            created_at: r.createdAt,
          })),
        )
        .execute();
    if (c.ambitions.length)
      await trx
        .insertInto("challenge_ambitions")
        .values(
          c.ambitions.map((a) => ({
            challenge_id: row.id,
            now_level: a.now,
            desired_level: a.desired,
            note: a.note,
            recorded_at: a.recordedAt,
            set_by: user(a.setBy),
          })),
        )
        .execute();
    skippedLinks += c.links.length;
  }
  return skippedLinks;
}
