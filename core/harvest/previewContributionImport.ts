import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import {
  packPayload,
  planImport,
  readContributionsFile,
  unpackPayload,
  type ContributionImportPreview,
} from "./importContributions.ts";
import { harvestPolicy } from "./policy.ts";

/**
 * What importing a file would do, row by row, with each row's errors (row number, column,
 * message). Writes nothing: the preview carries the file as read (`payload`) to the accept.
 */
export async function previewContributionImport(
  scope: RegionScope,
  harvestId: string,
  upload: { bytes: Uint8Array } | { payload: string },
): Promise<Result<ContributionImportPreview>> {
  const spec = {
    role: harvestPolicy.importContributions,
    table: "harvests",
    id: harvestId,
  } as const;
  return withRow(scope, spec, async (tx, harvest) => {
    const file =
      "bytes" in upload ? await readContributionsFile(upload.bytes) : unpackPayload(upload.payload);
    if (!file.ok) return file;
    const { rows, counts } = await planImport({ ...scope, db: tx }, harvest.id, file.value);
    return ok({
      rows,
      counts,
      ignoredColumns: file.value.ignoredColumns,
      payload: "bytes" in upload ? packPayload(file.value) : upload.payload,
    });
  });
}
