import { translator, type Locale } from "../../i18n/index.ts";
import type { PeopleFile } from "../people/exportPeople.ts";
import { forbidden, notFound, ok, type Result } from "../kernel/result.ts";
import { may, type RegionScope } from "../kernel/scope.ts";
import { eventPolicy } from "./policy.ts";
import { csvFile, xlsxFile } from "../kernel/tableFile.ts";
import { formatMoment } from "../kernel/time.ts";
import { answerLines, eventRegistrations, type EventRegistration } from "./adminQueries.ts";
import { findEvent, type RegistrationFilter } from "./queries.ts";
import type { EventQuestion } from "./schema.ts";
import { sectorKey } from "../kernel/sectors.ts";

const COLUMNS = [
  "name",
  "email",
  "organisation",
  "sector",
  "role",
  "answers",
  "diet",
  "accessibility",
  "status",
  "position",
  "checkedIn",
  "registeredAt",
] as const;
const WIDTHS = [28, 32, 28, 26, 24, 40, 24, 30, 14, 12, 18, 18];

function dateTime(value: Date | string | null, locale: Locale): string {
  return value ? formatMoment(value, locale, "shortDateTime") : "";
}

function cells(r: EventRegistration, questions: EventQuestion[], locale: Locale): string[] {
  const t = translator(locale);
  const erased = r.anonymised_at !== null;
  return [
    erased ? t("eventsAdmin.anonymised") : r.name,
    erased ? "" : r.email,
    r.organisation,
    r.sector ? t(sectorKey(r.sector)) : "",
    r.role,
    answerLines(questions, r.answers, { yes: t("app.yes"), no: t("app.no") }).join("; "),
    r.diet,
    r.accessibility,
    t(`eventsAdmin.regStatuses.${r.status}`),
    r.waitlistPosition === null ? "" : String(r.waitlistPosition),
    dateTime(r.checked_in_at, locale),
    dateTime(r.created_at, locale),
  ];
}

async function load(scope: RegionScope, eventId: string, filter: RegistrationFilter) {
  if (!may(scope, eventPolicy.exportRegistrations)) return forbidden();
  const event = await findEvent(scope, eventId);
  if (!event) return notFound();
  const rows = await eventRegistrations(scope, event.id, filter);
  return ok({ event, rows });
}

function fileName(slug: string, locale: Locale, extension: string): string {
  const date = new Date().toISOString().slice(0, 10);
  return `${translator(locale)("eventsAdmin.exportFileName")}-${slug}-${date}.${extension}`;
}

/**
 * An event's registrations (the list's filters applied) as CSV with headers in the reader's
 * language (`csvFile`: delimiter, byte order mark, formulas guarded).
 */
export async function exportRegistrationsCsv(
  scope: RegionScope,
  eventId: string,
  filter: RegistrationFilter,
  locale: Locale,
): Promise<Result<PeopleFile>> {
  const loaded = await load(scope, eventId, filter);
  if (!loaded.ok) return loaded;
  const { event, rows } = loaded.value;
  const t = translator(locale);
  const file = csvFile(
    [
      COLUMNS.map((c) => t(`eventsAdmin.exportColumns.${c}`)),
      ...rows.map((r) => cells(r, event.questions, locale)),
    ],
    { locale },
  );
  return ok({
    ...file,
    fileName: fileName(event.slug, locale, "csv"),
  });
}

/** The same list as an Excel workbook: a header row that stays in view, a filter. */
export async function exportRegistrationsXlsx(
  scope: RegionScope,
  eventId: string,
  filter: RegistrationFilter,
  locale: Locale,
): Promise<Result<PeopleFile>> {
  const loaded = await load(scope, eventId, filter);
  if (!loaded.ok) return loaded;
  const { event, rows } = loaded.value;
  const t = translator(locale);
  const file = await xlsxFile(
    [
      {
        name: t("eventsAdmin.exportSheetName"),
        columns: COLUMNS.map((c, i) => ({
          header: t(`eventsAdmin.exportColumns.${c}`),
          width: WIDTHS[i]!,
        })),
        rows: rows.map((r) => cells(r, event.questions, locale)),
      },
    ],
    { creator: t("app.name") },
  );
  return ok({
    ...file,
    fileName: fileName(event.slug, locale, "xlsx"),
  });
}
