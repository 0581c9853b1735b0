import { data, redirect } from "react-router";
import type { Route } from "./+types/import";
import { harvestPolicy } from "../../../../core/harvest/policy.ts";
import {
  CONTRIBUTION_IMPORT_LIMITS,
  importContributions,
  type ContributionImportPreview,
} from "../../../../core/harvest/importContributions.ts";
import { previewContributionImport } from "../../../../core/harvest/previewContributionImport.ts";
import { findHarvest } from "../../../../core/harvest/queries.ts";
import type { Failure } from "../../../../core/kernel/result.ts";
import type { Message } from "../../../../i18n/index.ts";
import {
  FileField,
  FormError,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { ImportPreview, shownImportRows } from "../../../components/ImportPreview.tsx";
import { Cell } from "../../../components/table.tsx";
import { intent } from "../../../lib/form.server.ts";
import { useMessage, useT } from "../../../lib/i18n.ts";
import { notFound, refusedPage, requestT, requireRegion } from "../../../lib/request.server.ts";
import { BackToHarvest } from "./components.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

async function find(
  request: Request,
  params: Route.LoaderArgs["params"],
  context: Route.LoaderArgs["context"],
) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    harvestPolicy.manage,
  );
  const harvest = await findHarvest(scope, params.id);
  if (!harvest) notFound(context);
  return { scope, region, harvest };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { region, harvest } = await find(request, params, context);
  return {
    region: { slug: region.slug },
    harvest: { id: harvest.id, title: harvest.title },
    title: `${requestT(context)("harvest.import.title")} · ${harvest.title}`,
  };
}

function forPage(preview: ContributionImportPreview) {
  const errorRows = preview.rows.filter((r) => r.errors.length > 0);
  const importRows = preview.rows.filter((r) => r.action === "import");
  return {
    counts: preview.counts,
    ignoredColumns: preview.ignoredColumns,
    ...shownImportRows(errorRows, importRows),
    payload: preview.payload,
  };
}

/** A file the organiser can correct comes back on its field; any other failure is the core's page. */
function refusedFile(context: Route.ActionArgs["context"], result: Failure) {
  if (result.kind !== "invalid") refusedPage(context, result);
  return refused(result.error);
}

function refused(error: Message) {
  return data(
    { ok: false as const, error: { key: "validation.failed" }, fieldErrors: { file: error } },
    { status: 400 },
  );
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region, harvest } = await find(request, params, context);
  const form = await request.formData();
  if (intent(form) === "confirm") {
    const result = await importContributions(scope, harvest.id, form.get("payload"));
    if (!result.ok) return refusedFile(context, result);
    const { imported, skipped, duplicates } = result.value;
    return redirect(
      `/manage/${region.slug}/harvest/${harvest.id}/contributions?imported=${imported}&skipped=${skipped}&duplicates=${duplicates}`,
    );
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return refused({ key: "harvest.import.noInput" });
  if (file.size > CONTRIBUTION_IMPORT_LIMITS.bytes)
    return refused({ key: "harvest.import.tooLarge", values: { max: "5 MB" } });
  const preview = await previewContributionImport(scope, harvest.id, {
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  if (!preview.ok) return refusedFile(context, preview);
  return { ok: true as const, preview: forPage(preview.value) };
}

export default function ImportContributions({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { region, harvest } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const preview = actionData?.ok ? actionData.preview : null;
  const page = `/manage/${region.slug}/harvest/${harvest.id}`;
  return (
    <>
      <BackToHarvest base={page} title={harvest.title} />
      <h1 className="utrecht-heading-1">{t("harvest.import.title")}</h1>
      {preview ? (
        <Preview preview={preview} startOver={`${page}/import`} />
      ) : (
        <>
          <p className="utrecht-paragraph">{t("harvest.import.intro")}</p>
          <h2 className="utrecht-heading-2">{t("harvest.import.formatTitle")}</h2>
          <p className="utrecht-paragraph">{t("harvest.import.columnsHint")}</p>
          <p className="utrecht-paragraph">{t("harvest.import.rulesHint")}</p>
          <p className="utrecht-paragraph">{t("harvest.import.limitsHint")}</p>
          <p className="utrecht-paragraph">{t("harvest.import.exampleIntro")}</p>
          <pre className="lr-example">{t("harvest.import.example")}</pre>
          <h2 className="utrecht-heading-2">{t("harvest.import.chooseTitle")}</h2>
          <PostForm className="lr-form" encType="multipart/form-data" noValidate>
            <input type="hidden" name="_intent" value="preview" />
            <FormError error={error} />
            <FileField
              name="file"
              label={t("harvest.import.file")}
              description={t("harvest.import.fileHint")}
              accept=".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              errors={fieldErrors}
            />
            <SubmitButton>{t("harvest.import.preview")}</SubmitButton>
          </PostForm>
        </>
      )}
    </>
  );
}

function Preview({
  preview,
  startOver,
}: {
  preview: ReturnType<typeof forPage>;
  startOver: string;
}) {
  const t = useT();
  const message = useMessage();
  const { counts, ignoredColumns } = preview;
  return (
    <ImportPreview
      messages="harvest.import"
      summary={
        <>
          <li className="utrecht-unordered-list__item">
            {t("harvest.import.willImport", { count: counts.import })}
          </li>
          {counts.skip > 0 ? (
            <li className="utrecht-unordered-list__item">
              <strong>{t("harvest.import.willSkip", { count: counts.skip })}</strong>
            </li>
          ) : null}
          {counts.duplicate > 0 ? (
            <li className="utrecht-unordered-list__item">
              {t("harvest.import.willSkipDuplicates", { count: counts.duplicate })}
            </li>
          ) : null}
          {ignoredColumns.length > 0 ? (
            <li className="utrecht-unordered-list__item">
              {t("harvest.import.ignoredColumns", { columns: ignoredColumns.join(", ") })}
            </li>
          ) : null}
        </>
      }
      skipped={counts.skip}
      errorRows={preview.errorRows}
      hiddenErrorRows={preview.hiddenErrorRows}
      errorSubjectColumn={t("harvest.columns.text")}
      errorSubject={(r) => <span className="lr-plain">{r.text.slice(0, 300)}</span>}
      problem={(e) =>
        `${e.column ? t(`harvest.columns.${e.column}`) : t("harvest.import.wholeRow")}: ${message(e.message) ?? ""}`
      }
      rows={preview.rows}
      hiddenRows={preview.hiddenRows}
      rowColumns={[
        t("harvest.columns.text"),
        t("harvest.columns.kind"),
        t("harvest.columns.sector"),
        t("harvest.columns.source"),
        t("harvest.columns.theme"),
        t("harvest.columns.tags"),
      ]}
      rowCells={(r) => (
        <>
          <Cell>
            <span className="lr-plain">{r.text}</span>
          </Cell>
          <Cell>{t(`harvest.kinds.${r.kind}`)}</Cell>
          <Cell>{r.sector ? t(`sectors.${r.sector}`) : null}</Cell>
          <Cell>{r.source}</Cell>
          <Cell>{r.theme}</Cell>
          <Cell>{r.tags.join(", ")}</Cell>
        </>
      )}
      toImport={counts.import}
      carried={{ name: "payload", value: preview.payload }}
      startOver={startOver}
    />
  );
}
