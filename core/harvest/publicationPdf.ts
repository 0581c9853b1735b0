import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { translator } from "../../i18n/index.ts";
import { imageSize } from "./imageSize.ts";
import type { PublicationLook, PublicationModel } from "./publication.ts";
import {
  figureCharts,
  paragraphs,
  publicationDate,
  sectorLabel,
  themeSectorChart,
  type Chart,
} from "./publicationText.ts";

/**
 * The publication as a tagged PDF (headings, paragraphs, lists and tables in the structure tree,
 * decoration and page numbers as artifacts, bookmarks per heading, the document's language set)
 * with DejaVu Sans embedded, which covers Dutch diacritics and far beyond. Same content as the
 * Word document; pdfkit writes it without a browser or native code.
 */

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

let fonts: { regular: Buffer; bold: Buffer; oblique: Buffer } | null = null;

function loadFonts() {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const file = (name: string) =>
      readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`));
    fonts = {
      regular: file("DejaVuSans"),
      bold: file("DejaVuSans-Bold"),
      oblique: file("DejaVuSans-Oblique"),
    };
  }
  return fonts;
}

const MARGIN = 56;
const INK = "#1a1a1a";
const MUTED = "#545454"; // 7.4:1 on white

type StructOptions = Parameters<Doc["struct"]>[1];

/** A structure element whose content `draw` writes; pdfkit also takes `scope` for table headers. */
function el(doc: Doc, tag: string, options: Record<string, string>, draw: () => void): Struct {
  return doc.struct(tag, options as StructOptions, draw);
}

const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

class Writer {
  readonly doc: Doc;
  readonly root: Struct;
  readonly color: string;
  private readonly outlines: PDFKit.PDFOutline[] = [];

  constructor(doc: Doc, color: string) {
    this.doc = doc;
    this.color = color;
    this.root = doc.struct("Document");
    doc.addStructure(this.root);
  }

  get width() {
    return this.doc.page.width - 2 * MARGIN;
  }

  get bottom() {
    return this.doc.page.height - MARGIN;
  }

  /** A new page when less than `needed` points are left on this one. */
  room(needed: number) {
    if (this.doc.y + needed > this.bottom) this.doc.addPage();
  }

  heading(level: 1 | 2 | 3, text: string, opts: { newPage?: boolean } = {}) {
    const { doc } = this;
    const size = level === 1 ? 20 : level === 2 ? 15 : 12;
    if (opts.newPage) doc.addPage();
    else this.room(size * 4);
    if (doc.y > MARGIN) doc.moveDown(level === 1 ? 0.8 : 0.5);
    // Bookmarks mirror the headings: H1 at the top level, H2 beneath it.
    if (level === 1) this.outlines[1] = doc.outline.addItem(text);
    else if (level === 2) (this.outlines[1] ?? doc.outline).addItem(text);
    this.root.add(
      el(doc, `H${level}`, {}, () => {
        doc
          .font("Sans-Bold")
          .fontSize(size)
          .fillColor(this.color)
          .text(text, MARGIN, doc.y, { width: this.width });
      }),
    );
    doc.moveDown(0.3);
    doc.font("Sans").fontSize(10.5).fillColor(INK);
  }

  para(text: string, opts: { size?: number; color?: string; font?: string; gap?: number } = {}) {
    const { doc } = this;
    this.root.add(
      el(doc, "P", {}, () => {
        doc
          .font(opts.font ?? "Sans")
          .fontSize(opts.size ?? 10.5)
          .fillColor(opts.color ?? INK)
          .text(text, MARGIN, doc.y, { width: this.width, lineGap: 2 });
      }),
    );
    doc.moveDown(opts.gap ?? 0.5);
    doc.font("Sans").fontSize(10.5).fillColor(INK);
  }

  quote(text: string) {
    const { doc } = this;
    this.room(30);
    const top = doc.y;
    const indent = 16;
    this.root.add(
      el(doc, "BlockQuote", {}, () => {
        doc
          .font("Sans-Oblique")
          .fontSize(10.5)
          .fillColor(INK)
          .text(`“${text}”`, MARGIN + indent, doc.y, { width: this.width - indent, lineGap: 2 });
      }),
    );
    // The bar beside the quote is decoration; on a page break it marks the part on this page.
    const bottom = doc.y;
    if (bottom > top) this.artifact(() => doc.rect(MARGIN, top, 3, bottom - top).fill(this.color));
    doc.moveDown(0.5);
    doc.font("Sans").fillColor(INK);
  }

  artifact(draw: () => void) {
    const { doc } = this;
    doc.markContent("Artifact", { type: "Layout" });
    doc.save();
    draw();
    doc.restore();
    doc.endMarkedContent();
  }

  /**
   * A chart as a table: per row the label (row header), a drawn bar (an artifact) and the figure.
   * A screen reader reads the rows; a sighted reader sees the bars.
   */
  chart(chart: Chart) {
    const { doc } = this;
    const labelWidth = this.width * 0.38;
    const valueWidth = 80;
    const barX = MARGIN + labelWidth + 8;
    const barMax = this.width - labelWidth - valueWidth - 16;
    doc.font("Sans").fontSize(9.5);
    this.room(40);
    const table = doc.struct("Table", { title: chart.caption, alt: chart.summary });
    this.root.add(table);
    table.add(
      el(doc, "Caption", {}, () => {
        doc
          .font("Sans-Bold")
          .fontSize(10)
          .fillColor(INK)
          .text(chart.caption, MARGIN, doc.y, { width: this.width });
      }),
    );
    doc.moveDown(0.3);
    for (const bar of chart.bars) {
      doc.font("Sans").fontSize(9.5);
      const height = Math.max(14, doc.heightOfString(bar.label, { width: labelWidth }));
      this.room(height + 4);
      const y = doc.y;
      const row = doc.struct("TR");
      table.add(row);
      row.add(
        el(doc, "TH", { scope: "Row" }, () => {
          doc.fillColor(INK).text(bar.label, MARGIN, y, { width: labelWidth });
        }),
      );
      const w = bar.count > 0 ? Math.max(2, bar.ratio * barMax) : 0;
      if (w > 0) this.artifact(() => doc.rect(barX, y + 2, w, 10).fill(this.color));
      row.add(
        el(doc, "TD", {}, () => {
          doc
            .fillColor(INK)
            .text(`${bar.count} (${bar.percent}%)`, barX + barMax + 8, y, { width: valueWidth });
        }),
      );
      row.end();
      doc.y = y + height + 4;
    }
    table.end();
    doc.x = MARGIN;
    doc.moveDown(0.8);
  }

  /** Page numbers at the foot of every page but the title page, as pagination artifacts. */
  footers(title: string, pageLabel: (n: number) => string) {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start + 1; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent("Artifact", { type: "Pagination" });
      doc
        .font("Sans")
        .fontSize(8.5)
        .fillColor(MUTED)
        .text(`${title} · ${pageLabel(i + 1)}`, MARGIN, doc.page.height - MARGIN + 20, {
          width: this.width,
          align: "right",
          lineBreak: false,
        });
      doc.endMarkedContent();
      doc.page.margins.bottom = bottomMargin;
    }
  }
}

function titlePage(w: Writer, model: PublicationModel, look: PublicationLook) {
  const { doc } = w;
  const t = translator(model.lang);
  let top = MARGIN;
  if (look.logo) {
    const size = imageSize(look.logo.data);
    if (size) {
      const height = 56;
      const width = Math.min(220, (size.width / size.height) * height);
      const logo = el(doc, "Figure", { alt: look.regionName }, () => {
        doc.image(Buffer.from(look.logo!.data), MARGIN, MARGIN, { fit: [width, height] });
      });
      w.root.add(logo);
      top = MARGIN + height + 24;
    }
  }
  const bandHeight = 300;
  w.artifact(() => doc.rect(0, top, doc.page.width, bandHeight).fill(w.color));
  doc.y = top + 48;
  // The region's colour keeps 4.5:1 with white (core/regions/look.ts).
  w.root.add(
    el(doc, "P", {}, () => {
      doc.font("Sans").fontSize(14).fillColor("#ffffff").text(model.region.name, MARGIN, doc.y, {
        width: w.width,
      });
    }),
  );
  doc.moveDown(1.2);
  doc.outline.addItem(model.title);
  w.root.add(
    el(doc, "H1", {}, () => {
      doc.font("Sans-Bold").fontSize(28).fillColor("#ffffff").text(model.title, MARGIN, doc.y, {
        width: w.width,
      });
    }),
  );
  doc.moveDown(1);
  w.root.add(
    el(doc, "P", {}, () => {
      doc
        .font("Sans")
        .fontSize(12)
        .fillColor("#ffffff")
        .text(publicationDate(model.date, model.lang), MARGIN, doc.y, { width: w.width });
    }),
  );
  doc.y = top + bandHeight + 24;
  w.para(t("publication.madeBy"), { color: MUTED, size: 9.5 });
}

export async function buildPublicationPdf(
  model: PublicationModel,
  look: PublicationLook,
): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const t = translator(model.lang);
  const f = loadFonts();
  const color = /^#[0-9a-f]{6}$/i.test(look.color) ? look.color : "#01689b";
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    tagged: true,
    pdfVersion: "1.7",
    lang: model.lang === "nl" ? "nl-NL" : "en-GB",
    displayTitle: true,
    info: { Title: model.title, Author: model.region.name, Creator: t("publication.madeBy") },
  });
  // Registered under their own names and always chosen by them: pdfkit caches a font by the
  // name it was chosen with, so a font given as bytes would be parsed again at every switch.
  doc.registerFont("Sans", f.regular);
  doc.registerFont("Sans-Bold", f.bold);
  doc.registerFont("Sans-Oblique", f.oblique);
  doc.font("Sans");
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const w = new Writer(doc, color);
  titlePage(w, model, look);

  if (model.introduction.trim()) {
    w.heading(1, t("publication.introduction"), { newPage: true });
    for (const para of paragraphs(model.introduction)) w.para(para);
  }

  w.heading(1, t("publication.figures"), { newPage: !model.introduction.trim() });
  w.para(
    t("publication.figuresLine", {
      count: model.figures.total,
      sources: model.figures.sources,
      themed: model.figures.themed,
    }),
  );
  for (const chart of figureCharts(model)) if (chart.bars.length > 0) w.chart(chart);

  if (model.themes.length > 0) w.heading(1, t("publication.themes"), { newPage: true });
  model.themes.forEach((theme, i) => {
    w.heading(2, theme.label);
    if (theme.strategicTheme)
      w.para(t("publication.strategicTheme", { name: theme.strategicTheme }), {
        font: "Sans-Oblique",
        color: MUTED,
      });
    w.para(t("publication.themeCount", { count: theme.count }), { color: MUTED, size: 9.5 });
    for (const para of paragraphs(theme.summary)) w.para(para);
    if (theme.quotes.length > 0) {
      w.heading(3, t("publication.quotes"));
      for (const q of theme.quotes) w.quote(q.text);
    }
    if (theme.sectorMix.length > 0) w.chart(themeSectorChart(model, i));
  });

  w.heading(1, t("publication.appendix"), { newPage: true });
  w.para(t("publication.appendixIntro"));
  if (model.appendix.length === 0) w.para(t("publication.noContributions"));
  const kinds = new Map<string, string>();
  const sectors = new Map<string | null, string>();
  for (const group of model.appendix) {
    w.heading(2, `${group.label || t("publication.unthemed")} (${group.contributions.length})`);
    const list = doc.struct("L");
    w.root.add(list);
    let n = 0;
    for (const c of group.contributions) {
      let kind = kinds.get(c.kind);
      if (kind === undefined) kinds.set(c.kind, (kind = t(`publication.kinds.${c.kind}`)));
      let sector = sectors.get(c.sector);
      if (sector === undefined) sectors.set(c.sector, (sector = sectorLabel(t, c.sector)));
      const meta = [kind, sector, c.source].filter(Boolean).join(" · ");
      w.room(30);
      const item = doc.struct("LI");
      list.add(item);
      item.add(
        el(doc, "LBody", {}, () => {
          doc
            .font("Sans")
            .fontSize(10)
            .fillColor(INK)
            .text(c.text, MARGIN, doc.y, { width: w.width, lineGap: 1 });
          doc
            .font("Sans")
            .fontSize(8.5)
            .fillColor(MUTED)
            .text(meta, MARGIN, doc.y, { width: w.width });
        }),
      );
      item.end();
      doc.moveDown(0.45);
      // Keep the process answering other requests while a long appendix is written.
      if (++n % 500 === 0) await yieldTurn();
    }
    list.end();
  }

  w.footers(model.title, (page) => t("publication.page", { page }));
  w.root.end();
  doc.end();
  return done;
}
