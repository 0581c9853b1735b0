import { Link } from "react-router";
import type { Summary } from "../../../../core/scan/results.ts";
import { Cell } from "../../../components/table.tsx";
import { useLocale, useT } from "../../../lib/i18n.ts";

/** Figures as people read them: one decimal, in the page's language ("3,5" in Dutch). */
export function useNumber() {
  const locale = useLocale();
  return (v: number | null | undefined, digits = 1) =>
    v === null || v === undefined
      ? "–"
      : v.toLocaleString(locale === "nl" ? "nl-NL" : "en-GB", {
          maximumFractionDigits: digits,
          minimumFractionDigits: 0,
        });
}

/** The cells of one summary: count, spread 1–5, median, middle half and mean. */
export function SummaryCells({ s }: { s: Summary }) {
  const n = useNumber();
  return (
    <>
      <Cell numeric>{s.n}</Cell>
      <Cell>{s.counts.join(" / ")}</Cell>
      <Cell numeric>{n(s.median)}</Cell>
      <Cell>{s.q1 === null ? "–" : `${n(s.q1)}–${n(s.q3)}`}</Cell>
      <Cell numeric>{n(s.mean)}</Cell>
    </>
  );
}

export function useSummaryColumns() {
  const t = useT();
  return [
    { label: t("scan.result.n"), numeric: true },
    t("scan.result.spread"),
    { label: t("scan.result.median"), numeric: true },
    t("scan.result.iqr"),
    { label: t("scan.result.mean"), numeric: true },
  ];
}

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

/**
 * A simple bar chart of values on the 1–5 scale: one group of bars per category, one bar per
 * series, with a legend. It is a picture for those who see it; the table that follows it on the
 * page holds the same figures and is its text alternative (named in `description`).
 */
export function BarChart({
  id,
  categories,
  series,
  description,
}: {
  id: string;
  categories: string[];
  series: ChartSeries[];
  description: string;
}) {
  const n = useNumber();
  // Within a group the bars come in the legend's order, so they are told apart without colour.
  const fills = ["var(--lr-primary, #1f5f8b)", "#6b6b6b", "#b35c00", "#2e7d32", "#6a1b9a"];
  const rowHeight = 18;
  const groupHeight = series.length * rowHeight + 14;
  const labelWidth = 190;
  const barWidth = 260;
  const height = categories.length * groupHeight + 30;
  return (
    <figure className="lr-scan-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-desc`}
        viewBox={`0 0 ${labelWidth + barWidth + 50} ${height}`}
        width="100%"
        style={{ maxWidth: "42rem" }}
      >
        {categories.map((c, ci) => (
          <g key={c} transform={`translate(0 ${ci * groupHeight})`}>
            <text x={0} y={rowHeight * 0.8} fontSize="12">
              {c.length > 30 ? `${c.slice(0, 29)}…` : c}
            </text>
            {series.map((s, si) => {
              const v = s.values[ci] ?? null;
              return (
                <g key={s.label} transform={`translate(${labelWidth} ${si * rowHeight})`}>
                  <rect
                    x={0}
                    y={2}
                    height={rowHeight - 5}
                    width={v === null ? 0 : (v / 5) * barWidth}
                    fill={fills[si % fills.length]}
                    fillOpacity={si === 0 ? 1 : 0.85}
                  />
                  <text
                    x={(v === null ? 0 : (v / 5) * barWidth) + 4}
                    y={rowHeight - 5}
                    fontSize="11"
                  >
                    {n(v)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
        <g transform={`translate(${labelWidth} ${categories.length * groupHeight + 8})`}>
          {series.map((s, si) => (
            <g key={s.label} transform={`translate(${si * 130} 0)`}>
              <rect width={12} height={12} fill={fills[si % fills.length]} />
              <text x={16} y={10} fontSize="11">
                {s.label}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption className="utrecht-paragraph lr-muted" id={`${id}-desc`}>
        {description}
      </figcaption>
    </figure>
  );
}

export function BackToScan({
  base,
  scanId,
  title,
}: {
  base: string;
  scanId: string;
  title: string;
}) {
  return (
    <p className="utrecht-paragraph lr-breadcrumb">
      <Link className="utrecht-link" to={`${base}/${scanId}`}>
        {title}
      </Link>
    </p>
  );
}
