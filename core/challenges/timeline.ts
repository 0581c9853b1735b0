import { TZDate } from "@date-fns/tz";
import { sql, type RawBuilder } from "kysely";
import { z } from "zod";
import type { CyclePhase } from "../../db/schema.ts";
import {
  isMessageKey,
  messageKey,
  translator,
  type Locale,
  type Message,
  type T,
} from "../../i18n/index.ts";
import { fail, forbidden, ok, type Result } from "../kernel/result.ts";
import { may, type RegionScope } from "../kernel/scope.ts";
import { csvFile, xlsxFile, type TableFile } from "../kernel/tableFile.ts";
import { formatMoment, TIME_ZONE } from "../kernel/time.ts";
import { isId } from "../kernel/validate.ts";
import { challengePolicy } from "./policy.ts";
import type { LinkKind } from "./schema.ts";

/**
 * Everything that happened for a challenge, or for all challenges of a region: one statement
 * (UNION ALL of the moments each table holds), newest first, bounded.
 */

export const TIMELINE_KINDS = [
  "created",
  "phaseChanged",
  "linked",
  "eventHeld",
  "sessionRun",
  "rated",
  "roleAssigned",
  "ambitionSet",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** A page shows this many rows at most; the files hold more. */
export const TIMELINE_PAGE_LIMIT = 1000;
export const TIMELINE_FILE_LIMIT = 20_000;

export interface TimelineRow {
  at: Date;
  kind: TimelineKind;
  challenge: { id: string; title: string };
  /** What it is about: the linked activity's title, the rating or role's party, … */
  title: string;
  /** The words that came with it: a phase change's reason, a rating's why, a note. */
  detail: string;
  /** Phase from/to, urgency/importance or ambition now/desired, by kind. */
  a: number | null;
  b: number | null;
  /** For "linked": the kind of activity; "role": the role. */
  tag: string | null;
}

export interface TimelineFilter {
  kinds: TimelineKind[];
  challengeId: string | null;
  /** yyyy-mm-dd, days in Amsterdam time, both included. */
  from: string | null;
  to: string | null;
}

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "challengeDashboard.timeline.badDate" })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && startOfDay(v) !== null, {
    error: "challengeDashboard.timeline.badDate",
  });
const optional = <S extends z.ZodType>(s: S) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), s.optional());

const filterSchema = z
  .object({
    kind: z.array(z.enum(TIMELINE_KINDS, { error: "validation.choice" })).default([]),
    challenge: optional(z.string().refine(isId, { error: "validation.choice" })),
    from: optional(day),
    to: optional(day),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    error: "challengeDashboard.timeline.badRange",
    path: ["to"],
  });

/** The filter of a timeline page or file, read from its query string. */
export function parseTimelineFilter(params: URLSearchParams): Result<TimelineFilter> {
  const parsed = filterSchema.safeParse({
    // A checkbox group sends kind[]; a hand-made link may say kind.
    kind: [...params.getAll("kind"), ...params.getAll("kind[]")],
    challenge: params.get("challenge") ?? undefined,
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, Message> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "kind");
      fieldErrors[field] ??= { key: messageKey(issue.message, "validation.choice") };
    }
    return fail("validation.failed", fieldErrors);
  }
  const v = parsed.data;
  return ok({
    kinds: [...new Set(v.kind)],
    challengeId: v.challenge ?? null,
    from: v.from ?? null,
    to: v.to ?? null,
  });
}

/** The filter as a query string, so a file holds the rows the page shows. */
export function timelineQuery(filter: TimelineFilter, withChallenge = true): string {
  const q = new URLSearchParams();
  for (const k of filter.kinds) q.append("kind", k);
  if (withChallenge && filter.challengeId) q.set("challenge", filter.challengeId);
  if (filter.from) q.set("from", filter.from);
  if (filter.to) q.set("to", filter.to);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** Midnight at the start of a day in Amsterdam; null for a day that does not exist. */
function startOfDay(value: string): Date | null {
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new TZDate(y, m - 1, d, 0, 0, TIME_ZONE);
  if (date.getDate() !== d || date.getMonth() !== m - 1) return null;
  return new Date(date.getTime());
}

function nextDay(value: string): Date {
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d + 1, 0, 0, TIME_ZONE).getTime());
}

type Branch = (only: RawBuilder<unknown>) => RawBuilder<unknown>;

