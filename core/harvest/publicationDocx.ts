import type { Paragraph as ParagraphType, Table as TableType } from "docx";
import { translator } from "../../i18n/index.ts";
import type { PublicationContribution, PublicationLook, PublicationModel } from "./publication.ts";
import type { Kind } from "./types.ts";
import {
  figureCharts,
  paragraphs,
  publicationDate,
  sectorLabel,
  themeSectorChart,
  xmlSafe,
  type Chart,
} from "./publicationText.ts";
import { imageSize } from "./imageSize.ts";

/**
 * The publication as a Word document the organiser can go on editing: a title page in the
 * region's colour, real Word headings (so the navigation pane and a table of contents work),
 * charts as tables with shaded cells (they survive every word processor and read as rows), and
 * the appendix as a table whose header row repeats on every page.
 */

const BAR_COLUMNS = 20;
const PAGE_WIDTH = 9000; // twentieths of a point inside A4's default margins

type Block = ParagraphType | TableType;
type Docx = typeof import("docx");

function hex(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color.slice(1).toUpperCase() : "01689B";
}

function chartTable(d: Docx, chart: Chart, color: string): TableType {
  const labelWidth = 2800;
  const barWidth = 220;
  const valueWidth = PAGE_WIDTH - labelWidth - BAR_COLUMNS * barWidth;
  const none = { style: d.BorderStyle.NONE, size: 0, color: "FFFFFF" };
  // White rules above and below every cell keep the bars of adjacent rows apart.
  const gap = { style: d.BorderStyle.SINGLE, size: 18, color: "FFFFFF" };
  const borders = { top: gap, bottom: gap, left: none, right: none };
  const text = (s: string, bold = false) =>
    new d.Paragraph({
      style: "Cell",
      children: [new d.TextRun({ text: xmlSafe(s), size: 20, bold })],
    });
  // The caption spans the table: a heading row that Word repeats when the chart breaks a page.
  const header = new d.TableRow({
    tableHeader: true,
    children: [
      new d.TableCell({
        children: [text(chart.caption, true)],
        borders,
        columnSpan: BAR_COLUMNS + 2,
      }),
    ],
  });
  return new d.Table({
    layout: d.TableLayoutType.FIXED,
    columnWidths: [labelWidth, ...Array<number>(BAR_COLUMNS).fill(barWidth), valueWidth],
    width: { size: PAGE_WIDTH, type: d.WidthType.DXA },
    borders: { ...borders, insideHorizontal: none, insideVertical: none },
    rows: [
      header,
      ...chart.bars.map((bar) => {
        const filled = Math.max(0, Math.min(BAR_COLUMNS, Math.round(bar.ratio * BAR_COLUMNS)));
        const shown = bar.count > 0 && filled === 0 ? 1 : filled;
        const cells = [new d.TableCell({ children: [text(bar.label)], borders })];
        if (shown > 0)
          cells.push(
            new d.TableCell({
              children: [new d.Paragraph("")],
              columnSpan: shown,
              borders,
              shading: { type: d.ShadingType.CLEAR, fill: color, color: "auto" },
            }),
          );
        if (shown < BAR_COLUMNS)
          cells.push(
            new d.TableCell({
              children: [new d.Paragraph("")],
              columnSpan: BAR_COLUMNS - shown,
              borders,
            }),
          );
        cells.push(
          new d.TableCell({ children: [text(`${bar.count} (${bar.percent}%)`)], borders }),
        );
        return new d.TableRow({ children: cells, cantSplit: true });
      }),
    ],
  });
}

