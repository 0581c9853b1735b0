import { DOMImplementation, XMLSerializer } from "@xmldom/xmldom";
import { UndirectedGraph } from "graphology";
import { write as writeGexf } from "graphology-gexf";
import renderSvg from "graphology-svg/renderer.js";
import { sectorKey } from "../kernel/sectors.ts";
import { csvFile, type Row, type TableFile } from "../kernel/tableFile.ts";
import type { Locale, T } from "../../i18n/index.ts";
import { communityColour, sectorColour } from "./colours.ts";
import { layoutOf, type MeasuredNetwork } from "./layout.ts";

/**
 * The network as files for other tools: GEXF and GraphML for Gephi (and anything graphology,
 * NetworkX or igraph reads), two CSV sheets shaped for Kumu, and an SVG picture drawn on the
 * server with the same positions as the map. All of them carry the same parties, ties,
 * measures and positions, from one flat "file graph".
 */

export interface FileNode {
  label: string;
  type: "person" | "organisation";
  sector: string;
  organisation: string;
  community: number;
  contacts: number;
  strength: number;
  betweenness: number;
  closeness: number;
  /** Absent (not 0) for a party without ties: Burt's measures are undefined there. */
  constraint?: number;
  effectiveSize?: number;
  brokerage: number;
  x: number;
  y: number;
  color: string;
  size: number;
}

export interface FileEdge {
  weight: number;
  count: number;
  /** The kinds of tie, separated by "|" (Kumu's separator for several values). */
  kinds: string;
  /** The last shared moment, as a date (yyyy-mm-dd). */
  last: string;
}

/**
 * XML 1.0 cannot hold most control characters, not even escaped; a name pasted from elsewhere
 * can carry one. They are dropped from every text written to GEXF and GraphML.
 */
const xmlSafe = (s: string) =>
  // eslint-disable-next-line no-control-regex -- these are the characters to drop
  s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

const round = (n: number, digits = 6) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Node size on the map and in files: grows with the square root of contacts, as area should. */
const sizeFor = (contacts: number) => round(3 + 2 * Math.sqrt(contacts), 3);

/** The network flattened for files: plain numbers and strings, positions from the layout. */
export function fileGraph(network: MeasuredNetwork): UndirectedGraph<FileNode, FileEdge> {
  const { graph, measures } = network;
  const positions = layoutOf(network);
  const out = new UndirectedGraph<FileNode, FileEdge>();
  graph.forEachNode((node, a) => {
    const m = measures.get(node);
    const p = positions.get(node) ?? { x: 0, y: 0 };
    out.addNode(node, {
      label: xmlSafe(a.label),
      type: node.startsWith("o:") ? "organisation" : "person",
      sector: a.sector,
      organisation: xmlSafe(a.organisation),
      community: m?.community ?? 0,
      contacts: a.contacts,
      strength: round(a.strength),
      betweenness: round(m?.betweenness ?? 0),
      closeness: round(m?.closeness ?? 0),
      ...(m?.constraint != null ? { constraint: round(m.constraint) } : {}),
      ...(m?.effectiveSize != null ? { effectiveSize: round(m.effectiveSize) } : {}),
      brokerage: m?.brokerage.total ?? 0,
      x: p.x,
      y: p.y,
      color: sectorColour(a.sector),
      size: sizeFor(a.contacts),
    });
  });
  graph.forEachEdge((_e, a, source, target) => {
    out.addUndirectedEdge(source, target, {
      weight: round(a.weight),
      count: a.count,
      kinds: a.kinds.join("|"),
      last: day(a.last),
    });
  });
  return out;
}

/** GEXF 1.3, Gephi's own format: positions, sizes and colours in `viz`, the rest as attributes. */
export function gexfOf(network: MeasuredNetwork): string {
  const g = fileGraph(network);
  return writeGexf(g, {
    version: "1.3",
    formatNode: (_key, a) => {
      const { label, x, y, size, color, ...attributes } = a;
      // x and y stay attributes too: a tool that reads attributes but not viz keeps the layout.
      return { label, viz: { x, y, size, color }, attributes: { ...attributes, x, y } };
    },
    formatEdge: (_key, { weight, ...attributes }) => ({
      weight,
      attributes: { weight, ...attributes },
    }),
  });
}

const GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";

type GraphmlType = "string" | "int" | "double";
const NODE_KEYS: readonly [keyof FileNode | "r" | "g" | "b", GraphmlType][] = [
  ["label", "string"],
  ["type", "string"],
  ["sector", "string"],
  ["organisation", "string"],
  ["community", "int"],
  ["contacts", "int"],
  ["strength", "double"],
  ["betweenness", "double"],
  ["closeness", "double"],
  ["constraint", "double"],
  ["effectiveSize", "double"],
  ["brokerage", "int"],
  ["x", "double"],
  ["y", "double"],
  ["size", "double"],
  // Gephi's GraphML import reads a node's colour from r, g and b.
  ["r", "int"],
  ["g", "int"],
  ["b", "int"],
];
const EDGE_KEYS: readonly [keyof FileEdge, GraphmlType][] = [
  ["weight", "double"],
  ["count", "int"],
  ["kinds", "string"],
  ["last", "string"],
];

/**
 * GraphML. graphology-graphml only parses (its writer was never released), so the document is
 * built with the DOM of @xmldom/xmldom (the XML library graphology's parsers use) and
 * serialised by it: escaping is the library's, not ours.
 */
export function graphmlOf(network: MeasuredNetwork): string {
  const g = fileGraph(network);
  const doc = new DOMImplementation().createDocument(GRAPHML_NS, "graphml", null);
  const root = doc.documentElement!;
  const el = (name: string, attrs: Record<string, string> = {}) => {
    const e = doc.createElementNS(GRAPHML_NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    return e;
  };
  // Node and edge keys share one id space in GraphML: prefixed so "weight" could be both.
  for (const [name, type] of NODE_KEYS)
    root.appendChild(
      el("key", { id: `n_${name}`, for: "node", "attr.name": name, "attr.type": type }),
    );
  for (const [name, type] of EDGE_KEYS)
    root.appendChild(
      el("key", { id: `e_${name}`, for: "edge", "attr.name": name, "attr.type": type }),
    );
  const graph = el("graph", { id: "network", edgedefault: "undirected" });
  root.appendChild(graph);
  const data = (parent: ReturnType<typeof el>, key: string, value: string | number | undefined) => {
    if (value === undefined) return;
    const d = el("data", { key });
    d.appendChild(doc.createTextNode(String(value)));
    parent.appendChild(d);
  };
  g.forEachNode((node, a) => {
    const n = el("node", { id: node });
    const rgb = {
      r: parseInt(a.color.slice(1, 3), 16),
      g: parseInt(a.color.slice(3, 5), 16),
      b: parseInt(a.color.slice(5, 7), 16),
    };
    for (const [name] of NODE_KEYS)
      data(n, `n_${name}`, name === "r" || name === "g" || name === "b" ? rgb[name] : a[name]);
    graph.appendChild(n);
  });
  let i = 0;
  g.forEachEdge((_e, a, source, target) => {
    const e = el("edge", { id: `e${i++}`, source, target });
    for (const [name] of EDGE_KEYS) data(e, `e_${name}`, a[name]);
    graph.appendChild(e);
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}

/**
 * The parties as a sheet. Column names are English on purpose: "Label", "Type", "From" and
 * "To" are the names Kumu's import requires, and the rest follow them so a sheet reads as one
 * language; the values (type, sector, kinds) are in the reader's language. "ID" first lets
 * Kumu tell apart two people with the same name (the ties sheet refers to it).
 */
export function partiesCsv(network: MeasuredNetwork, opts: { t: T; locale: Locale }): TableFile {
  const { t } = opts;
  const g = fileGraph(network);
  const rows: Row[] = [
    [
      "ID",
      "Label",
      "Type",
      "Sector",
      "Organisation",
      "Community",
      "Contacts",
      "Strength",
      "Betweenness",
      "Closeness",
      "Constraint",
      "Effective size",
      "Brokerage",
      "X",
      "Y",
    ],
  ];
  g.forEachNode((node, a) => {
    rows.push([
      node,
      a.label,
      t(`network.export.types.${a.type}`),
      t(sectorKey(a.sector)),
      a.organisation,
      a.community,
      a.contacts,
      a.strength,
      a.betweenness,
      a.closeness,
      a.constraint ?? "",
      a.effectiveSize ?? "",
      a.brokerage,
      a.x,
      a.y,
    ]);
  });
  return csvFile(rows, { locale: opts.locale });
}

/** The ties as a sheet: From and To are the parties' IDs (Kumu matches them), then the names. */
export function tiesCsv(network: MeasuredNetwork, opts: { t: T; locale: Locale }): TableFile {
  const { t } = opts;
  const g = fileGraph(network);
  const rows: Row[] = [
    ["From", "To", "Weight", "Count", "Kinds", "Last", "From label", "To label"],
  ];
  g.forEachEdge((_e, a, source, target) => {
    rows.push([
      source,
      target,
      a.weight,
      a.count,
      a.kinds
        .split("|")
        .filter(Boolean)
        .map((k) => t(`network.kinds.${k as "event"}`))
        .join("|"),
      a.last,
      g.getNodeAttribute(source, "label"),
      g.getNodeAttribute(target, "label"),
    ]);
  });
  return csvFile(rows, { locale: opts.locale });
}

const SVG_SIZE = 2048;
const SVG_MARGIN = 40;
/** Labels in the picture: the parties with most contacts (all of a small network). */
const SVG_LABELS = 60;

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The map as an SVG picture (graphology-svg), drawn on the server with the map's positions, so
 * it needs no JavaScript. Coloured by sector or community; the title names the network for
 * screen readers and file browsers.
 */
export function svgOf(
  network: MeasuredNetwork,
  opts: { title: string; colourBy?: "sector" | "community" },
): string {
  const g = fileGraph(network);
  const colourBy = opts.colourBy ?? "sector";
  const title = `<title>${escapeXml(xmlSafe(opts.title))}</title>`;
  if (g.order <= 1) {
    // graphology-svg scales by the spread of the positions, which one party does not have.
    const circles = g.mapNodes(
      (_n, a) =>
        `<circle cx="512" cy="512" r="12" fill="${a.color}" /><text x="530" y="516" font-family="sans-serif" font-size="14">${escapeXml(a.label)}</text>`,
    );
    return `<?xml version="1.0" encoding="utf-8"?><svg width="1024" height="1024" viewBox="0 0 1024 1024" version="1.1" xmlns="http://www.w3.org/2000/svg">${title}<rect width="1024" height="1024" fill="#ffffff" />${circles.join("")}</svg>`;
  }
  // Sizes in pixels of the 2048-pixel picture, turned into layout units (the renderer scales
  // positions and sizes alike): small dots when there are many parties, so they do not cover
  // each other; a label only for the best-connected, or the picture is a block of text.
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity,
    maxContacts = 0;
  g.forEachNode((_n, a) => {
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
    maxContacts = Math.max(maxContacts, a.contacts);
  });
  const unit = Math.max(maxX - minX, maxY - minY, 1) / (SVG_SIZE - 2 * SVG_MARGIN);
  const many = g.order > 200;
  const [minPx, maxPx] = many ? [2, 12] : [6, 24];
  const labelled = new Set(
    g
      .nodes()
      .sort((a, b) => g.getNodeAttribute(b, "contacts") - g.getNodeAttribute(a, "contacts"))
      .slice(0, SVG_LABELS),
  );
  const svg = renderSvg(g, {
    width: SVG_SIZE,
    height: SVG_SIZE,
    margin: SVG_MARGIN,
    font: "sans-serif",
    nodes: {
      defaultColor: "#6B6B6B",
      // Only what the renderer reads: its own "type" is the shape, not ours (person, organisation).
      reducer: (_settings, node, a) => ({
        // The renderer writes the node's id where a label is empty; a space writes nothing.
        label: labelled.has(node) ? a.label : " ",
        x: a.x,
        y: a.y,
        color: colourBy === "community" ? communityColour(a.community) : a.color,
        size:
          unit *
          (minPx + (maxPx - minPx) * (maxContacts > 0 ? Math.sqrt(a.contacts / maxContacts) : 0)),
      }),
    },
    edges: {
      defaultColor: "#c8c8c8",
      reducer: () => ({ size: many ? 0.3 : 1 }),
    },
  });
  return svg.replace(
    /<svg([^>]*)>/,
    `<svg$1>${title}<rect width="100%" height="100%" fill="#ffffff" />`,
  );
}
