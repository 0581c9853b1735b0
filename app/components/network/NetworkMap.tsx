import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
} from "react";
import type Graph from "graphology";
import type Sigma from "sigma";
import { sectorKey, SECTORS } from "../../../core/kernel/sectors.ts";
import { useT } from "../../lib/i18n.ts";
import "./NetworkMap.css";

/** What map.json sends (app/routes/manage/network/map-json.ts). */
interface MapNode {
  id: string;
  label: string;
  sector: string;
  community: number;
  x: number;
  y: number;
  contacts: number;
  strength: number;
  betweenness: number;
  closeness: number;
  brokerage: number;
}
interface MapData {
  tooBig: boolean;
  parties: number;
  ties: number;
  nodes: MapNode[];
  edges: { source: string; target: string; weight: number; kinds: string[] }[];
  sectors: Record<string, string>;
  communities: string[];
}

const COLOUR_BY = ["sector", "community"] as const;
type ColourBy = (typeof COLOUR_BY)[number];
const SIZE_BY = ["contacts", "strength", "betweenness"] as const;
type SizeBy = (typeof SIZE_BY)[number];

/** Parties not near the focused one: light enough to recede, still there for context. */
const DIMMED = "#e4e4e4";
const MIN_SIZE = 2.5;
const MAX_SIZE = 12;

const noSubscription = () => () => {};

export interface NetworkMapProps {
  /** map.json with the page's query string (level, period, kinds, challenge). */
  dataUrl: string;
  /** A node id ("p:<uuid>" / "o:<uuid>") to focus once the map is drawn. */
  focus?: string;
}

/**
 * The interactive network map: sigma.js (WebGL) on graphology, with positions computed on the
 * server. Sigma and graphology are loaded with import() inside an effect, so they never run on
 * the server and only this page's visitors download them. Everything the map shows is also in
 * the page's tables (the accessible alternative), so the canvas is one labelled image; the
 * controls, the search and the legend are ordinary HTML and work from the keyboard.
 */