// Every branch yields the same columns, named once around the union; `only` limits a branch to
// the region (and one challenge).
const BRANCHES: Record<TimelineKind, Branch> = {
  created: (only) => sql`
    SELECT c.created_at AS at, 'created' AS kind, c.id AS challenge_id, c.title AS challenge_title,
      c.title AS title, '' AS detail, NULL::int AS a, NULL::int AS b, NULL::text AS tag
    FROM challenges c WHERE ${only}`,
  phaseChanged: (only) => sql`
    SELECT pc.changed_at, 'phaseChanged', c.id, c.title, '', pc.reason, pc.from_phase::int,
      pc.to_phase::int, NULL
    FROM challenge_phase_changes pc JOIN challenges c ON c.id = pc.challenge_id
    WHERE pc.from_phase IS NOT NULL AND ${only}`,
  linked: (only) => sql`
    SELECT l.created_at, 'linked', c.id, c.title,
      COALESCE(e.title, s.title, h.title, a.title, co.title), '', l.phase::int, NULL,
      CASE WHEN l.event_id IS NOT NULL THEN 'event'
        WHEN l.dialogue_session_id IS NOT NULL THEN 'session'
        WHEN l.harvest_id IS NOT NULL THEN 'harvest'
        WHEN l.action_id IS NOT NULL THEN 'action' ELSE 'coalition' END
    FROM challenge_links l JOIN challenges c ON c.id = l.challenge_id
    LEFT JOIN events e ON e.id = l.event_id
    LEFT JOIN dialogue_sessions s ON s.id = l.dialogue_session_id
    LEFT JOIN harvests h ON h.id = l.harvest_id
    LEFT JOIN actions a ON a.id = l.action_id
    LEFT JOIN coalitions co ON co.id = l.coalition_id
    WHERE ${only}`,
  eventHeld: (only) => sql`
    SELECT e.starts_at, 'eventHeld', c.id, c.title, e.title, '', NULL, NULL, NULL
    FROM challenge_links l JOIN challenges c ON c.id = l.challenge_id
    JOIN events e ON e.id = l.event_id
    WHERE e.status <> 'cancelled' AND e.starts_at <= now() AND ${only}`,
  sessionRun: (only) => sql`
    SELECT s.created_at, 'sessionRun', c.id, c.title, s.title, '', NULL, NULL, NULL
    FROM challenge_links l JOIN challenges c ON c.id = l.challenge_id
    JOIN dialogue_sessions s ON s.id = l.dialogue_session_id
    WHERE ${only}`,
  rated: (only) => sql`
    SELECT r.updated_at, 'rated', c.id, c.title, COALESCE(o.name, p.name, ''), r.why,
      r.urgency::int, r.importance::int, NULL
    FROM challenge_ratings r JOIN challenges c ON c.id = r.challenge_id
    LEFT JOIN organisations o ON o.id = r.organisation_id
    LEFT JOIN people p ON p.id = r.person_id
    WHERE ${only}`,
  roleAssigned: (only) => sql`
    SELECT ro.created_at, 'roleAssigned', c.id, c.title, COALESCE(o.name, p.name, ''), ro.note,
      NULL, NULL, ro.role
    FROM challenge_roles ro JOIN challenges c ON c.id = ro.challenge_id
    LEFT JOIN organisations o ON o.id = ro.organisation_id
    LEFT JOIN people p ON p.id = ro.person_id
    WHERE ${only}`,
  ambitionSet: (only) => sql`
    SELECT am.recorded_at, 'ambitionSet', c.id, c.title, '', am.note, am.now_level::int,
      am.desired_level::int, NULL
    FROM challenge_ambitions am JOIN challenges c ON c.id = am.challenge_id
    WHERE ${only}`,
};

/**
 * The timeline, newest first, at most `limit` rows; `cut` says whether there were more. A
 * challenge of another region gives no rows, as if it had no history.
 */
