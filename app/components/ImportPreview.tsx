import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Message } from "../../i18n/index.ts";
import { Notice, PostForm, SubmitButton } from "./form.tsx";
import { Cell, DataTable, Row, RowHeader } from "./table.tsx";
import { useMessage, useT } from "../lib/i18n.ts";

/** A page stays usable with thousands of rows: every error row up to 500, the other rows in part. */
const SHOWN = { errors: 500, rows: 100 };

/** The part of an import's rows that a preview page shows, and how many it leaves out. */
export function shownImportRows<E, R>(errorRows: E[], rows: R[]) {
  return {
    errorRows: errorRows.slice(0, SHOWN.errors),
    hiddenErrorRows: Math.max(0, errorRows.length - SHOWN.errors),
    rows: rows.slice(0, SHOWN.rows),
    hiddenRows: Math.max(0, rows.length - SHOWN.rows),
  };
}

interface ImportRow {
  row: number;
}

interface RowWithErrors extends ImportRow {
  errors: unknown[];
}

/**
 * The preview of a file import before anything is saved: what will happen, the rows with errors
 * and why, the rows that will be imported, and a form that sends the file back to accept it.
 *
 * `messages` is the catalog prefix of the import's texts (`previewTitle`, `nothingSavedYet`,
 * `errorsTitle`, `errorsIntro`, `errorsCaption`, `row`, `problems`, `moreErrorRows`, `rowsTitle`,
 * `rowsCaption`, `moreRows`, `confirm`, `startOver`, `nothingToImport`), so each import keeps
 * its own wording.
 */
export function ImportPreview<E extends RowWithErrors, R extends ImportRow>({
  messages,
  notice,
  summary,
  skipped,
  errorRows,
  hiddenErrorRows,
  errorSubjectColumn,
  errorSubject,
  problem,
  rows,
  hiddenRows,
  rowColumns,
  rowCells,
  toImport,
  carried,
  startOver,
}: {
  messages: "harvest.import" | "peopleImport";
  /** Why an accepted import was shown again instead of saved. */
  notice?: Message;
  /** The list items that count what will happen. */
  summary: ReactNode;
  skipped: number;
  errorRows: E[];
  hiddenErrorRows: number;
  /** The heading of the column that says which row it is, beside the row number. */
  errorSubjectColumn: string;
  errorSubject: (row: E) => ReactNode;
  problem: (error: E["errors"][number]) => ReactNode;
  rows: R[];
  hiddenRows: number;
  /** The headings of the rows' columns after the row number. */
  rowColumns: string[];
  rowCells: (row: R) => ReactNode;
  toImport: number;
  /** The hidden field that carries the previewed file back when the import is accepted. */
  carried: { name: string; value: string };
  startOver: string;
}) {
  const t = useT();
  const message = useMessage();
  return (
    <>
      <h2 className="utrecht-heading-2">{t(`${messages}.previewTitle`)}</h2>
      {notice ? (
        <div className="utrecht-alert utrecht-alert--warning" role="alert">
          <p className="utrecht-paragraph">{message(notice)}</p>
        </div>
      ) : null}
      <Notice kind="info">{t(`${messages}.nothingSavedYet`)}</Notice>
      <ul className="utrecht-unordered-list">{summary}</ul>

      {errorRows.length > 0 ? (
        <section className="lr-section" aria-labelledby="import-errors">
          <h3 className="utrecht-heading-3" id="import-errors">
            {t(`${messages}.errorsTitle`)}
          </h3>
          <p className="utrecht-paragraph">{t(`${messages}.errorsIntro`)}</p>
          <DataTable
            caption={t(`${messages}.errorsCaption`, { count: skipped })}
            columns={[t(`${messages}.row`), errorSubjectColumn, t(`${messages}.problems`)]}
          >
            {errorRows.map((r) => (
              <Row key={r.row}>
                <RowHeader>{r.row}</RowHeader>
                <Cell>{errorSubject(r)}</Cell>
                <Cell>
                  <ul className="lr-plain-list">
                    {r.errors.map((e, i) => (
                      <li key={i}>{problem(e)}</li>
                    ))}
                  </ul>
                </Cell>
              </Row>
            ))}
          </DataTable>
          {hiddenErrorRows > 0 ? (
            <p className="utrecht-paragraph">
              {t(`${messages}.moreErrorRows`, { count: hiddenErrorRows })}
            </p>
          ) : null}
        </section>
      ) : null}

      {rows.length > 0 ? (
        <section className="lr-section" aria-labelledby="import-rows">
          <h3 className="utrecht-heading-3" id="import-rows">
            {t(`${messages}.rowsTitle`)}
          </h3>
          <DataTable
            caption={t(`${messages}.rowsCaption`)}
            columns={[t(`${messages}.row`), ...rowColumns]}
          >
            {rows.map((r) => (
              <Row key={r.row}>
                <RowHeader>{r.row}</RowHeader>
                {rowCells(r)}
              </Row>
            ))}
          </DataTable>
          {hiddenRows > 0 ? (
            <p className="utrecht-paragraph">{t(`${messages}.moreRows`, { count: hiddenRows })}</p>
          ) : null}
        </section>
      ) : null}

      {toImport > 0 ? (
        <PostForm className="lr-form" encType="multipart/form-data">
          <input type="hidden" name="_intent" value="confirm" />
          <input type="hidden" name={carried.name} value={carried.value} />
          <div className="lr-actions">
            <SubmitButton>{t(`${messages}.confirm`, { count: toImport })}</SubmitButton>
            <Link className="utrecht-link" to={startOver}>
              {t(`${messages}.startOver`)}
            </Link>
          </div>
        </PostForm>
      ) : (
        <>
          <p className="utrecht-paragraph">{t(`${messages}.nothingToImport`)}</p>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={startOver}>
              {t(`${messages}.startOver`)}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
