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

/** PostgreSQL text cannot hold a NUL character; typed text never has one, so it is refused. */
const noNul = (v: string) => !v.includes("\u0000");

/** Trimmed text; an empty field after trimming counts as missing. */
export const text = (max: number = LIMITS.shortText) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(max, { error: () => `validation.tooLong|${max}` })
    .refine(noNul, { error: "validation.invalid" });

export const optionalText = (max: number = LIMITS.longText) =>
  z
    .string()
    .trim()
    .max(max, { error: () => `validation.tooLong|${max}` })
    .refine(noNul, { error: "validation.invalid" })
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
        .array(z.string().max(LIMITS.tag, { error: () => `validation.tooLong|${LIMITS.tag}` }))
        .max(LIMITS.tags, { error: () => `validation.tooMany|${LIMITS.tags}` })
        .transform((a) => [...new Set(a)]),
    );

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
