import { translator, type Locale } from "../../i18n/index.ts";
import { forbidden, notFound, ok, type Result } from "../kernel/result.ts";
import { may, type RegionScope } from "../kernel/scope.ts";
import { harvestPolicy } from "./policy.ts";
import { csvFile } from "../kernel/tableFile.ts";
import { findHarvest, listContributionsForExport, type ContributionFilters } from "./queries.ts";

export interface ContributionsFile {
  body: Uint8Array;
  contentType: string;
  fileName: string;
}

/** The import's columns first, so an exported file can be imported into another harvest. */
const COLUMNS = [
  "text",
  "kind",
  "sector",
  "source",
  "theme",
  "tags",
  "origin",
  "grouped",
  "hidden",
  "merged",
] as const;

/**
 * The contributions the filters match as CSV, in the reader's language (`csvFile`). No names:
 * contributions carry none. Facilitators and up, like the list.
 */
export async function exportContributionsCsv(
  scope: RegionScope,
  harvestId: string,
  filters: ContributionFilters,
  locale: Locale,
): Promise<Result<ContributionsFile>> {
  if (!may(scope, harvestPolicy.exportContributions)) return forbidden();
  const harvest = await findHarvest(scope, harvestId);
  if (!harvest) return notFound();
  const t = translator(locale);
  const rows = await listContributionsForExport(scope, harvest.id, filters);
  const file = csvFile(
    [
      COLUMNS.map((c) => t(`harvest.columns.${c}`)),
      ...rows.map((r) => [
        r.text,
        t(`harvest.kinds.${r.kind}`),
        r.sector ? t(`sectors.${r.sector}`) : "",
        r.sourceLabel,
        r.sourceTheme,
        r.tags.join(", "),
        t(`harvest.origins.${r.origin}`),
        r.theme?.label ?? "",
        r.hidden ? t("harvest.yes") : "",
        r.merged.map((m) => m.text).join(" | "),
      ]),
    ],
    { locale },
  );
  const date = new Date().toISOString().slice(0, 10);
  return ok({
    ...file,
    fileName: `${t("harvest.exportFileName")}-${harvest.slug}-${date}.csv`,
  });
}
