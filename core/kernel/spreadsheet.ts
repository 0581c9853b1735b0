import { posix } from "node:path";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { fromBufferPromise, type Entry, type ZipFile } from "yauzl";

/**
 * Reading an uploaded Excel workbook (.xlsx): the text of its first sheet, row by row.
 *
 * Why the limits: an .xlsx file is a zip of XML parts, and the zip only *declares* how large each
 * part unpacks; a crafted file lies. A 4 MB upload unpacked to 600,000 rows and took 22 s and
 * 1.8 GB of memory before its rows were counted. So nothing the file says about itself is trusted:
 * - only the parts needed for the first sheet's text are unpacked (yauzl, from the zip's central
 *   directory), and their bytes are counted as they inflate: past `unpacked`, inflating stops;
 * - the XML is parsed as it inflates (saxes), counting rows, cells and shared strings, and reading
 *   stops at the first one over its limit — the rest of the file is never inflated.
 * exceljs is not used for reading: its streaming reader trusts the zip's own headers, and costs
 * ten times the XML parsing itself (19 s for 60 MB of tiny shared strings; saxes alone, 2 s).
 */
export const SPREADSHEET_LIMITS = {
  /** Bytes the parts read may unpack to, together. */
  unpacked: 60 * 1024 * 1024,
  /** Entries in the zip's directory; a workbook has tens. */
  parts: 10_000,
  /** Cells, and shared strings, read in all (a legitimate import has a few hundred thousand). */
  cells: 1_000_000,
  /** Empty rows tolerated besides the caller's limit of rows with text. */
  emptyRows: 10_000,
  /** Columns kept per row; cells further right are left out. */
  columns: 256,
} as const;

/** A row as the spreadsheet numbers it (from 1) and the text of its cells, from column A. */
export type SheetRow = [rowNumber: number, cells: string[]];

type Refusal = "tooLarge" | "tooManyRows" | "unreadable";
export type SheetReading = { ok: true; rows: SheetRow[] } | { ok: false; reason: Refusal };

const refused = (reason: Refusal) => ({ ok: false, reason }) as const;

/** Whether the bytes start as a zip file does (an .xlsx file is one). */
export const isZip = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const SHARED_STRINGS = "xl/sharedStrings.xml";

/** What is left to inflate, and the refusal once something went over a limit. */
interface Reading {
  zip: ZipFile;
  entries: Map<string, Entry>;
  left: number;
  refused: Refusal | null;
}

/**
 * Inflates one part into `write`, counting its bytes. Stops as soon as `reading.refused` is set
 * (by the budget here, or by the parser's handlers) or the parser has all it needs (`enough`).
 * Returns whether the part was read to its end.
 */
async function inflate(
  reading: Reading,
  entry: Entry,
  write: (text: string) => void,
  enough: () => boolean,
): Promise<boolean> {
  const decoder = new TextDecoder();
  try {
    const stream = await reading.zip.openReadStreamPromise(entry);
    // Leaving this loop destroys the stream: nothing more of the part is inflated.
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      reading.left -= chunk.length;
      if (reading.left < 0) reading.refused = "tooLarge";
      if (reading.refused) return false;
      write(decoder.decode(chunk, { stream: true }));
      if (reading.refused || enough()) return false;
    }
    write(decoder.decode());
    return true;
  } catch {
    reading.refused ??= "unreadable";
    return false;
  }
}

/** An XML parser over a part; element names without their namespace prefix. */
function parser(
  open: (name: string, tag: SaxesTagPlain) => void,
  close: (name: string) => void,
  text: (text: string) => void,
) {
  const local = (name: string) => name.slice(name.indexOf(":") + 1);
  const xml = new SaxesParser();
  xml.on("opentag", (tag) => open(local(tag.name), tag));
  xml.on("closetag", (tag) => close(local(tag.name)));
  xml.on("text", text);
  xml.on("cdata", text);
  return xml; // without an error handler, it throws at XML that is not well-formed
}

