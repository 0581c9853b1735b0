import { translator } from "../../i18n/index.ts";
import { forbidden, notFound, ok, type Result } from "../kernel/result.ts";
import { may, type RegionScope } from "../kernel/scope.ts";
import { dialoguePolicy } from "./policy.ts";
import { csvFile, xlsxFile, type Row } from "../kernel/tableFile.ts";
import { isoDay } from "../kernel/time.ts";
import { answerText, figuresOf, sessionDate, type FigureBar } from "./resultsText.ts";
import { type AnswerRecord, type QuestionResults, type SessionResults } from "./sessionResults.ts";
import { sessionResultsWithAnswers } from "./queries.ts";
import { sectorKey } from "../kernel/sectors.ts";

/**
 * The results of a session as files: every answer as CSV, answers and figures as an Excel
 * workbook, and a summary as a Word document with a chart per question. Texts are in the
 * session's language (the language its questions were asked in), dates in Dutch time.
 */

export interface ResultsFile {
  body: Uint8Array;
  contentType: string;
  /** A file name without directory, safe to put in a Content-Disposition header. */
  fileName: string;
}

type Data = { results: SessionResults; answers: AnswerRecord[] };

function fileName(results: SessionResults, extension: string): string {
  const t = translator(results.session.language);
  const title =
    results.session.title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "sessie";
  return `${t("dialogueResults.fileName")}-${title}-${isoDay(results.session.createdAt)}.${extension}`;
}

async function load(scope: RegionScope, sessionId: string): Promise<Result<Data>> {
  if (!may(scope, dialoguePolicy.exportResults)) return forbidden();
  const data = await sessionResultsWithAnswers(scope, sessionId);
  return data ? ok(data) : notFound();
}

/** One row per answer: where it was asked, by whom (if they said), and what, in plain words. */
function answerRows(data: Data): string[][] {
  const { results, answers } = data;
  const lang = results.session.language;
  const t = translator(lang);
  const byId = new Map(results.questions.map((q) => [q.question.id, q]));
  const rows: string[][] = [];
  // In the session's running order, then in the order answers came in.
  const ordered = [...answers].sort(
    (a, b) => (byId.get(a.questionId)?.index ?? 1e9) - (byId.get(b.questionId)?.index ?? 1e9),
  );
  for (const a of ordered) {
    const q = byId.get(a.questionId);
    if (!q) continue; // an answer to a question no longer in the session's copy of the template
    rows.push([
      q.theme.title[lang],
      q.question.prompt[lang],
      t(`dialogueResults.kinds.${q.question.kind}`),
      // A group's answer is the group's: its number and its members' sectors, not the scribe's.
      a.group
        ? t("dialogueResults.groupAnswer", { n: a.group.no })
        : (a.displayName ?? t("dialogueResults.anonymous")),
      a.group
        ? a.group.sectors.map((s) => t(sectorKey(s))).join(", ")
        : a.sector
          ? t(sectorKey(a.sector))
          : "",
      answerText(q.question, a.value, t, lang),
      a.hidden ? t("dialogueResults.yes") : t("dialogueResults.no"),
      a.themeLabel ?? "",
    ]);
  }
  return rows;
}

function answerHeaders(lang: "nl" | "en"): string[] {
  const t = translator(lang);
  return (
    [
      "theme",
      "question",
      "kind",
      "participant",
      "sector",
      "answer",
      "hidden",
      "themeLabel",
    ] as const
  ).map((c) => t(`dialogueResults.columns.${c}`));
}

/** Every answer as CSV, in the session's language (`csvFile`: delimiter, formulas guarded). */
export async function exportResultsCsv(
  scope: RegionScope,
  sessionId: string,
): Promise<Result<ResultsFile>> {
  const loaded = await load(scope, sessionId);
  if (!loaded.ok) return loaded;
  const lang = loaded.value.results.session.language;
  return ok({
    ...csvFile([answerHeaders(lang), ...answerRows(loaded.value)], { locale: lang }),
    fileName: fileName(loaded.value.results, "csv"),
  });
}

