import { translator, type Locale } from "../../i18n/index.ts";
import { forbidden, ok, type Result } from "../kernel/result.ts";
import { may, type RegionScope } from "../kernel/scope.ts";
import { peoplePolicy } from "./policy.ts";
import { csvFile, xlsxFile } from "../kernel/tableFile.ts";
import { columnHeaders } from "./peopleTable.ts";
import { listPeopleForExport, type PeopleFilters, type PersonSummary } from "./queries.ts";

export interface PeopleFile {
  body: Uint8Array;
  contentType: string;
  /** A file name without directory, safe to put in a Content-Disposition header. */
  fileName: string;
}

function cells(person: PersonSummary, locale: Locale): string[] {
  const t = translator(locale);
  return [
    person.name,
    person.email ?? "",
    person.organisation?.name ?? "",
    person.organisation ? t(`sectors.${person.organisation.sector}`) : "",
    person.perspectives.map((p) => t(`perspectives.${p}`)).join(", "),
    person.expertise.join(", "),
  ];
}

function fileName(regionSlug: string, locale: Locale, extension: string): string {
  const date = new Date().toISOString().slice(0, 10);
  return `${translator(locale)("peopleExport.fileName")}-${regionSlug}-${date}.${extension}`;
}

async function regionSlug(scope: RegionScope): Promise<string> {
  const region = await scope.db
    .selectFrom("regions")
    .select("slug")
    .where("id", "=", scope.regionId)
    .executeTakeFirstOrThrow();
  return region.slug;
}

/**
 * The people the filters match as CSV, headers in the reader's language (see `csvFile` for the
 * delimiter and what guards formulas).
 */
export async function exportPeopleCsv(
  scope: RegionScope,
  filters: PeopleFilters,
  locale: Locale,
): Promise<Result<PeopleFile>> {
  if (!may(scope, peoplePolicy.exportPeople)) return forbidden();
  const people = await listPeopleForExport(scope, filters);
  return ok({
    ...csvFile([columnHeaders(locale), ...people.map((p) => cells(p, locale))], { locale }),
    fileName: fileName(await regionSlug(scope), locale, "csv"),
  });
}

/** The same list as an Excel workbook, with a header row that stays in view and a filter. */
export async function exportPeopleXlsx(
  scope: RegionScope,
  filters: PeopleFilters,
  locale: Locale,
): Promise<Result<PeopleFile>> {
  if (!may(scope, peoplePolicy.exportPeople)) return forbidden();
  const people = await listPeopleForExport(scope, filters);
  const t = translator(locale);
  const file = await xlsxFile(
    [
      {
        name: t("peopleExport.sheetName"),
        columns: columnHeaders(locale).map((header, i) => ({
          header,
          width: [30, 32, 30, 28, 30, 40][i]!,
        })),
        rows: people.map((person) => cells(person, locale)),
      },
    ],
    { creator: t("app.name") },
  );
  return ok({
    ...file,
    fileName: fileName(await regionSlug(scope), locale, "xlsx"),
  });
}
