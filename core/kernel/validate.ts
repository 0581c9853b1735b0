import { z } from "zod";
import { isMessageKey, type Message } from "../../i18n/index.ts";
import { fail, ok, type Result } from "./result.ts";

/** Explicit limits on what a person can type, shared by every schema. */
export const LIMITS = {
  name: 200,
  email: 254,
  shortText: 500,
  longText: 10_000,
  tag: 60,
  tags: 30,
} as const;

/**
 * Text PostgreSQL cannot store: a NUL character, or half of a UTF-16 surrogate pair (no character
 * at all; JSON can carry one as "\ud800"). Nobody types either, so input holding one is refused
 * with `validation.characters`, never sent to the database, where it is an error.
 */
// eslint-disable-next-line no-control-regex -- the NUL character is what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const storable = (v: string): boolean => !UNSTORABLE.test(v);

/**
 * Whether every text in a value that came as JSON (an answer over the socket, an imported file),
 * however deep, can be stored: inside JSON the database refuses "\u0000" and "\ud800" as well.
 */
export function storableDeep(value: unknown): boolean {
  if (typeof value === "string") return storable(value);
  if (Array.isArray(value)) return value.every(storableDeep);
  if (typeof value === "object" && value !== null)
    return Object.entries(value).every(([k, v]) => storable(k) && storableDeep(v));
  return true;
}

/** Trimmed text; an empty field after trimming counts as missing. */
export const text = (max: number = LIMITS.shortText) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(max, { error: () => `validation.tooLong|${max}` })
    .refine(storable, { error: "validation.characters" });

export const optionalText = (max: number = LIMITS.longText) =>
  z
    .string()
    .trim()
    .max(max, { error: () => `validation.tooLong|${max}` })
    .refine(storable, { error: "validation.characters" })
    .default("");

export const email = () =>
  z
    .string({ error: "validation.required" })
    .trim()
    .toLowerCase()
    .min(1, { error: "validation.required" })
    .max(LIMITS.email, { error: () => `validation.tooLong|${LIMITS.email}` })
    .pipe(z.email({ error: "validation.email" }));

/** A list of free tags typed as "a, b, c" or sent as several values. */
export const tags = () =>
  z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((v) =>
      (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter((s) => s.length > 0),
    )
    .pipe(
      z
        .array(
          z
            .string()
            .max(LIMITS.tag, { error: () => `validation.tooLong|${LIMITS.tag}` })
            .refine(storable, { error: "validation.characters" }),
        )
        .max(LIMITS.tags, { error: () => `validation.tooMany|${LIMITS.tags}` })
        .transform((a) => [...new Set(a)]),
    );

/**
 * Every query string, of every page and file, before any loader reads it (the request middleware):
 * a bounded number of parameters of bounded length, in text the database can take. Each page then
 * reads its own parameters with its own schema (`pageNumber`, `searchText` and the page's filters).
 */
export const QUERY_LIMITS = { params: 60, name: 100, value: 2_000 } as const;
export const queryStringSchema = z
  .array(
    z.tuple([
      z
        .string()
        .max(QUERY_LIMITS.name, { error: "errors.queryTooLong" })
        .refine(storable, { error: "errors.characters" }),
      z
        .string()
        .max(QUERY_LIMITS.value, { error: "errors.queryTooLong" })
        .refine(storable, { error: "errors.characters" }),
    ]),
  )
  .max(QUERY_LIMITS.params, { error: "errors.queryTooLong" });

/** The text fields of every form post (files aside), before any action reads them. */
export const formTextSchema = z.array(
  z.tuple([
    z.string().refine(storable, { error: "errors.characters" }),
    z.string().refine(storable, { error: "errors.characters" }),
  ]),
);

/** A search box of a list page: too long or unstorable reads as no search at all. */
export const searchText = (max: number = LIMITS.name) =>
  z.string().trim().max(max).refine(storable).catch("");

/** A list's page number; out of range (0, 1e20, "abc") reads as the first page. */
export const pageNumber = () => z.coerce.number().int().min(1).max(100_000).catch(1);

function toMessage(issue: z.core.$ZodIssue): Message {
  const [key, arg] = issue.message.split("|");
  // Our schemas give catalog keys ("validation.required", "settings.retentionRange"); zod's own
  // messages are English sentences and are replaced by a key below.
  if (key && isMessageKey(key)) {
    return arg === undefined ? { key } : { key, values: { max: Number(arg) } };
  }
  if (issue.code === "invalid_value") return { key: "validation.choice" };
  if (issue.code === "invalid_type") return { key: "validation.required" };
  return { key: "validation.invalid" };
}

/** Parses input with a schema; on failure returns one message per field, keyed by field path. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return ok(result.data);
  const fieldErrors: Record<string, Message> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join(".") || "_form";
    fieldErrors[path] ??= toMessage(issue);
  }
  return fail("validation.failed", fieldErrors);
}

/**
 * A row id as it arrives in a URL or form. Anything that is not uuid-shaped is refused here, so
 * that a tampered id reads as "not found" instead of a database error.
 */
export const id = () => z.guid({ error: "errors.notFound" });

export function isId(value: unknown): value is string {
  return id().safeParse(value).success;
}
