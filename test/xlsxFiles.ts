import { constants, deflateRawSync } from "node:zlib";

/**
 * Hand-made .xlsx files for tests of what an upload may do: a zip written here, so that a test
 * can make it lie about sizes, and can hold hundreds of MB of XML in a few hundred kB.
 */

export interface ZipPart {
  name: string;
  /** Raw deflate data; see `deflated` and `deflatedRepeat`. */
  data: Buffer;
  /** The unpacked size written in the local header and the central directory. */
  size: number;
}

/** A part deflated from its text, declaring its true size unless told otherwise. */
export function deflated(name: string, text: string, size?: number): ZipPart {
  return { name, data: deflateRawSync(text), size: size ?? Buffer.byteLength(text) };
}

/**
 * A part whose text is `head`, then `block` `times` times, then `tail`, deflated without ever
 * building that text: each piece is a complete deflate stream flushed to a byte boundary, and
 * the block's is repeated.
 */
export function deflatedRepeat(
  name: string,
  { head, block, times, tail }: { head: string; block: string; times: number; tail: string },
  size?: number,
): ZipPart {
  const flushed = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const once = deflateRawSync(block, flushed);
  const data = Buffer.concat([
    deflateRawSync(head, flushed),
    ...Array.from({ length: times }, () => once),
    deflateRawSync(tail),
  ]);
  const trueSize =
    Buffer.byteLength(head) + Buffer.byteLength(block) * times + Buffer.byteLength(tail);
  return { name, data, size: size ?? trueSize };
}

/** A zip file of the parts, deflated; the CRCs are left 0 (no reader here checks them). */
export function zipOf(parts: ZipPart[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // names in UTF-8
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(0x21, 12); // 1980-01-01
    header.writeUInt32LE(part.data.length, 18);
    header.writeUInt32LE(part.size, 22);
    header.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by
    entry.writeUInt16LE(20, 6); // version needed
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(part.size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    local.push(header, name, part.data);
    central.push(entry, name);
    offset += header.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, directory, end]));
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/** The start and the end of a sheet part, around its rows; and of a shared strings part. */
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${DOC}"><sheetData>`;
export const SHEET_TAIL = "</sheetData></worksheet>";
export const STRINGS_HEAD = `<sst xmlns="${MAIN}">`;
export const STRINGS_TAIL = "</sst>";

/**
 * A workbook with these sheets (tabs in this order, each `[part name, sheet part]`) and shared
 * strings (or a part of them); a sheet given as text is deflated here.
 */
export function xlsxOf({
  sheets,
  strings = [],
}: {
  sheets: [string, string | ZipPart][];
  strings?: string[] | ZipPart;
}): Uint8Array {
  const overrides = sheets
    .map(([name]) => `<Override PartName="/${name}" ContentType="${TYPES}.worksheet+xml"/>`)
    .join("");
  return zipOf([
    deflated(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${TYPES}.sheet.main+xml"/>${overrides}<Override PartName="/xl/sharedStrings.xml" ContentType="${TYPES}.sharedStrings+xml"/></Types>`,
    ),
    deflated(
      "_rels/.rels",
      `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflated(
      "xl/workbook.xml",
      `<workbook xmlns="${MAIN}" xmlns:r="${DOC}"><sheets>${sheets
        .map((_, i) => `<sheet name="Blad${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("")}</sheets></workbook>`,
    ),
    deflated(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="${RELS}">${sheets
        .map(
          ([name], i) =>
            `<Relationship Id="rId${i + 1}" Type="${DOC}/worksheet" Target="${name.replace(/^xl\//, "")}"/>`,
        )
        .join(
          "",
        )}<Relationship Id="rId${sheets.length + 1}" Type="${DOC}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    ...[...sheets]
      .reverse() // the parts in another order than the tabs
      .map(([name, sheet]) =>
        typeof sheet === "string" ? deflated(name, sheet) : { ...sheet, name },
      ),
    Array.isArray(strings)
      ? deflated(
          "xl/sharedStrings.xml",
          `<sst xmlns="${MAIN}">${strings
            .map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`)
            .join("")}</sst>`,
        )
      : { ...strings, name: "xl/sharedStrings.xml" },
  ]);
}

/** A sheet part of rows of inline strings, numbered from 1. */
export function sheetOf(rows: string[][]): string {
  const body = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells
          .map((c) => `<c t="inlineStr"><is><t>${esc(c)}</t></is></c>`)
          .join("")}</row>`,
    )
    .join("");
  return `${SHEET_HEAD}${body}${SHEET_TAIL}`;
}
