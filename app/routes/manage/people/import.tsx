import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/import";
import {
  decodeUpload,
  importPeople,
  IMPORT_LIMITS,
  previewImport,
  type ImportPreview,
} from "../../../../core/people/importPeople.ts";
import { fail } from "../../../../core/shared/result.ts";
import type { Message } from "../../../../i18n/index.ts";
import {
  Field,
  FileField,
  FormError,
  Notice,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { intent } from "../../../lib/form.server.ts";
import { useMessage, useT } from "../../../lib/i18n.ts";
import { requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

/** A page stays usable with thousands of rows: every error is listed, the rest only in part. */
const SHOWN = { errors: 500, rows: 100 };

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { region } = await requireRegion(request, context, params.slug, "organiser");
  return {
    region: { slug: region.slug },
    title: `${requestT(context)("peopleImport.title")} · ${region.name}`,
  };
}

function forPage(preview: ImportPreview) {
  const errorRows = preview.rows.filter((r) => r.errors.length > 0);
  const okRows = preview.rows.filter((r) => r.errors.length === 0);
  return {
    counts: preview.counts,
    newOrganisations: preview.newOrganisations,
    ignoredColumns: preview.ignoredColumns,
    errorRows: errorRows.slice(0, SHOWN.errors),
    hiddenErrorRows: Math.max(0, errorRows.length - SHOWN.errors),
    rows: okRows.slice(0, SHOWN.rows),
    hiddenRows: Math.max(0, okRows.length - SHOWN.rows),
  };
}

type Sent = { csv: string; pasted: string } | { error: Message; field: "file" | "csv" };

/** The CSV text from the uploaded file, or else from the text area (or the preview's hidden field). */
async function sentCsv(form: FormData): Promise<Sent> {
  const file = form.get("file");
  const text = form.get("csv");
  const pasted = typeof text === "string" ? text : "";
  if (file instanceof File && file.size > 0) {
    if (file.size > IMPORT_LIMITS.bytes) {
      return { error: { key: "peopleImport.tooLarge", values: { max: "2 MB" } }, field: "file" };
    }
    return { csv: decodeUpload(new Uint8Array(await file.arrayBuffer())), pasted: "" };
  }
  if (pasted.trim() === "") return { error: { key: "peopleImport.noInput" }, field: "file" };
  return { csv: pasted, pasted };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, "organiser");
  const form = await request.formData();
  const sent = await sentCsv(form);
  if ("error" in sent) {
    return data(
      { ...fail("validation.failed", { [sent.field]: sent.error }), preview: null, pasted: "" },
      { status: 400 },
    );
  }

  let notice: Message | undefined;
  if (intent(form) === "confirm") {
    const result = await importPeople(scope, sent.csv);
    if (result.ok) {
      const { created, updated, skipped } = result.value;
      return redirect(
        `/manage/${region.slug}/people?imported=1&created=${created}&updated=${updated}&skipped=${skipped}`,
      );
    }
    // Something changed since the preview: show the new preview with the reason.
    notice = result.error;
  }

  const preview = await previewImport(scope, sent.csv);
  if (!preview.ok) {
    return data(
      {
        ...fail(preview.error.key, undefined, preview.error.values),
        preview: null,
        pasted: sent.pasted,
      },
      { status: 400 },
    );
  }
  return { ok: true as const, preview: forPage(preview.value), csv: sent.csv, notice };
}