/** The figures of one question as rows: what was counted, the number, and the number in words. */
function figureRows(q: QuestionResults, lang: "nl" | "en"): Row[] {
  const t = translator(lang);
  const head = [
    q.theme.title[lang],
    q.question.prompt[lang],
    t(`dialogueResults.kinds.${q.question.kind}`),
  ];
  const { bars, lines } = figuresOf(q.question, q.results.all, t, lang);
  return [
    [...head, t("dialogueResults.respondents"), q.results.all.count, ""],
    ...bars.map((b) => [...head, b.label, b.value, b.text]),
    ...lines.map((line) => [...head, line, "", ""]),
  ];
}

/** Answers on one sheet, the figures of every question on another. */
export async function exportResultsXlsx(
  scope: RegionScope,
  sessionId: string,
): Promise<Result<ResultsFile>> {
  const loaded = await load(scope, sessionId);
  if (!loaded.ok) return loaded;
  const { results } = loaded.value;
  const lang = results.session.language;
  const t = translator(lang);
  const columns = (headers: string[], widths: number[]) =>
    headers.map((header, i) => ({ header, width: widths[i]! }));
  const file = await xlsxFile(
    [
      {
        name: t("dialogueResults.sheetAnswers"),
        columns: columns(answerHeaders(lang), [24, 40, 16, 20, 24, 50, 10, 24]),
        rows: answerRows(loaded.value),
      },
      {
        name: t("dialogueResults.sheetFigures"),
        columns: columns(
          [
            t("dialogueResults.columns.theme"),
            t("dialogueResults.columns.question"),
            t("dialogueResults.columns.kind"),
            t("dialogueResults.figure"),
            t("dialogueResults.count"),
            t("dialogueResults.value"),
          ],
          [24, 40, 16, 50, 10, 30],
        ),
        rows: results.questions.flatMap((q) => figureRows(q, lang)),
        filter: false,
      },
    ],
    { creator: t("app.name") },
  );
  return ok({
    ...file,
    fileName: fileName(results, "xlsx"),
  });
}

const BAR_COLUMNS = 20;
const COLOURS = { now: "01689B", desired: "A34700" } as const;

/**
 * A bar chart drawn as a table, which every word processor shows and screen readers read as
 * rows: a label, a bar of shaded cells as long as the figure (in twentieths), and the figure.
 */
async function chartTable(bars: FigureBar[]) {
  const {
    Table,
    TableRow,
    TableCell,
    Paragraph,
    TextRun,
    WidthType,
    ShadingType,
    TableLayoutType,
    BorderStyle,
  } = await import("docx");
  const labelWidth = 3400;
  const barWidth = 240;
  const valueWidth = 1400;
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const borders = { top: none, bottom: none, left: none, right: none };
  const text = (s: string) => new Paragraph({ children: [new TextRun({ text: s, size: 20 })] });
  return new Table({
    layout: TableLayoutType.FIXED,
    columnWidths: [labelWidth, ...Array(BAR_COLUMNS).fill(barWidth), valueWidth],
    width: { size: labelWidth + BAR_COLUMNS * barWidth + valueWidth, type: WidthType.DXA },
    borders: { ...borders, insideHorizontal: none, insideVertical: none },
    rows: bars.map((bar) => {
      const filled = Math.max(0, Math.min(BAR_COLUMNS, Math.round(bar.ratio * BAR_COLUMNS)));
      // A figure above zero always shows at least a sliver.
      const shown = bar.value > 0 && filled === 0 ? 1 : filled;
      const fill = COLOURS[bar.series ?? "now"];
      const cells = [
        new TableCell({
          children: [text(bar.label)],
          borders,
          width: { size: labelWidth, type: WidthType.DXA },
        }),
      ];
      if (shown > 0)
        cells.push(
          new TableCell({
            children: [new Paragraph("")],
            columnSpan: shown,
            borders,
            shading: { type: ShadingType.CLEAR, fill, color: "auto" },
          }),
        );
      if (shown < BAR_COLUMNS)
        cells.push(
          new TableCell({
            children: [new Paragraph("")],
            columnSpan: BAR_COLUMNS - shown,
            borders,
          }),
        );
      cells.push(
        new TableCell({
          children: [text(bar.text)],
          borders,
          width: { size: valueWidth, type: WidthType.DXA },
        }),
      );
      return new TableRow({ children: cells, cantSplit: true });
    }),
  });
}

