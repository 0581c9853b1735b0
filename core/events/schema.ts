import { z } from "zod";
import type { MessageKey } from "../../i18n/index.ts";
import { SECTORS } from "../kernel/sectors.ts";
import { email, LIMITS, optionalText, text } from "../kernel/validate.ts";
import { parseLocalDateTime } from "../kernel/time.ts";

export const EVENT_KINDS = [
  "knowledge_session",
  "workshop",
  "development_session",
  "network_meeting",
] as const;
export const EVENT_MODES = ["on_site", "online", "hybrid"] as const;

/** A form's checkbox: "on" when ticked, absent when not. */
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

// A moment that did not parse stops its field (`abort`, `continue: false`): zod then skips the
// event's cross-field refinement below, which compares moments and must only ever see Dates. A
// continuable issue (zod's default for checks) would let the raw string through to it.
const localDateTime = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required", abort: true })
  .transform((v, ctx) => {
    const d = parseLocalDateTime(v);
    if (!d) {
      ctx.addIssue({ code: "custom", message: "events.dateTime", continue: false });
      return z.NEVER;
    }
    return d;
  });

const optionalLocalDateTime = z
  .string()
  .trim()
  .default("")
  .transform((v, ctx) => {
    if (v === "") return null;
    const d = parseLocalDateTime(v);
    if (!d) {
      ctx.addIssue({ code: "custom", message: "events.dateTime", continue: false });
      return z.NEVER;
    }
    return d;
  });

/** A parsed moment; the refinement checks it again rather than trust every caller's shape. */
const isMoment = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

/** An empty field means "none": no limit, no reminder. */
const optionalInt = (min: number, max: number) =>
  z
    .union([z.string(), z.number()])
    .default("")
    .transform((v, ctx) => {
      const s = String(v).trim();
      if (s === "") return null;
      const n = Number(s);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `events.between|${max}` });
        return null;
      }
      return n;
    });

const url = z
  .string()
  .trim()
  .max(1000, { error: () => "validation.tooLong|1000" })
  .default("")
  // (A NUL character is not whitespace, but PostgreSQL cannot store it.)
  .refine((v) => v === "" || (/^https?:\/\/\S+$/.test(v) && !v.includes("\u0000")), {
    message: "events.url",
  });

export const eventSchema = z
  .object({
    title: text(LIMITS.name),
    kind: z.enum(EVENT_KINDS, { error: "validation.choice" }),
    summary: optionalText(2000),
    programme: optionalText(10_000),
    language: z.enum(["nl", "en"], { error: "validation.choice" }).default("nl"),
    mode: z.enum(EVENT_MODES, { error: "validation.choice" }),
    address: optionalText(500),
    room: optionalText(200),
    onlineUrl: url,
    startsAt: localDateTime,
    endsAt: localDateTime,
    organisers: optionalText(1000),
    facilitators: optionalText(1000),
    costNote: optionalText(500),
    capacity: optionalInt(1, 100_000),
    waitlist: checkbox,
    registrationDeadline: optionalLocalDateTime,
    invitationOnly: checkbox,
    reminderDays: optionalInt(0, 60),
    followUpUrl: url,
    seriesId: z.string().trim().default(""),
  })
  .superRefine((e, ctx) => {
    if (isMoment(e.startsAt) && isMoment(e.endsAt) && e.endsAt.getTime() <= e.startsAt.getTime())
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "events.endBeforeStart" });
    if (e.mode !== "online" && e.address === "")
      ctx.addIssue({ code: "custom", path: ["address"], message: "events.addressNeeded" });
    if (e.mode !== "on_site" && e.onlineUrl === "")
      ctx.addIssue({ code: "custom", path: ["onlineUrl"], message: "events.linkNeeded" });
    if (
      isMoment(e.registrationDeadline) &&
      isMoment(e.startsAt) &&
      e.registrationDeadline.getTime() > e.startsAt.getTime()
    )
      ctx.addIssue({
        code: "custom",
        path: ["registrationDeadline"],
        message: "events.deadlineAfterStart",
      });
  });
export type EventInput = z.output<typeof eventSchema>;

/** A question the organiser adds to the registration form. */
export const eventQuestionSchema = z.object({
  id: z.string().regex(/^[a-z0-9]{1,12}$/),
  kind: z.enum(["text", "choice", "yesno"]),
  label: z.string().trim().min(1).max(300),
  options: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  required: z.boolean().default(false),
});
export type EventQuestion = z.infer<typeof eventQuestionSchema>;
export const eventQuestionsSchema = z.array(eventQuestionSchema).max(20);

export const newQuestionSchema = z.object({
  label: text(300),
  kind: z.enum(["text", "choice", "yesno"], { error: "validation.choice" }),
  options: optionalText(4000).transform((v) =>
    v
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean),
  ),
  required: checkbox,
});

/** What a visitor fills in to register. `website` is the honeypot: people leave it empty. */
export const registrationSchema = z.object({
  name: text(LIMITS.name),
  email: email(),
  organisation: optionalText(200),
  sector: z.union([z.enum(SECTORS), z.literal("")], { error: "validation.choice" }).default(""),
  role: optionalText(200),
  diet: optionalText(500),
  accessibility: optionalText(500),
  // A checkbox left unticked is not sent at all. `.default("")`, not `.optional()`: zod skips the
  // refinement of an optional key that is absent, which would let a registration without consent in.
  consent: z
    .union([z.string(), z.boolean()])
    .default("")
    .refine((v) => v === "on" || v === true || v === "true", { message: "events.consentNeeded" }),
  website: z.string().max(1000).default(""),
});
export type RegistrationInput = z.output<typeof registrationSchema>;

/** Checks the answers to the organiser's questions; returns them keyed by question id. */
export function checkAnswers(
  questions: EventQuestion[],
  input: Record<string, unknown>,
):
  | { ok: true; value: Record<string, string | boolean> }
  | { ok: false; field: string; key: MessageKey } {
  const value: Record<string, string | boolean> = {};
  for (const q of questions) {
    const raw = input[`q_${q.id}`];
    const given = typeof raw === "string" ? raw.trim() : "";
    if (given.length > 2000) return { ok: false, field: `q_${q.id}`, key: "validation.tooLong" };
    // PostgreSQL's jsonb cannot hold a NUL character; typed text never has one.
    if (given.includes("\u0000"))
      return { ok: false, field: `q_${q.id}`, key: "validation.invalid" };
    if (q.kind === "yesno") {
      if (given !== "" && given !== "yes" && given !== "no")
        return { ok: false, field: `q_${q.id}`, key: "validation.choice" };
      if (q.required && given === "")
        return { ok: false, field: `q_${q.id}`, key: "validation.required" };
      if (given !== "") value[q.id] = given === "yes";
      continue;
    }
    if (q.required && given === "")
      return { ok: false, field: `q_${q.id}`, key: "validation.required" };
    if (q.kind === "choice" && given !== "" && !q.options.includes(given))
      return { ok: false, field: `q_${q.id}`, key: "validation.choice" };
    if (given !== "") value[q.id] = given;
  }
  return { ok: true, value };
}
