import { SECTORS } from "../kernel/sectors.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { listRegistrations, type RegistrationFilter } from "./queries.ts";
import type { EventQuestion } from "./schema.ts";

const STATUSES = ["confirmed", "waitlisted", "cancelled"] as const;
const STATUS_ORDER: Record<string, number> = { confirmed: 0, waitlisted: 1, cancelled: 2 };

/** The filters of the registrations list (and of its exports) from a URL's query string. */
export function parseRegistrationFilter(params: URLSearchParams): Required<RegistrationFilter> {
  const status = params.get("status") ?? "";
  const sector = params.get("sector") ?? "";
  return {
    status: (STATUSES as readonly string[]).includes(status)
      ? (status as (typeof STATUSES)[number])
      : "",
    sector: (SECTORS as readonly string[]).includes(sector) ? sector : "",
    q: (params.get("q") ?? "").trim().slice(0, 200),
  };
}

/**
 * An event's registrations as the organiser reads them: people with a place first, then the
 * waitlist in its order (with each person's place in line, counted over the whole waitlist
 * whatever the filter), then the cancelled.
 */
export async function eventRegistrations(
  scope: RegionScope,
  eventId: string,
  filter: RegistrationFilter = {},
) {
  if (!isId(eventId)) return [];
  const [rows, waitlist] = await Promise.all([
    listRegistrations(scope, eventId, filter),
    scope.db
      .selectFrom("registrations")
      .select("id")
      .where("region_id", "=", scope.regionId)
      .where("event_id", "=", eventId)
      .where("status", "=", "waitlisted")
      .orderBy("seq")
      .execute(),
  ]);
  const position = new Map(waitlist.map((r, i) => [r.id, i + 1]));
  return rows
    .map((r) => ({ ...r, waitlistPosition: position.get(r.id) ?? null }))
    .sort(
      (a, b) =>
        (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3) ||
        Number(a.seq) - Number(b.seq),
    );
}

export type EventRegistration = Awaited<ReturnType<typeof eventRegistrations>>[number];

/** The people with a place, by name: the check-in list of the day. */
export async function checkinList(scope: RegionScope, eventId: string) {
  const rows = await listRegistrations(scope, eventId, { status: "confirmed" });
  return rows
    .filter((r) => r.anonymised_at === null)
    .sort((a, b) => a.name.localeCompare(b.name, "nl", { sensitivity: "base" }));
}

/**
 * The answers to the organiser's own questions as "question: answer" lines, in the order of the
 * questions; yes/no answers in the reader's words.
 */
export function answerLines(
  questions: EventQuestion[],
  answers: unknown,
  words: { yes: string; no: string },
): string[] {
  const given = (answers && typeof answers === "object" ? answers : {}) as Record<string, unknown>;
  const lines: string[] = [];
  for (const q of questions) {
    const a = given[q.id];
    if (a === undefined || a === "") continue;
    const text = typeof a === "boolean" ? (a ? words.yes : words.no) : String(a);
    lines.push(`${q.label}: ${text}`);
  }
  return lines;
}
