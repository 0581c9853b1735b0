import { UndirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { translator } from "../../i18n/index.ts";
import { SECTOR_COLOURS, COMMUNITY_COLOURS } from "./colours.ts";
import { gexfOf, graphmlOf, partiesCsv, svgOf, tiesCsv } from "./export.ts";
import { buildGraph, indexRegister } from "./graph.ts";
import { iterationsFor, layoutOf } from "./layout.ts";
import { measure } from "./measures.ts";
import type { Occasion } from "./participation.ts";

const NOW = new Date("2026-06-01T12:00:00Z");
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/**
 * A small region: two groups joined by one person (Bram) who was at a workshop with each,
 * plus a person whose name a spreadsheet would run as a formula, and one who was alone.
 */
function smallNetwork() {
  const organisations = [
    { id: id(101), name: "Gemeente Hoorn", sector: "government" },
    { id: id(102), name: "ROC Kop van Noord-Holland", sector: "mbo" },
    { id: id(103), name: "Bakkerij <De Korrel> & Zn", sector: "company" },
  ];
  const people = [
    { id: id(1), name: "Anna de Vries", organisationId: id(101), perspectives: ["policy"] },
    { id: id(2), name: "Bram Jansen", organisationId: id(102), perspectives: ["education"] },
    { id: id(3), name: "=cmd|' /C calc'!A0", organisationId: id(103), perspectives: ["work"] },
    { id: id(4), name: "Dirk Smit", organisationId: id(103), perspectives: [] },
    { id: id(5), name: "Eva Alleen", organisationId: null, perspectives: [] },
  ];
  const register = indexRegister({ people, organisations });
  const at = (day: string) => new Date(`${day}T10:00:00Z`);
  const occasions: Occasion[] = [
    { key: "e1", kind: "event", at: at("2026-03-01"), people: [0, 1], organisations: [0, 1] },
    { key: "d1", kind: "dialogue", at: at("2026-04-01"), people: [1, 2, 3], organisations: [1, 2] },
    { key: "e2", kind: "event", at: at("2026-05-01"), people: [2, 3], organisations: [2] },
    { key: "e3", kind: "event", at: at("2026-05-02"), people: [4], organisations: [] },
  ];
  const graph = buildGraph("people", occasions, [], register, NOW);
  const { nodes } = measure(graph);
  return { graph, measures: nodes };
}

const t = translator("nl");

describe("the network's files", () => {
  it("GEXF re-imports with graphology: same parties, ties, measures and positions", () => {
    const network = smallNetwork();
    const back = parseGexf(UndirectedGraph, gexfOf(network));
    expect(back.order).toBe(network.graph.order);
    expect(back.size).toBe(network.graph.size);
    expect(back.nodes().sort()).toEqual(network.graph.nodes().sort());
    const positions = layoutOf(network);
    network.graph.forEachNode((node, a) => {
      const got = back.getNodeAttributes(node);
      const m = network.measures.get(node)!;
      expect(got.label).toBe(a.label);
      expect(got.sector).toBe(a.sector);
      expect(got.contacts).toBe(a.contacts);
      expect(got.community).toBe(m.community);
      expect(got.betweenness).toBeCloseTo(m.betweenness, 6);
      expect(got.closeness).toBeCloseTo(m.closeness, 6);
      expect(got.brokerage).toBe(m.brokerage.total);
      if (m.constraint === null) expect(got.constraint).toBeUndefined();
      else expect(got.constraint).toBeCloseTo(m.constraint, 6);
      expect(got.x).toBeCloseTo(positions.get(node)!.x, 6);
      expect(got.y).toBeCloseTo(positions.get(node)!.y, 6);
      expect(String(got.color).toLowerCase()).toBe(SECTOR_COLOURS[a.sector as "mbo"].toLowerCase());
    });
    network.graph.forEachEdge((_e, a, s, tgt) => {
      const e = back.edge(s, tgt)!;
      expect(e).toBeDefined();
      expect(back.getEdgeAttribute(e, "weight")).toBeCloseTo(a.weight, 6);
      expect(back.getEdgeAttribute(e, "count")).toBe(a.count);
      expect(back.getEdgeAttribute(e, "kinds")).toBe(a.kinds.join("|"));
    });
    // The organisation's name with <, > and & survives the XML.
    expect(back.getNodeAttribute(`p:${id(3)}`, "label")).toBe("=cmd|' /C calc'!A0");
  });

  it("GraphML re-imports with graphology, typed: numbers as numbers, Gephi's colour too", () => {
    const network = smallNetwork();
    const xml = graphmlOf(network);
    const back = parseGraphml(UndirectedGraph, xml);
    expect(back.order).toBe(network.graph.order);
    expect(back.size).toBe(network.graph.size);
    const bram = `p:${id(2)}`;
    const got = back.getNodeAttributes(bram);
    const m = network.measures.get(bram)!;
    expect(got.label).toBe("Bram Jansen");
    expect(got.organisation).toBe("ROC Kop van Noord-Holland");
    expect(got.type).toBe("person");
    expect(got.contacts).toBe(3);
    expect(typeof got.betweenness).toBe("number");
    expect(got.betweenness).toBeCloseTo(m.betweenness, 6);
    expect(got.betweenness).toBeGreaterThan(0);
    expect(got.effectiveSize).toBeCloseTo(m.effectiveSize!, 6);
    expect(typeof got.x).toBe("number");
    expect(got.color).toBe(SECTOR_COLOURS.mbo.toLowerCase());
    // The lonely party has no Burt measures, so none are written (not a misleading 0).
    expect(back.getNodeAttribute(`p:${id(5)}`, "constraint")).toBeUndefined();
    network.graph.forEachEdge((_e, a, s, tgt) => {
      const e = back.edge(s, tgt)!;
      expect(back.getEdgeAttribute(e, "weight")).toBeCloseTo(a.weight, 6);
      expect(back.getEdgeAttribute(e, "count")).toBe(a.count);
    });
    expect(xml).toContain("Bakkerij &lt;De Korrel&gt; &amp; Zn");
  });

  it("CSV sheets carry Kumu's columns and guard a name a spreadsheet would run", () => {
    const network = smallNetwork();
    const read = (body: Uint8Array) =>
      parseCsv(new TextDecoder().decode(body), { delimiter: ";", bom: true }) as string[][];
    const parties = read(partiesCsv(network, { t, locale: "nl" }).body);
    expect(parties[0]!.slice(0, 5)).toEqual(["ID", "Label", "Type", "Sector", "Organisation"]);
    expect(parties[0]).toEqual(expect.arrayContaining(["Betweenness", "Constraint", "Brokerage"]));
    expect(parties).toHaveLength(1 + network.graph.order);
    const formula = parties.find((r) => r[0] === `p:${id(3)}`)!;
    expect(formula[1]).toBe("'=cmd|' /C calc'!A0");
    const bram = parties.find((r) => r[0] === `p:${id(2)}`)!;
    expect(bram[2]).toBe("Persoon");
    expect(bram[3]).toBe(t("sectors.mbo"));

    const ties = read(tiesCsv(network, { t, locale: "nl" }).body);
    expect(ties[0]!.slice(0, 6)).toEqual(["From", "To", "Weight", "Count", "Kinds", "Last"]);
    expect(ties).toHaveLength(1 + network.graph.size);
    // Every From/To is an ID of the parties sheet, so Kumu joins them.
    const ids = new Set(parties.slice(1).map((r) => r[0]));
    for (const r of ties.slice(1)) expect(ids.has(r[0]) && ids.has(r[1])).toBe(true);
    const guarded = ties.slice(1).filter((r) => r[6]?.startsWith("'=") || r[7]?.startsWith("'="));
    expect(guarded.length).toBeGreaterThan(0);
    expect(ties.slice(1).some((r) => r[4]!.includes("Dialooggroep"))).toBe(true);
  });

  it("SVG draws one circle per party, a title, and colours by community on request", () => {
    const network = smallNetwork();
    const svg = svgOf(network, { title: "Netwerk van <Noord>" });
    expect(svg.match(/<circle /g)).toHaveLength(network.graph.order);
    expect(svg.match(/<line /g)).toHaveLength(network.graph.size);
    expect(svg).toContain("<title>Netwerk van &#60;Noord&#62;</title>");
    expect(svg).toContain(SECTOR_COLOURS.mbo);
    const byCommunity = svgOf(network, { title: "x", colourBy: "community" });
    expect(COMMUNITY_COLOURS.some((c) => byCommunity.includes(c))).toBe(true);
    // One party alone still draws (graphology-svg cannot scale a single point).
    const one = new UndirectedGraph();
    one.addNode("p:x", {
      label: "Solo",
      sector: "other",
      perspectives: [],
      organisation: "",
      occasions: 1,
      contacts: 0,
      strength: 0,
    });
    expect(
      svgOf({ graph: one as never, measures: new Map() }, { title: "x" }).match(/<circle /g),
    ).toHaveLength(1);
  });

  it("lays out the same network the same way, and groups the two workshops apart", () => {
    const a = layoutOf(smallNetwork());
    const b = layoutOf(smallNetwork());
    expect([...a.entries()]).toEqual([...b.entries()]);
    for (const p of a.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    // Bounded work: a big region gets few, cheap steps; a small one many.
    expect(iterationsFor(50, 100)).toBe(300);
    expect(iterationsFor(5_000, 40_000)).toBeLessThanOrEqual(40);
  });
});