/** Open answers grouped by the theme the facilitator gave them, ungrouped ones last. */
function openGroups(q: QuestionResults): { theme: string | null; texts: string[] }[] {
  const groups = new Map<string | null, string[]>();
  for (const a of q.open ?? []) {
    const key = a.theme?.trim() ? a.theme.trim() : null;
    groups.set(key, [...(groups.get(key) ?? []), a.text]);
  }
  return [...groups]
    .map(([theme, texts]) => ({ theme, texts }))
    .sort((a, b) =>
      a.theme === null ? 1 : b.theme === null ? -1 : a.theme.localeCompare(b.theme),
    );
}

/**
 * A summary to hand round after the session: title, date, participants and sectors, then per
 * question its chart, the figures in words and the open answers (without names).
 */
export async function exportResultsDocx(
  scope: RegionScope,
  sessionId: string,
): Promise<Result<ResultsFile>> {
  const loaded = await load(scope, sessionId);
  if (!loaded.ok) return loaded;
  const { results } = loaded.value;
  const lang = results.session.language;
  const t = translator(lang);
  const { Document, Packer, Paragraph, TextRun, HeadingLevel } = await import("docx");
  const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const bullet = (text: string) =>
    new Paragraph({ children: [new TextRun(text)], bullet: { level: 0 } });
  const children: (InstanceType<typeof Paragraph> | Awaited<ReturnType<typeof chartTable>>)[] = [
    new Paragraph({ text: results.session.title, heading: HeadingLevel.TITLE }),
    p(t("dialogueResults.docDate", { date: sessionDate(results.session.createdAt, lang) })),
    p(t("dialogueResults.docParticipants", { count: results.participants })),
  ];
  if (results.sectorMix.length > 0) {
    children.push(
      new Paragraph({ text: t("dialogueResults.sectorMix"), heading: HeadingLevel.HEADING_2 }),
    );
    for (const s of results.sectorMix)
      children.push(
        bullet(
          `${s.sector ? t(sectorKey(s.sector)) : t("dialogueResults.noSectorGiven")}: ${s.count}`,
        ),
      );
  }
  let theme: string | null = null;
  for (const q of results.questions) {
    if (q.theme.id !== theme) {
      theme = q.theme.id;
      children.push(new Paragraph({ text: q.theme.title[lang], heading: HeadingLevel.HEADING_1 }));
    }
    children.push(
      new Paragraph({ text: q.question.prompt[lang], heading: HeadingLevel.HEADING_2 }),
    );
    const agg = q.results.all;
    children.push(p(t("dialogueResults.answerCount", { count: agg.count })));
    if (agg.count === 0) continue;
    const { bars, lines } = figuresOf(q.question, agg, t, lang);
    if (bars.length > 0) {
      children.push(await chartTable(bars));
      children.push(p(""));
    }
    for (const line of lines.filter(
      (l) => l !== t("dialogueResults.answerCount", { count: agg.count }),
    ))
      children.push(p(line));
    if (q.question.kind === "open") {
      const groups = openGroups(q);
      for (const g of groups) {
        if (groups.length > 1 || g.theme !== null)
          children.push(
            new Paragraph({
              text: `${g.theme ?? t("dialogueResults.noTheme")} (${g.texts.length})`,
              heading: HeadingLevel.HEADING_3,
            }),
          );
        for (const text of g.texts) children.push(bullet(text));
      }
    }
  }
  children.push(p(""));
  children.push(p(t("dialogueResults.docCreatedBy")));
  const document = new Document({
    creator: t("app.name"),
    title: results.session.title,
    description: t("dialogueResults.title", { title: results.session.title }),
    sections: [{ children }],
  });
  const buffer = await Packer.toBuffer(document);
  return ok({
    body: new Uint8Array(buffer),
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    fileName: fileName(results, "docx"),
  });
}