export function NetworkMap({ dataUrl, focus }: NetworkMapProps) {
  const t = useT();
  const id = useId();
  const container = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma | null>(null);
  const graph = useRef<Graph | null>(null);
  const focused = useRef<{ node: string; neighbours: Set<string> } | null>(null);
  // What was loaded, for which address: another query string is "loading" until its own arrives.
  const [loaded, setLoaded] = useState<{
    url: string;
    status: "ready" | "failed" | "tooBig";
    data: MapData | null;
  } | null>(null);
  const status = loaded?.url === dataUrl ? loaded.status : "loading";
  const data = loaded?.url === dataUrl ? loaded.data : null;
  const [colourBy, setColourBy] = useState<ColourBy>("sector");
  const [sizeBy, setSizeBy] = useState<SizeBy>("contacts");
  const [search, setSearch] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const [focusedNode, setFocusedNode] = useState<string | null>(null);
  // False on the server and in the first render in the browser: what a visitor without
  // JavaScript keeps seeing is the text that says so.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  // Load the data and the renderer together; a new query string starts afresh.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const [response, { default: SigmaClass }, { UndirectedGraph }] = await Promise.all([
        fetch(dataUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" }),
        import("sigma"),
        import("graphology"),
      ]);
      if (!response.ok) throw new Error(`map.json: ${response.status}`);
      const json = (await response.json()) as MapData;
      if (cancelled) return;
      if (json.tooBig) {
        setLoaded({ url: dataUrl, status: "tooBig", data: json });
        return;
      }
      const g = new UndirectedGraph();
      for (const n of json.nodes) g.addNode(n.id, { ...n, size: MIN_SIZE, color: "#6B6B6B" });
      for (const e of json.edges)
        g.mergeEdge(e.source, e.target, { weight: e.weight, size: 1, color: "#c8c8c8" });
      if (!container.current) return;
      const renderer = new SigmaClass(g, container.current, {
        settings: { labelDensity: 0.5, labelRenderedSizeThreshold: 8, allowInvalidContainer: true },
        // Focus: the party and its neighbours keep their colours and labels, the rest recede.
        nodeReducer: (node, display) => {
          const f = focused.current;
          if (!f) return display;
          if (node === f.node)
            return { ...display, highlighted: true, labelVisibility: "visible", zIndex: 2 };
          if (f.neighbours.has(node)) return { ...display, labelVisibility: "visible", zIndex: 1 };
          return { ...display, color: DIMMED, label: null, zIndex: 0 };
        },
        edgeReducer: (edge, display) => {
          const f = focused.current;
          if (!f) return display;
          const [s, tg] = g.extremities(edge);
          return s === f.node || tg === f.node
            ? { ...display, color: "#555555", size: 2 }
            : { ...display, visibility: "hidden" };
        },
      });
      renderer.on("clickNode", ({ node }) => focusOn(node));
      renderer.on("clickStage", () => focusOn(null));
      graph.current = g;
      sigma.current = renderer;
      setLoaded({ url: dataUrl, status: "ready", data: json });
    })().catch(() => {
      if (!cancelled) setLoaded({ url: dataUrl, status: "failed", data: null });
    });
    return () => {
      cancelled = true;
      sigma.current?.kill();
      sigma.current = null;
      graph.current = null;
      focused.current = null;
    };
    // focusOn only reads refs; the map is rebuilt only for another query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataUrl]);

  // Colour and size follow the selects, without redrawing the map from scratch.
  useEffect(() => {
    const g = graph.current;
    if (status !== "ready" || !g || !data) return;
    let max = 0;
    g.forEachNode((_n, a) => (max = Math.max(max, Number(a[sizeBy]) || 0)));
    g.updateEachNodeAttributes((_n, a) => ({
      ...a,
      color:
        colourBy === "sector"
          ? (data.sectors[a.sector as string] ?? data.sectors.other!)
          : data.communities[Math.abs(a.community as number) % data.communities.length]!,
      // Area, not radius, grows with the measure, as a reader compares dots.
      size:
        MIN_SIZE +
        (MAX_SIZE - MIN_SIZE) * (max > 0 ? Math.sqrt((Number(a[sizeBy]) || 0) / max) : 0),
    }));
  }, [status, data, colourBy, sizeBy]);

  // The page asks for a party to be focused (its "Bekijk" link): once the map is drawn.
  useEffect(() => {
    if (status === "ready" && focus && graph.current?.hasNode(focus)) focusOn(focus);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, focus]);

  function focusOn(node: string | null) {
    const g = graph.current;
    const renderer = sigma.current;
    if (!g || !renderer) return;
    if (!node || !g.hasNode(node)) {
      focused.current = null;
      setFocusedNode(null);
      renderer.refresh();
      void renderer.getCamera().reset({ duration: 400 });
      return;
    }
    focused.current = { node, neighbours: new Set(g.neighbors(node)) };
    setFocusedNode(node);
    setAnnouncement(
      t("network.map.focused", { name: g.getNodeAttribute(node, "label"), count: g.degree(node) }),
    );
    renderer.refresh();
    const at = renderer.getNodeDisplayData(node);
    if (at) void renderer.getCamera().animate({ x: at.x, y: at.y, ratio: 0.35 }, { duration: 600 });
  }

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = search.trim().toLocaleLowerCase();
    const nodes = data?.nodes ?? [];
    const hit =
      nodes.find((n) => n.label.toLocaleLowerCase() === q) ??
      nodes.find((n) => q !== "" && n.label.toLocaleLowerCase().includes(q));
    if (hit) focusOn(hit.id);
    else setAnnouncement(t("network.map.notFound"));
  }

  async function downloadPng() {
    const renderer = sigma.current;
    if (!renderer) return;
    // Named after the region, as the server's files are: /manage/<slug>/network/map.json.
    const slug = /\/manage\/([^/]+)\//.exec(dataUrl)?.[1] ?? "";
    const fileName = slug ? `${slug}-network` : "network";
    // sigma 4 draws on one stage canvas (@sigma/export-image reads sigma 3's layers): copy the
    // stage right after a render (a WebGL buffer is only readable in the task that drew it).
    renderer.refresh();
    const stage = renderer.getStageCanvas();
    const out = document.createElement("canvas");
    out.width = stage.width;
    out.height = stage.height;
    const ctx = out.getContext("2d");
    if (!ctx) return;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(stage, 0, 0);
    out.toBlob((blob) => {
      if (!blob) return;
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `${fileName}.png`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    }, "image/png");
  }

  const legend = useMemo(() => {
    if (!data) return [];
    if (colourBy === "sector") {
      const counts = new Map<string, number>();
      for (const n of data.nodes) counts.set(n.sector, (counts.get(n.sector) ?? 0) + 1);
      return SECTORS.filter((s) => counts.has(s)).map((s) => ({
        key: s,
        colour: data.sectors[s]!,
        label: t(sectorKey(s)),
        count: counts.get(s)!,
      }));
    }
    const counts = new Map<number, number>();
    for (const n of data.nodes) counts.set(n.community, (counts.get(n.community) ?? 0) + 1);
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([c, count]) => ({
        key: String(c),
        colour: data.communities[Math.abs(c) % data.communities.length]!,
        label: t("network.map.community", { number: c + 1 }),
        count,
      }));
  }, [data, colourBy, t]);
  const shownLegend = legend.slice(0, data?.communities.length ?? 10);

  const summary = data
    ? t("network.map.label", { count: data.parties, ties: data.ties })
    : t("network.map.loading");

  return (
    // The page gives the map its heading and introduction (NetworkView); this is the map itself.
    <div className="lr-network-map">
      {hydrated ? null : <p className="utrecht-paragraph">{t("network.map.needsJs")}</p>}
      {status === "failed" ? (
        <p className="utrecht-paragraph" role="alert">
          {t("network.map.failed")}
        </p>
      ) : null}
      {status === "tooBig" && data ? (
        <p className="utrecht-paragraph">{t("network.map.tooBig", { count: data.parties })}</p>
      ) : null}
      {hydrated && status === "ready" ? (
        <>
          <div
            className="lr-network-map__controls"
            role="group"
            aria-label={t("network.map.controls")}
          >
            <div className="lr-network-map__field">
              <label className="utrecht-form-label" htmlFor={`${id}-colour`}>
                {t("network.map.colourBy")}
              </label>
              <select
                id={`${id}-colour`}
                className="utrecht-select utrecht-select--html-select"
                value={colourBy}

                onChange={(e) => setColourBy(e.target.value as ColourBy)}
              >
                {COLOUR_BY.map((c) => (
                  <option key={c} value={c}>
                    {t(`network.map.colours.${c}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="lr-network-map__field">
              <label className="utrecht-form-label" htmlFor={`${id}-size`}>
                {t("network.map.sizeBy")}
              </label>
              <select
                id={`${id}-size`}
                className="utrecht-select utrecht-select--html-select"
                value={sizeBy}

                onChange={(e) => setSizeBy(e.target.value as SizeBy)}
              >
                {SIZE_BY.map((s) => (
                  <option key={s} value={s}>
                    {t(`network.column.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <form
              className="lr-network-map__field lr-network-map__search"
              role="search"
              aria-label={t("network.map.searchNode")}
              onSubmit={onSearch}
            >
              <label className="utrecht-form-label" htmlFor={`${id}-search`}>
                {t("network.map.searchNode")}
              </label>
              <span className="lr-network-map__inline">
                <input
                  id={`${id}-search`}
                  className="utrecht-textbox utrecht-textbox--html-input"
                  type="search"
                  list={`${id}-names`}
                  autoComplete="off"
                  value={search}

                  onChange={(e) => setSearch(e.target.value)}
                />
                <datalist id={`${id}-names`}>
                  {data?.nodes.map((n) => (
                    <option key={n.id} value={n.label} />
                  ))}
                </datalist>
                <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                  {t("network.map.focusNode")}
                </button>
              </span>
            </form>
          </div>
          <div className="lr-network-map__buttons">
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"

              onClick={() => void sigma.current?.getCamera().zoomIn({ duration: 300 })}
            >
              {t("network.map.zoomIn")}
            </button>
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"

              onClick={() => void sigma.current?.getCamera().zoomOut({ duration: 300 })}
            >
              {t("network.map.zoomOut")}
            </button>
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"

              onClick={() => focusOn(null)}
            >
              {focusedNode ? t("network.map.clearFocus") : t("network.map.resetView")}
            </button>
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"

              onClick={() => void downloadPng()}
            >
              {t("network.map.downloadPng")}
            </button>
          </div>
        </>
      ) : null}
      <p className="lr-network-map__status" role="status" aria-live="polite">
        {!hydrated ? "" : status === "loading" ? t("network.map.loading") : announcement}
      </p>
      <div
        ref={container}
        className="lr-network-map__canvas"
        role="img"
        aria-label={summary}
        hidden={!hydrated || status === "failed" || status === "tooBig"}
      />
      {hydrated && status === "ready" ? (
        <>
          {legend.length > 0 ? (
            <div className="lr-network-map__legend">
              <h3 className="utrecht-heading-3" id={`${id}-legend`}>
                {t("network.map.legend")}: {t(`network.map.colours.${colourBy}`)}
              </h3>
              <ul aria-labelledby={`${id}-legend`}>
                {shownLegend.map((l) => (
                  <li key={l.key}>
                    <span
                      className="lr-network-map__swatch"
                      style={{ background: l.colour }}
                      aria-hidden="true"
                    />
                    {l.label} ({l.count})
                  </li>
                ))}
                {legend.length > shownLegend.length ? (
                  <li>
                    {t("network.map.moreCommunities", {
                      count: legend.length - shownLegend.length,
                    })}
                  </li>
                ) : null}
              </ul>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
