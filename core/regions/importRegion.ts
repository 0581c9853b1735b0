import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { isMessageKey, translator } from "../../i18n/index.ts";
import { addMembers } from "../accounts/addMembers.ts";
import { anonymisedPerson } from "../people/anonymise.ts";
import { organisationSchema, perspective } from "../people/schema.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import { email, LIMITS, text } from "../kernel/validate.ts";
import { slug as slugSchema } from "./createRegion.ts";
import { REGION_EXPORT_FORMAT, REGION_EXPORT_VERSION } from "./exportRegion.ts";
import { detectImageType, LOGO_TYPES, MAX_LOGO_BYTES } from "./look.ts";
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
  name: text(LIMITS.name),
  email: email().nullable(),
  organisationRef: z.string().min(1).nullable(),
  perspectives: z.array(perspective()).transform((v) => [...new Set(v)]),
  // No limit on the number of tags: merging two people unites their tags beyond the form's 30.
  expertise: z.array(text(LIMITS.tag)),
  erasedAt: z.iso.datetime({ offset: true }).nullable(),
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
    const rows = data.people.map((p) =>
      p.erasedAt === null
        ? {
            region_id: region.id,
            organisation_id: p.organisationRef === null ? null : orgIds.get(p.organisationRef)!,
            name: p.name,
            email: p.email,
            perspectives: p.perspectives,
            expertise: p.expertise,
          }
        : {
            region_id: region.id,
            // Whatever a hand-edited file says, an erased person comes back as erased.
            organisation_id: null,
            name: erased.name,
            email: null,
            perspectives: [],
            expertise: [],
            erased_at: p.erasedAt,
          },
    );
    for (let i = 0; i < rows.length; i += PEOPLE_PER_INSERT)
      await trx
        .insertInto("people")
        .values(rows.slice(i, i + PEOPLE_PER_INSERT))
        .execute();

    const wanted = data.memberships.map((m) => m.email);
    const users = wanted.length
      ? await trx.selectFrom("users").select(["id", "email"]).where("email", "in", wanted).execute()
      : [];
    const userIds = new Map(users.map((u) => [u.email, u.id]));
    const members = data.memberships.filter((m) => userIds.has(m.email));
    await addMembers(
      trx,
      members.map((m) => ({ userId: userIds.get(m.email)!, regionId: region.id, role: m.role })),
    );

    return ok({
      slug: targetSlug,
      organisations: orgIds.size,
      people: rows.length,
      memberships: members.length,
      skippedMembers: wanted.filter((e) => !userIds.has(e)),
      skippedInvitations: data.invitations.map((i) => i.email),
    });
  });
}
