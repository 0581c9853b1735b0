import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { anonymisedPerson } from "../people/anonymise.ts";
import { fail, ok, type Result } from "../shared/result.ts";
import { LIMITS } from "../shared/validate.ts";
import { slug as slugSchema } from "./createRegion.ts";
import { REGION_EXPORT_FORMAT, REGION_EXPORT_VERSION } from "./exportRegion.ts";
import { PERSPECTIVES, SECTORS } from "./sectors.ts";

const role = z.enum(["admin", "organiser", "facilitator", "member"]);

export const regionExportSchema = z.object({
  format: z.literal(REGION_EXPORT_FORMAT),
  version: z.literal(REGION_EXPORT_VERSION),
  region: z.object({
    slug: slugSchema(),
    name: z.string().trim().min(1).max(LIMITS.name),
    description: z.string().max(LIMITS.longText),
    challenges: z.string().max(LIMITS.longText),
    primaryColor: z.string().regex(/^#[0-9a-f]{6}$/),
    logo: z.base64().nullable(),
    logoMime: z.enum(["image/png", "image/jpeg", "image/webp"]).nullable(),
    retentionMonths: z.number().int().min(1).max(120),
    privacyStatement: z.string().max(LIMITS.longText),
  }),
  organisations: z.array(
    z.object({
      ref: z.string().min(1),
      name: z.string().trim().min(1).max(LIMITS.name),
      sector: z.enum(SECTORS),
      website: z.string().max(LIMITS.shortText),
    }),
  ),
  people: z.array(
    z.object({
      name: z.string().trim().min(1).max(LIMITS.name),
      email: z.email().max(LIMITS.email).nullable(),
      organisationRef: z.string().nullable(),
      perspectives: z.array(z.enum(PERSPECTIVES)),
      expertise: z.array(z.string().max(LIMITS.tag)).max(LIMITS.tags),
      erased: z.boolean(),
    }),
  ),
  memberships: z.array(z.object({ email: z.email(), name: z.string(), role })),
  invitations: z.array(z.object({ email: z.email(), role, expiresAt: z.string() })),
});

export interface ImportSummary {
  slug: string;
  organisations: number;
  people: number;
  memberships: number;
  /** Members whose e-mail has no account on this installation: they need a new invitation. */
  skippedMembers: string[];
}

/** "people.3.email: Invalid email address" — one line per problem, for an operator to fix the file. */
function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((i) => `${i.path.join(".") || "(document)"}: ${i.message}`)
    .join("\n");
}

/**
 * Creates a region from an export in one transaction, with new ids. Memberships are kept only for
 * e-mail addresses that already have an account here; invitations are not carried over because
 * their links cannot be (only token hashes were ever stored).
 */
export async function importRegion(
  db: Db,
  document: unknown,
  opts: { slug?: string } = {},
): Promise<Result<ImportSummary>> {
  const parsed = regionExportSchema.safeParse(document);
  if (!parsed.success)
    return fail("import.invalid", undefined, { details: describe(parsed.error) });
  const data = parsed.data;
  const targetSlug = opts.slug ?? data.region.slug;
  if (!slugSchema().safeParse(targetSlug).success)
    return fail("import.badSlug", undefined, { slug: targetSlug });
  const refs = new Set(data.organisations.map((o) => o.ref));
  const dangling = data.people.find(
    (p) => p.organisationRef !== null && !refs.has(p.organisationRef),
  );
  const emails = data.people.map((p) => p.email?.toLowerCase()).filter((e): e is string => !!e);
  const twice = emails.find((e, i) => emails.indexOf(e) !== i);
  if (twice)
    return fail("import.invalid", undefined, {
      details: `the e-mail address ${twice} belongs to two people`,
    });
  if (dangling)
    return fail("import.invalid", undefined, {
      details: `a person refers to an unknown organisation (${dangling.organisationRef})`,
    });

  return db.transaction().execute(async (trx) => {
    const region = await trx
      .insertInto("regions")
      .values({
        slug: targetSlug,
        name: data.region.name,
        description: data.region.description,
        challenges: data.region.challenges,
        primary_color: data.region.primaryColor,
        logo: data.region.logo ? Buffer.from(data.region.logo, "base64") : null,
        logo_mime: data.region.logo ? data.region.logoMime : null,
        retention_months: data.region.retentionMonths,
        privacy_statement: data.region.privacyStatement,
      })
      .onConflict((oc) => oc.column("slug").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!region) return fail("import.slugTaken", undefined, { slug: targetSlug });

    const orgIds = new Map<string, string>();
    for (const o of data.organisations) {
      const row = await trx
        .insertInto("organisations")
        .values({ region_id: region.id, name: o.name, sector: o.sector, website: o.website })
        .returning("id")
        .executeTakeFirstOrThrow();
      orgIds.set(o.ref, row.id);
    }
    for (const p of data.people) {
      const row = await trx
        .insertInto("people")
        .values({
          region_id: region.id,
          organisation_id: p.organisationRef ? orgIds.get(p.organisationRef)! : null,
          name: p.name,
          email: p.email?.toLowerCase() ?? null,
          perspectives: p.perspectives,
          expertise: p.expertise,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (p.erased)
        await trx.updateTable("people").set(anonymisedPerson()).where("id", "=", row.id).execute();
    }
    const skippedMembers: string[] = [];
    let memberships = 0;
    for (const m of data.memberships) {
      const user = await trx
        .selectFrom("users")
        .select("id")
        .where("email", "=", m.email.toLowerCase())
        .executeTakeFirst();
      if (!user) {
        skippedMembers.push(m.email);
        continue;
      }
      await trx
        .insertInto("memberships")
        .values({ user_id: user.id, region_id: region.id, role: m.role })
        .execute();
      memberships++;
    }
    return ok({
      slug: targetSlug,
      organisations: orgIds.size,
      people: data.people.length,
      memberships,
      skippedMembers,
    });
  });
}
