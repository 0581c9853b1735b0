import { z } from "zod";
import { PERSPECTIVES, SECTORS, type Perspective } from "../kernel/sectors.ts";
import type { Message } from "../../i18n/index.ts";
import { fail, type Result } from "../kernel/result.ts";
import type { Reader } from "../kernel/tx.ts";
import { isId, LIMITS, optionalText, tags, text, validate } from "../kernel/validate.ts";

export const sector = () => z.enum(SECTORS, { error: "validation.choice" });
export const perspective = () => z.enum(PERSPECTIVES, { error: "validation.choice" });

/**
 * A website as people type it: "example.nl" gets https:// in front. Anything that is not an
 * http(s) address with a host name is refused, so the link on the page cannot run script.
 */
const website = () =>
  optionalText(LIMITS.shortText)
    .transform((v) => (v === "" || /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`))
    .refine((v) => v === "" || isWebAddress(v), { error: "validation.invalid" });

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** Perspectives in the fixed order of the cycle, so that lists and exports read alike. */
export function inPerspectiveOrder(values: readonly Perspective[]): Perspective[] {
  return PERSPECTIVES.filter((p) => values.includes(p));
}

export const organisationSchema = z.object({
  name: text(LIMITS.name),
  sector: sector(),
  website: website(),
});

/** An e-mail address that may be left empty: people can be known without one. */
export const optionalEmail = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .max(LIMITS.email, { error: () => `validation.tooLong|${LIMITS.email}` })
    .default("")
    .refine((v) => v === "" || z.email().safeParse(v).success, { error: "validation.email" })
    .transform((v) => (v === "" ? null : v));

const optionalId = () =>
  z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || isId(v), { error: "validation.choice" })
    .transform((v) => (v === "" ? null : v));

export const personSchema = z.object({
  name: text(LIMITS.name),
  email: optionalEmail(),
  organisationId: optionalId(),
  perspectives: z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
    .pipe(z.array(perspective()))
    .transform(inPerspectiveOrder),
  expertise: tags(),
});

/**
 * The form shows one message per field, so a message about one tag or perspective in a list
 * ("expertise.3") is shown at the list's field.
 */
export function byField<T>(result: Result<T>): Result<T> {
  if (result.ok || !result.fieldErrors) return result;
  const fieldErrors: Record<string, Message> = {};
  for (const [path, message] of Object.entries(result.fieldErrors)) {
    fieldErrors[path.split(".")[0]!] ??= message;
  }
  return { ...result, fieldErrors };
}

/** Validates an organisation, with a message for the website that says what is expected. */
export function validateOrganisation(input: unknown): Result<OrganisationInput> {
  const result = validate(organisationSchema, input);
  if (!result.ok && result.fieldErrors?.website?.key === "validation.invalid") {
    result.fieldErrors.website = { key: "organisations.websiteInvalid" };
  }
  return result;
}

export type OrganisationInput = z.output<typeof organisationSchema>;
export type PersonInput = z.output<typeof personSchema>;

/** True for PostgreSQL's unique violation on the named index (23505), on PGlite and on a server. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  return e?.code === "23505" && (e.constraint === undefined || e.constraint === constraint);
}

/** Expertise tags compared without regard to case, keeping the first spelling met. */
export function unionTags(first: readonly string[], second: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of [...first, ...second]) {
    const key = tag.toLocaleLowerCase("nl");
    if (!seen.has(key)) seen.set(key, tag);
  }
  return [...seen.values()];
}

export const emailTaken = () => fail("validation.failed", { email: { key: "people.emailTaken" } });

/**
 * Validates a person as typed into the form, including that the organisation is the region's
 * (the foreign key alone would accept another region's). Inside a transaction the organisation
 * is held (FOR SHARE) until the person points at it, so it cannot be deleted in between.
 */
export async function validatePerson(
  db: Reader,
  regionId: string,
  input: unknown,
): Promise<Result<PersonInput>> {
  const parsed = byField(validate(personSchema, input));
  if (!parsed.ok) return parsed;
  const organisationId = parsed.value.organisationId;
  if (organisationId === null) return parsed;
  const organisation = await db
    .selectFrom("organisations")
    .select("id")
    .where("region_id", "=", regionId)
    .where("id", "=", organisationId)
    .forShare()
    .executeTakeFirst();
  if (!organisation) {
    return fail("validation.failed", { organisationId: { key: "validation.choice" } });
  }
  return parsed;
}
