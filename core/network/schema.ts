import { z } from "zod";
import type { DeclaredTieKind } from "../../db/schema.ts";
import { isId, optionalText } from "../kernel/validate.ts";
import { LEVELS } from "./graph.ts";
import { TIE_KINDS } from "./participation.ts";

export const DECLARED_TIE_KINDS = [
  "works_with",
  "advises",
  "learns_from",
  "funds",
  "other",
] as const satisfies readonly DeclaredTieKind[];

export const NETWORK_LIMITS = { note: 500 } as const;

/** A declared tie from one party's page: to another person (or organisation), with its kind. */
export const declaredTieSchema = z.object({
  other: z.string().trim().refine(isId, { error: "network.otherRequired" }),
  kind: z.enum(DECLARED_TIE_KINDS, { error: "validation.choice" }).default("works_with"),
  note: optionalText(NETWORK_LIMITS.note),
});

/** A calendar date as a form's date field sends it, or nothing. */
const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((s) => new Date(`${s}T00:00:00Z`))
  .refine(
    (d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1990 && d.getUTCFullYear() <= 2200,
  )
  .optional()
  .catch(undefined);

export const SORTS = [
  "betweenness",
  "contacts",
  "strength",
  "closeness",
  "constraint",
  "effectiveSize",
  "brokerage",
  "label",
] as const;
export type NodeSort = (typeof SORTS)[number];

/**
 * The network page's question, from its query string. Every part falls back to its default on
 * anything it cannot read: a filter link is something people edit by hand, and a wrong one
 * should show the network, not an error.
 */
export const networkQuerySchema = z
  .object({
    level: z.enum(LEVELS).catch("people"),
    from: day,
    to: day,
    kinds: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
      .transform((v) => TIE_KINDS.filter((k) => v.includes(k))),
    sort: z.enum(SORTS).catch("betweenness"),
    page: z.coerce.number().int().min(1).max(10_000).catch(1),
    q: z.string().trim().max(100).catch("").default(""),
    focus: z.string().max(80).catch("").default(""),
  })
  .transform((v) => {
    // An inverted period is read the way round that makes sense.
    if (v.from && v.to && v.from > v.to) return { ...v, from: v.to, to: v.from };
    return v;
  });
export type NetworkQueryInput = z.output<typeof networkQuerySchema>;

/** A URL's query string as the schema takes it: repeated keys become lists. */
export function queryInput(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    // A checkbox group sends "kinds[]" (app/components/form.tsx): the same list.
    const name = key.endsWith("[]") ? key.slice(0, -2) : key;
    out[name] = key.endsWith("[]") || all.length > 1 ? all : all[0]!;
  }
  return out;
}
