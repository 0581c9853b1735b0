import { Link, redirect } from "react-router";
import type { Route } from "./+types/import";
import { decodeUpload } from "../../../../core/kernel/tableFile.ts";
import {
  importPeople,
  IMPORT_LIMITS,
  previewImport,
  type ImportPreview as PeopleImportPreview,
} from "../../../../core/people/importPeople.ts";
import { fail } from "../../../../core/kernel/result.ts";
import { peoplePolicy } from "../../../../core/people/policy.ts";
import type { Message } from "../../../../i18n/index.ts";
import {
  Field,
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
import { refused, requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { region } = await requireRegion(request, context, params.slug, peoplePolicy.importPeople);
  return {
    region: { slug: region.slug },
    title: `${requestT(context)("peopleImport.title")} · ${region.name}`,
  };
}

function forPage(preview: PeopleImportPreview) {
  const errorRows = preview.rows.filter((r) => r.errors.length > 0);
  const okRows = preview.rows.filter((r) => r.errors.length === 0);
  return {
    counts: preview.counts,
    newOrganisations: preview.newOrganisations,
    ignoredColumns: preview.ignoredColumns,
    ...shownImportRows(errorRows, okRows),
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
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    peoplePolicy.importPeople,
  );
  const form = await request.formData();
  const sent = await sentCsv(form);
  if ("error" in sent) {
    return refused(context, fail("validation.failed", { [sent.field]: sent.error }), {
      preview: null,
      pasted: "",
    });
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
  if (!preview.ok) return refused(context, preview, { preview: null, pasted: sent.pasted });
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
  const { counts, newOrganisations, ignoredColumns } = preview;
  return (
    <ImportPreview
      messages="peopleImport"
      notice={notice}
      summary={
        <>
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
        </>
      }
      skipped={counts.skip}
      errorRows={preview.errorRows}
      hiddenErrorRows={preview.hiddenErrorRows}
      errorSubjectColumn={t("people.name")}
      errorSubject={(r) => r.name}
      problem={(e) => (
        <>
          {t(`peopleExport.columns.${e.column}`)}: {message(e.message)}
        </>
      )}
      rows={preview.rows}
      hiddenRows={preview.hiddenRows}
      rowColumns={[
        t("people.name"),
        t("people.email"),
        t("people.organisation"),
        t("people.perspectives"),
        t("people.expertise"),
        t("peopleImport.action"),
      ]}
      rowCells={(r) => (
        <>
          <Cell>{r.name}</Cell>
          <Cell>{r.email}</Cell>
          <Cell>
            {r.organisation}
            {r.organisation && r.organisationIsNew ? ` ${t("peopleImport.newOrganisation")}` : null}
          </Cell>
          <Cell>{r.perspectives.map((p) => t(`perspectives.${p}`)).join(", ")}</Cell>
          <Cell>{r.expertise.join(", ")}</Cell>
          <Cell>
            {r.action === "update"
              ? t("peopleImport.actionUpdate")
              : t("peopleImport.actionCreate")}
          </Cell>
        </>
      )}
      toImport={counts.create + counts.update}
      carried={{ name: "csv", value: csv }}
      startOver={startOver}
    />
  );
}