export default function ImportPeople({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { region } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const preview = actionData?.ok ? actionData : null;
  const base = `/manage/${region.slug}/people`;
  return (
    <>
      <p className="lr-breadcrumb">
        <Link className="utrecht-link" to={base}>
          {t("people.backToList")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("peopleImport.title")}</h1>
      {preview ? (
        <Preview
          preview={preview.preview}
          csv={preview.csv}
          notice={preview.notice}
          startOver={`${base}/import`}
        />
      ) : (
        <>
          <p className="utrecht-paragraph">{t("peopleImport.intro")}</p>
          <h2 className="utrecht-heading-2">{t("peopleImport.formatTitle")}</h2>
          <p className="utrecht-paragraph">{t("peopleImport.columnsHint")}</p>
          <p className="utrecht-paragraph">{t("peopleImport.rulesHint")}</p>
          <p className="utrecht-paragraph">{t("peopleImport.exampleIntro")}</p>
          <pre className="lr-example">{t("peopleImport.example")}</pre>
          <h2 className="utrecht-heading-2">{t("peopleImport.chooseTitle")}</h2>
          <PostForm className="lr-form" encType="multipart/form-data" noValidate>
            <input type="hidden" name="_intent" value="preview" />
            <FormError error={error} />
            <FileField
              name="file"
              label={t("peopleImport.file")}
              description={t("peopleImport.fileHint")}
              accept=".csv,.txt,text/csv,text/plain"
              errors={fieldErrors}
            />
            <Field
              name="csv"
              label={t("peopleImport.paste")}
              description={t("peopleImport.pasteHint")}
              multiline
              rows={8}
              defaultValue={actionData && !actionData.ok ? actionData.pasted : undefined}
              errors={fieldErrors}
            />
            <SubmitButton>{t("peopleImport.preview")}</SubmitButton>
          </PostForm>
        </>
      )}
    </>
  );
}

function Preview({
  preview,
  csv,
  notice,
  startOver,
}: {
  preview: ReturnType<typeof forPage>;
  csv: string;
  notice?: Message;
  startOver: string;
}) {
  const t = useT();
  const message = useMessage();
  const { counts, newOrganisations, ignoredColumns, errorRows, rows } = preview;
  const toImport = counts.create + counts.update;
  return (
    <>
      <h2 className="utrecht-heading-2">{t("peopleImport.previewTitle")}</h2>
      {notice ? (
        <div className="utrecht-alert utrecht-alert--warning" role="alert">
          <p className="utrecht-paragraph">{message(notice)}</p>
        </div>
      ) : null}
      <Notice kind="info">{t("peopleImport.nothingSavedYet")}</Notice>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          {t("peopleImport.willCreate", { count: counts.create })}
        </li>
        <li className="utrecht-unordered-list__item">
          {t("peopleImport.willUpdate", { count: counts.update })}
        </li>
        {counts.skip > 0 ? (
          <li className="utrecht-unordered-list__item">
            <strong>{t("peopleImport.willSkip", { count: counts.skip })}</strong>
          </li>
        ) : null}
        {newOrganisations.length > 0 ? (
          <li className="utrecht-unordered-list__item">
            {t("peopleImport.newOrganisations", { count: newOrganisations.length })}{" "}
            {newOrganisations.map((o) => `${o.name} (${t(`sectors.${o.sector}`)})`).join(", ")}
          </li>
        ) : null}
        {ignoredColumns.length > 0 ? (
          <li className="utrecht-unordered-list__item">
            {t("peopleImport.ignoredColumns", { columns: ignoredColumns.join(", ") })}
          </li>
        ) : null}
      </ul>

      {errorRows.length > 0 ? (
        <section className="lr-section" aria-labelledby="import-errors">
          <h3 className="utrecht-heading-3" id="import-errors">
            {t("peopleImport.errorsTitle")}
          </h3>
          <p className="utrecht-paragraph">{t("peopleImport.errorsIntro")}</p>
          <DataTable
            caption={t("peopleImport.errorsCaption", { count: counts.skip })}
            columns={[t("peopleImport.row"), t("people.name"), t("peopleImport.problems")]}
          >
            {errorRows.map((r) => (
              <Row key={r.row}>
                <RowHeader>{r.row}</RowHeader>
                <Cell>{r.name}</Cell>
                <Cell>
                  <ul className="lr-plain-list">
                    {r.errors.map((e, i) => (
                      <li key={i}>
                        {t(`peopleExport.columns.${e.column}`)}: {message(e.message)}
                      </li>
                    ))}
                  </ul>
                </Cell>
              </Row>
            ))}
          </DataTable>
          {preview.hiddenErrorRows > 0 ? (
            <p className="utrecht-paragraph">
              {t("peopleImport.moreErrorRows", { count: preview.hiddenErrorRows })}
            </p>
          ) : null}
        </section>
      ) : null}

      {rows.length > 0 ? (
        <section className="lr-section" aria-labelledby="import-rows">
          <h3 className="utrecht-heading-3" id="import-rows">
            {t("peopleImport.rowsTitle")}
          </h3>
          <DataTable
            caption={t("peopleImport.rowsCaption")}
            columns={[
              t("peopleImport.row"),
              t("people.name"),
              t("people.email"),
              t("people.organisation"),
              t("people.perspectives"),
              t("people.expertise"),
              t("peopleImport.action"),
            ]}
          >
            {rows.map((r) => (
              <Row key={r.row}>
                <RowHeader>{r.row}</RowHeader>
                <Cell>{r.name}</Cell>
                <Cell>{r.email}</Cell>
                <Cell>
                  {r.organisation}
                  {r.organisation && r.organisationIsNew
                    ? ` ${t("peopleImport.newOrganisation")}`
                    : null}
                </Cell>
                <Cell>{r.perspectives.map((p) => t(`perspectives.${p}`)).join(", ")}</Cell>
                <Cell>{r.expertise.join(", ")}</Cell>
                <Cell>
                  {r.action === "update"
                    ? t("peopleImport.actionUpdate")
                    : t("peopleImport.actionCreate")}
                </Cell>
              </Row>
            ))}
          </DataTable>
          {preview.hiddenRows > 0 ? (
            <p className="utrecht-paragraph">
              {t("peopleImport.moreRows", { count: preview.hiddenRows })}
            </p>
          ) : null}
        </section>
      ) : null}

      {toImport > 0 ? (
        <PostForm className="lr-form" encType="multipart/form-data">
          <input type="hidden" name="_intent" value="confirm" />
          <input type="hidden" name="csv" value={csv} />
          <div className="lr-actions">
            <SubmitButton>{t("peopleImport.confirm", { count: toImport })}</SubmitButton>
            <Link className="utrecht-link" to={startOver}>
              {t("peopleImport.startOver")}
            </Link>
          </div>
        </PostForm>
      ) : (
        <>
          <p className="utrecht-paragraph">{t("peopleImport.nothingToImport")}</p>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={startOver}>
              {t("peopleImport.startOver")}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
