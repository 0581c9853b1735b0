import { useId, type ReactNode } from "react";

/**
 * A column heading: its text, or `{ label, numeric }` for a column of figures; `null` is the empty
 * corner above a column of row headings.
 */
export type Column = string | { label: ReactNode; numeric?: boolean } | null;

/**
 * A Utrecht table in its scrolling wrapper, with a caption (visually hidden with `hideCaption`,
 * still read by screen readers) and column headings; the rows (`Row`) are the children. A table
 * wider than its column scrolls sideways: the wrapper is a region named by the caption that takes
 * the keyboard's focus, so that it can be scrolled without a mouse (WCAG 2.1.1), and a shadow at
 * an edge shows that more of the table lies beyond it.
 */
export function DataTable({
  caption,
  hideCaption,
  columns,
  children,
}: {
  caption: ReactNode;
  hideCaption?: boolean;
  columns: Column[];
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    <div className="lr-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="utrecht-table utrecht-table--html-table">
        <caption
          id={captionId}
          className={
            hideCaption ? "utrecht-table__caption lr-visually-hidden" : "utrecht-table__caption"
          }
        >
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((column, i) =>
              column === null ? (
                <td className="utrecht-table__header-cell" key={i} />
              ) : typeof column === "string" ? (
                <th className="utrecht-table__header-cell" scope="col" key={i}>
                  {column}
                </th>
              ) : (
                <th
                  className={`utrecht-table__header-cell${column.numeric ? " utrecht-table__header-cell--numeric" : ""}`}
                  scope="col"
                  key={i}
                >
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">{children}</tbody>
      </table>
    </div>
  );
}

export function Row({ children }: { children: ReactNode }) {
  return <tr className="utrecht-table__row">{children}</tr>;
}

/** The cell that names its row. */
export function RowHeader({ children }: { children: ReactNode }) {
  return (
    <th className="utrecht-table__header-cell" scope="row">
      {children}
    </th>
  );
}

export function Cell({ children, numeric }: { children?: ReactNode; numeric?: boolean }) {
  return (
    <td
      className={
        numeric ? "utrecht-table__cell utrecht-table__cell--numeric" : "utrecht-table__cell"
      }
    >
      {children}
    </td>
  );
}