/** Parses one part, if the workbook has it, as it inflates. */
async function parse(
  reading: Reading,
  name: string,
  handlers: Parameters<typeof parser>,
  enough = () => false,
): Promise<void> {
  const entry = reading.entries.get(name);
  if (!entry || reading.refused) return;
  const xml = parser(...handlers);
  if (!(await inflate(reading, entry, (text) => void xml.write(text), enough))) return;
  try {
    xml.close();
  } catch {
    reading.refused = "unreadable";
  }
}

/** Text as Excel escapes what XML cannot hold: `_x000D_` for a carriage return. */
const unescapeExcel = (text: string) =>
  text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * The part holding the workbook's first sheet (its first tab): the first `<sheet>` of the
 * workbook and the target of its relationship. Without those, the lowest-numbered sheet part.
 */
async function firstSheetPart(reading: Reading): Promise<string | undefined> {
  let id: string | undefined;
  await parse(reading, WORKBOOK, [
    (name, tag) => {
      if (name !== "sheet" || id !== undefined) return;
      const key = Object.keys(tag.attributes).find((k) => k.endsWith(":id"));
      id = key ? tag.attributes[key] : "";
    },
    () => {},
    () => {},
  ]);
  let target: string | undefined;
  await parse(reading, WORKBOOK_RELS, [
    (name, tag) => {
      if (name === "Relationship" && id && tag.attributes.Id === id) target = tag.attributes.Target;
    },
    () => {},
    () => {},
  ]);
  if (target) {
    const part = posix.normalize(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    if (reading.entries.has(part)) return part;
  }
  return [...reading.entries.keys()]
    .map((name) => [name, /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1]] as const)
    .filter(([, n]) => n !== undefined)
    .sort(([, a], [, b]) => Number(a) - Number(b))[0]?.[0];
}

/** The shared strings: the text of each `<si>`, its runs joined, phonetic guides left out. */
async function sharedStrings(reading: Reading): Promise<string[]> {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = 0;
  let inPhonetic = 0;
  await parse(reading, SHARED_STRINGS, [
    (name) => {
      if (name === "si") current = "";
      else if (name === "t") inText++;
      else if (name === "rPh") inPhonetic++;
    },
    (name) => {
      if (name === "t") inText--;
      else if (name === "rPh") inPhonetic--;
      else if (name === "si" && current !== null) {
        if (strings.length === SPREADSHEET_LIMITS.cells) reading.refused = "tooLarge";
        strings.push(unescapeExcel(current));
        current = null;
      }
    },
    (text) => {
      if (current !== null && inText > 0 && inPhonetic === 0) current += text;
    },
  ]);
  return strings;
}

/** A cell reference's column: "C12" is 3. */
function columnOf(ref: string | undefined): number | undefined {
  const letters = ref && /^\$?([A-Za-z]{1,3})\$?\d*$/.exec(ref)?.[1]?.toUpperCase();
  if (!letters) return undefined;
  let column = 0;
  for (const c of letters) column = column * 26 + (c.charCodeAt(0) - 64);
  return column;
}

/** A cell's text, as Excel shows it unformatted: numbers as numbers, booleans as true/false. */
function cellText(type: string, value: string | null, inline: string | null, strings: string[]) {
  switch (type) {
    case "s":
      return strings[Number.parseInt(value ?? "", 10)] ?? "";
    case "inlineStr":
      return unescapeExcel(inline ?? value ?? "");
    case "b":
      return value === null ? "" : String(Number.parseInt(value, 10) !== 0);
    case "str":
    case "e":
    case "d":
      return value ?? "";
    default: {
      if (value === null) return "";
      const number = Number.parseFloat(value);
      return Number.isFinite(number) ? String(number) : value.trim();
    }
  }
}