export async function timeline(
  scope: RegionScope,
  filter: TimelineFilter,
  limit = TIMELINE_PAGE_LIMIT,
): Promise<{ rows: TimelineRow[]; cut: boolean }> {
  if (filter.challengeId !== null && !isId(filter.challengeId)) return { rows: [], cut: false };
  const only = filter.challengeId
    ? sql`c.region_id = ${scope.regionId} AND c.id = ${filter.challengeId}`
    : sql`c.region_id = ${scope.regionId}`;
  const kinds = filter.kinds.length > 0 ? filter.kinds : TIMELINE_KINDS;
  const union = sql.join(
    kinds.map((k) => BRANCHES[k](only)),
    sql` UNION ALL `,
  );
  const range = [
    filter.from ? sql`x.at >= ${startOfDay(filter.from)}` : null,
    filter.to ? sql`x.at < ${nextDay(filter.to)}` : null,
  ].filter((r) => r !== null);
  const where = range.length > 0 ? sql`WHERE ${sql.join(range, sql` AND `)}` : sql``;
  const result = await sql<{
    at: Date;
    kind: TimelineKind;
    challenge_id: string;
    challenge_title: string;
    title: string;
    detail: string;
    a: number | null;
    b: number | null;
    tag: string | null;
  }>`SELECT x.* FROM (${union})
      x(at, kind, challenge_id, challenge_title, title, detail, a, b, tag) ${where}
    ORDER BY x.at DESC, x.kind LIMIT ${limit + 1}`.execute(scope.db);
  const rows = result.rows.slice(0, limit).map((r): TimelineRow => ({
    at: new Date(r.at),
    kind: r.kind,
    challenge: { id: r.challenge_id, title: r.challenge_title },
    title: r.title,
    detail: r.detail,
    a: r.a === null ? null : Number(r.a),
    b: r.b === null ? null : Number(r.b),
    tag: r.tag,
  }));
  return { rows, cut: result.rows.length > limit };
}

const phaseName = (t: T, p: number | null) =>
  p === null ? "" : t(`challenges.phase.${String(p) as `${CyclePhase}`}`);

/** A role as the region named it: a shipped role's key is translated, the region's own stays. */
export function roleName(t: T, role: string): string {
  const key = `challenges.role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}

/** What a row says, in the reader's language: the same words on the page and in the files. */
export function describeRow(t: T, r: TimelineRow): { title: string; detail: string } {
  switch (r.kind) {
    case "created":
      return { title: r.challenge.title, detail: "" };
    case "phaseChanged":
      return {
        title: t("challengeDashboard.timeline.phaseFromTo", {
          from: phaseName(t, r.a),
          to: phaseName(t, r.b),
        }),
        detail: r.detail,
      };
    case "linked":
      return {
        title: t("challengeDashboard.timeline.linkedTitle", {
          kind: t(`challenges.linkKind.${r.tag as LinkKind}`),
          title: r.title,
        }),
        detail: phaseName(t, r.a),
      };
    case "rated":
      return {
        title: t("challengeDashboard.timeline.rating", {
          party: r.title,
          urgency: r.a,
          importance: r.b,
        }),
        detail: r.detail,
      };
    case "roleAssigned":
      return {
        title: t("challengeDashboard.timeline.role", {
          role: roleName(t, r.tag ?? ""),
          party: r.title,
        }),
        detail: r.detail,
      };
    case "ambitionSet":
      return {
        title: t("challengeDashboard.timeline.ambition", { now: r.a, desired: r.b }),
        detail: r.detail,
      };
    default:
      return { title: r.title, detail: r.detail };
  }
}

const COLUMNS = ["at", "kind", "challenge", "title", "detail"] as const;
const WIDTHS = [18, 24, 36, 48, 60];

/**
 * The timeline as a file (CSV or .xlsx) with the page's filter, headers in the reader's
 * language; formulas guarded by tableFile.
 */
export async function exportTimeline(
  scope: RegionScope,
  filter: TimelineFilter,
  format: "csv" | "xlsx",
  locale: Locale,
): Promise<Result<TableFile & { fileName: string }>> {
  if (!may(scope, challengePolicy.exportTimeline)) return forbidden();
  const { rows } = await timeline(scope, filter, TIMELINE_FILE_LIMIT);
  const t = translator(locale);
  const header = COLUMNS.map((c) => t(`challengeDashboard.timeline.column.${c}`));
  const body = rows.map((r) => {
    const { title, detail } = describeRow(t, r);
    return [
      formatMoment(r.at, locale, "shortDateTime"),
      t(`challengeDashboard.timeline.kind.${r.kind}`),
      r.challenge.title,
      title,
      detail,
    ];
  });
  const date = new Date().toISOString().slice(0, 10);
  const fileName = `${t("challengeDashboard.timeline.fileName")}-${date}.${format}`;
  const file =
    format === "csv"
      ? csvFile([header, ...body], { locale })
      : await xlsxFile(
          [
            {
              name: t("challengeDashboard.timeline.sheet"),
              columns: header.map((h, i) => ({ header: h, width: WIDTHS[i]! })),
              rows: body,
            },
          ],
          { creator: "Lerende Regio" },
        );
  return ok({ ...file, fileName });
}