function titlePage(d: Docx, model: PublicationModel, look: PublicationLook, color: string) {
  const t = translator(model.lang);
  const blocks: Block[] = [];
  if (look.logo) {
    const size = imageSize(look.logo.data);
    if (size) {
      const height = 80;
      const width = Math.min(300, Math.round((size.width / size.height) * height));
      blocks.push(
        new d.Paragraph({
          spacing: { after: 400 },
          children: [
            new d.ImageRun({
              type: look.logo.type,
              data: look.logo.data,
              transformation: { width, height: Math.round((size.height / size.width) * width) },
              altText: { name: "logo", title: look.regionName, description: look.regionName },
            }),
          ],
        }),
      );
    }
  }
  const white = (text: string, size: number, bold = false) =>
    new d.TextRun({ text: xmlSafe(text), color: "FFFFFF", size, bold });
  const none = { style: d.BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const borders = { top: none, bottom: none, left: none, right: none };
  // The region's colour keeps 4.5:1 with white (core/regions/look.ts), so white text reads.
  blocks.push(
    new d.Table({
      width: { size: PAGE_WIDTH, type: d.WidthType.DXA },
      columnWidths: [PAGE_WIDTH],
      borders: { ...borders, insideHorizontal: none, insideVertical: none },
      rows: [
        new d.TableRow({
          children: [
            new d.TableCell({
              borders,
              shading: { type: d.ShadingType.CLEAR, fill: color, color: "auto" },
              margins: { top: 600, bottom: 600, left: 400, right: 400 },
              children: [
                new d.Paragraph({ children: [white(model.region.name, 28)] }),
                new d.Paragraph({
                  heading: d.HeadingLevel.TITLE,
                  spacing: { before: 400, after: 400 },
                  children: [white(model.title, 56, true)],
                }),
                new d.Paragraph({ children: [white(publicationDate(model.date, model.lang), 24)] }),
              ],
            }),
          ],
        }),
      ],
    }),
    new d.Paragraph({
      spacing: { before: 400 },
      children: [new d.TextRun({ text: t("publication.madeBy"), size: 20 })],
    }),
  );
  return blocks;
}

function appendixTable(d: Docx, model: PublicationModel, rows: PublicationContribution[]) {
  const t = translator(model.lang);
  const widths = [4100, 1100, 1900, 1900];
  // One style for every cell keeps the XML of ten thousand rows small.
  const cell = (text: string, bold = false) =>
    new d.TableCell({
      children: [
        new d.Paragraph({
          style: "Cell",
          children: [
            bold ? new d.TextRun({ text: xmlSafe(text), bold }) : new d.TextRun(xmlSafe(text)),
          ],
        }),
      ],
    });
  const kinds = new Map<string, string>();
  const kindOf = (k: string) => {
    let label = kinds.get(k);
    if (label === undefined) kinds.set(k, (label = t(`publication.kinds.${k as Kind}`)));
    return label;
  };
  const sectors = new Map<string | null, string>();
  const sectorOf = (s: string | null) => {
    let label = sectors.get(s);
    if (label === undefined) sectors.set(s, (label = sectorLabel(t, s)));
    return label;
  };
  return new d.Table({
    width: { size: PAGE_WIDTH, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    rows: [
      new d.TableRow({
        tableHeader: true,
        children: (["text", "kind", "sector", "source"] as const).map((c) =>
          cell(t(`publication.columns.${c}`), true),
        ),
      }),
      ...rows.map(
        (c) =>
          new d.TableRow({
            children: [
              cell(c.text),
              cell(kindOf(c.kind)),
              cell(sectorOf(c.sector)),
              cell(c.source || t("publication.noSource")),
            ],
          }),
      ),
    ],
  });
}

/** Gives the event loop a turn: a large document is built in slices, not in one block. */
const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function buildPublicationDocx(
  model: PublicationModel,
  look: PublicationLook,
): Promise<Buffer> {
  const d = await import("docx");
  const t = translator(model.lang);
  const color = hex(look.color);
  const p = (text: string) => new d.Paragraph({ children: [new d.TextRun(xmlSafe(text))] });
  const heading = (text: string, level: (typeof d.HeadingLevel)[keyof typeof d.HeadingLevel]) =>
    new d.Paragraph({ heading: level, children: [new d.TextRun(xmlSafe(text))] });

  const body: Block[] = [];
  if (model.introduction.trim()) {
    body.push(heading(t("publication.introduction"), d.HeadingLevel.HEADING_1));
    for (const para of paragraphs(model.introduction)) body.push(p(para));
  }

  body.push(heading(t("publication.figures"), d.HeadingLevel.HEADING_1));
  body.push(
    p(
      t("publication.figuresLine", {
        count: model.figures.total,
        sources: model.figures.sources,
        themed: model.figures.themed,
      }),
    ),
  );
  for (const chart of figureCharts(model)) {
    if (chart.bars.length === 0) continue;
    body.push(chartTable(d, chart, color), p(""));
  }

  if (model.themes.length > 0)
    body.push(heading(t("publication.themes"), d.HeadingLevel.HEADING_1));
  model.themes.forEach((theme, i) => {
    body.push(heading(theme.label, d.HeadingLevel.HEADING_2));
    if (theme.strategicTheme)
      body.push(
        new d.Paragraph({
          children: [
            new d.TextRun({
              text: xmlSafe(t("publication.strategicTheme", { name: theme.strategicTheme })),
              italics: true,
            }),
          ],
        }),
      );
    body.push(p(t("publication.themeCount", { count: theme.count })));
    for (const para of paragraphs(theme.summary)) body.push(p(para));
    if (theme.quotes.length > 0) {
      body.push(heading(t("publication.quotes"), d.HeadingLevel.HEADING_3));
      for (const q of theme.quotes)
        body.push(
          new d.Paragraph({
            style: "Quote",
            children: [new d.TextRun({ text: xmlSafe(`“${q.text}”`), italics: true })],
          }),
        );
    }
    if (theme.sectorMix.length > 0) body.push(chartTable(d, themeSectorChart(model, i), color));
  });

  const appendix: Block[] = [
    new d.Paragraph({
      heading: d.HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new d.TextRun(t("publication.appendix"))],
    }),
    p(t("publication.appendixIntro")),
  ];
  if (model.appendix.length === 0) appendix.push(p(t("publication.noContributions")));
  for (const group of model.appendix) {
    appendix.push(
      heading(
        `${group.label || t("publication.unthemed")} (${group.contributions.length})`,
        d.HeadingLevel.HEADING_2,
      ),
    );
    appendix.push(appendixTable(d, model, group.contributions));
    await yieldTurn();
  }

  const headingRun = { color, bold: true, font: "Calibri" };
  const document = new d.Document({
    // The region made it and is the last to have changed it (else Word shows "Un-named"); the
    // language of every run is the publication's, so Word's spelling and a screen reader follow it.
    creator: model.region.name,
    lastModifiedBy: model.region.name,
    title: model.title,
    description: t("publication.madeBy"),
    styles: {
      default: {
        document: {
          run: {
            font: "Calibri",
            size: 22,
            language: { value: model.lang === "en" ? "en-GB" : "nl-NL" },
          },
          paragraph: { spacing: { after: 120 } },
        },
        title: { run: { ...headingRun, size: 56 } },
        heading1: {
          run: { ...headingRun, size: 36 },
          paragraph: { spacing: { before: 360, after: 160 } },
        },
        heading2: {
          run: { ...headingRun, size: 28 },
          paragraph: { spacing: { before: 280, after: 120 } },
        },
        heading3: {
          run: { ...headingRun, size: 24 },
          paragraph: { spacing: { before: 200, after: 80 } },
        },
      },
      paragraphStyles: [
        {
          id: "Cell",
          name: "Table cell",
          basedOn: "Normal",
          run: { size: 18 },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
        {
          id: "Quote",
          name: "Quote",
          basedOn: "Normal",
          next: "Normal",
          run: { italics: true },
          paragraph: {
            indent: { left: 560 },
            spacing: { before: 80, after: 80 },
            border: { left: { style: d.BorderStyle.SINGLE, size: 12, color, space: 8 } },
          },
        },
      ],
    },
    sections: [
      { children: titlePage(d, model, look, color) },
      {
        footers: {
          default: new d.Footer({
            children: [
              new d.Paragraph({
                alignment: d.AlignmentType.RIGHT,
                children: [
                  new d.TextRun({ text: xmlSafe(`${model.title} · `), size: 18 }),
                  new d.TextRun({ children: [d.PageNumber.CURRENT], size: 18 }),
                ],
              }),
            ],
          }),
        },
        children: [...body, ...appendix],
      },
    ],
  });
  return d.Packer.toBuffer(document);
}