async function sheetRows(
  reading: Reading,
  part: string,
  strings: string[],
  maxRows: number,
): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  let rowsSeen = 0;
  let cellsSeen = 0;
  let inData = false;
  let row: { number: number; cells: string[]; column: number } | null = null;
  let lastRow = 0;
  let cell: { column: number; type: string; value: string | null; inline: string | null } | null =
    null;
  let capture: "value" | "inline" | null = null;
  let inPhonetic = 0;
  let done = false;
  const refuse = (reason: Refusal) => {
    reading.refused = reason;
    inData = false;
    row = null;
    cell = null;
  };
  await parse(
    reading,
    part,
    [
      (name, tag) => {
        if (name === "sheetData") inData = true;
        if (!inData) return;
        if (name === "row") {
          if (++rowsSeen > maxRows + SPREADSHEET_LIMITS.emptyRows) return refuse("tooManyRows");
          const r = Number.parseInt(tag.attributes.r ?? "", 10);
          lastRow = Number.isInteger(r) && r > lastRow ? r : lastRow + 1;
          row = { number: lastRow, cells: [], column: 0 };
        } else if (name === "c" && row) {
          if (++cellsSeen > SPREADSHEET_LIMITS.cells) return refuse("tooLarge");
          const column = columnOf(tag.attributes.r) ?? row.column + 1;
          row.column = column;
          cell = { column, type: tag.attributes.t ?? "n", value: null, inline: null };
        } else if (cell && name === "v") {
          cell.value = "";
          capture = "value";
        } else if (cell && name === "is") {
          cell.inline = "";
        } else if (cell && cell.inline !== null && name === "t") {
          capture = "inline";
        } else if (name === "rPh") {
          inPhonetic++;
        }
      },
      (name) => {
        if (name === "v" || name === "t") capture = null;
        else if (name === "rPh") inPhonetic--;
        else if (name === "c" && row && cell) {
          if (cell.column <= SPREADSHEET_LIMITS.columns)
            row.cells[cell.column - 1] = cellText(cell.type, cell.value, cell.inline, strings);
          cell = null;
        } else if (name === "row" && row) {
          const cells = Array.from(row.cells, (c) => c ?? "");
          if (cells.some((c) => c.trim() !== "")) {
            // The row over the limit: reading stops here, the rows after it are never parsed.
            if (rows.length === maxRows) return refuse("tooManyRows");
            rows.push([row.number, cells]);
          }
          row = null;
        } else if (name === "sheetData") {
          inData = false;
          done = true;
        }
      },
      (text) => {
        if (!cell || capture === null || inPhonetic > 0) return;
        if (capture === "value") cell.value = (cell.value ?? "") + text;
        else cell.inline = (cell.inline ?? "") + text;
      },
      // Nothing after the rows is needed: stop inflating there.
    ],
    () => done,
  );
  return rows;
}

/**
 * Reads the rows of a workbook's first sheet: at most `limits.rows` rows with text (a header
 * counts), and at the row after those reading stops with "tooManyRows". No sheet, no rows.
 */
export async function readFirstSheet(
  bytes: Uint8Array,
  limits: { rows: number },
): Promise<SheetReading> {
  let zip: ZipFile;
  try {
    zip = await fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      validateEntrySizes: false, // what the entries declare is not trusted: inflate() counts
    });
  } catch {
    return refused("unreadable");
  }
  const reading: Reading = {
    zip,
    entries: new Map(),
    left: SPREADSHEET_LIMITS.unpacked,
    refused: null,
  };
  try {
    try {
      let count = 0;
      for await (const entry of zip.eachEntry()) {
        if (++count > SPREADSHEET_LIMITS.parts) return refused("unreadable");
        if (!reading.entries.has(entry.fileName)) reading.entries.set(entry.fileName, entry);
      }
    } catch {
      return refused("unreadable");
    }
    // A workbook that declares more than the limit is refused before anything is inflated.
    const declared = (names: string[]) =>
      names.reduce((n, name) => n + (reading.entries.get(name)?.uncompressedSize ?? 0), 0);
    if (declared([WORKBOOK, WORKBOOK_RELS]) > reading.left) return refused("tooLarge");
    const part = await firstSheetPart(reading);
    if (reading.refused) return refused(reading.refused);
    if (!part) return { ok: true, rows: [] };
    if (declared([SHARED_STRINGS, part]) > reading.left) return refused("tooLarge");
    const strings = await sharedStrings(reading);
    if (reading.refused) return refused(reading.refused);
    const rows = await sheetRows(reading, part, strings, limits.rows);
    if (reading.refused) return refused(reading.refused);
    return { ok: true, rows };
  } finally {
    zip.close();
  }
}
