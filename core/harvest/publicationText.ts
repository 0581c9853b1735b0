import { translator, type Locale } from "../../i18n/index.ts";
import { formatMoment } from "../kernel/time.ts";
import type { Count, PublicationModel } from "./publication.ts";
import { sectorKey } from "../kernel/sectors.ts";

/**
 * What the web page, the Word document and the PDF share: the figures as labelled bars, the
 * paragraphs of a plain text, the date line and a file name.
 */

export interface Bar {
  label: string;
  count: number;
  /** 0..1 of the largest bar in the chart. */
  ratio: number;
  /** Share of the total, in whole percents. */
  percent: number;
}

export interface Chart {
  caption: string;
  bars: Bar[];
  /** One sentence with every figure, for screen readers. */
  summary: string;
}

type T = ReturnType<typeof translator>;

function barsOf<K>(rows: Count<K>[], label: (k: K) => string, total: number): Bar[] {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return rows.map((r) => ({
    label: label(r.key),
    count: r.count,
    ratio: r.count / max,
    percent: total > 0 ? Math.round((r.count / total) * 100) : 0,
  }));
}

function chart(t: T, caption: string, bars: Bar[]): Chart {
  return {
    caption,
    bars,
    summary: t("publication.chartSummary", {
      caption,
      items: bars
        .map((b) => t("publication.chartItem", { label: b.label, count: b.count }))
        .join("; "),
    }),
  };
}

export function sectorLabel(t: T, sector: string | null): string {
  return sector ? t(sectorKey(sector)) : t("publication.noSector");
}

/** The charts of the figures section, in the model's language. */
export function figureCharts(model: PublicationModel): Chart[] {
  const t = translator(model.lang);
  const { figures } = model;
  const charts = [
    chart(
      t,
      t("publication.byKind"),
      barsOf(figures.byKind, (k) => t(`publication.kinds.${k}`), figures.total),
    ),
    chart(
      t,
      t("publication.bySector"),
      barsOf(figures.bySector, (s) => sectorLabel(t, s), figures.total),
    ),
    chart(
      t,
      t("publication.byOrigin"),
      barsOf(figures.byOrigin, (o) => t(`publication.origins.${o}`), figures.total),
    ),
  ];
  if (model.themes.length > 0)
    charts.push(
      chart(
        t,
        t("publication.byTheme"),
        barsOf(
          model.themes.map((th) => ({ key: th.label, count: th.count })),
          (l) => l,
          figures.total,
        ),
      ),
    );
  return charts;
}

/** The sector mix of one theme as a chart. */
export function themeSectorChart(model: PublicationModel, themeIndex: number): Chart {
  const t = translator(model.lang);
  const theme = model.themes[themeIndex]!;
  return chart(
    t,
    t("publication.sectorMixOf", { theme: theme.label }),
    barsOf(theme.sectorMix, (s) => sectorLabel(t, s), theme.count),
  );
}

/** Paragraphs of plain text: a blank line starts a new one. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function publicationDate(iso: string, lang: Locale): string {
  return formatMoment(iso, lang, "longDate");
}

/** A file name without directory or odd characters: "publicatie-oogst-2021.docx". */
export function publicationFileName(model: PublicationModel, extension: string): string {
  const t = translator(model.lang);
  const slug = model.harvest.slug.slice(0, 60) || "oogst";
  return `${t("publication.fileName")}-${slug}-${model.lang}.${extension}`;
}

/** Strips characters that XML 1.0 (Word) cannot carry; a pasted control character breaks a file. */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
}
