import type { Route } from "./+types/export";
import { gexfOf, graphmlOf, partiesCsv, svgOf, tiesCsv } from "../../../../core/network/export.ts";
import { networkPolicy } from "../../../../core/network/policy.ts";
import { getRequestInfo, notFound, requestT } from "../../../lib/request.server.ts";
import { PRIVATE, requestedNetwork } from "./networkFile.server.ts";

const FILES = {
  "network.gexf": "application/gexf+xml; charset=utf-8",
  "network.graphml": "application/graphml+xml; charset=utf-8",
  "parties.csv": "text/csv; charset=utf-8",
  "ties.csv": "text/csv; charset=utf-8",
  "network.svg": "image/svg+xml; charset=utf-8",
} as const;
type FileName = keyof typeof FILES;
const isFileName = (v: string | undefined): v is FileName => v !== undefined && v in FILES;

/**
 * The network as a file (GEXF, GraphML, two CSV sheets, SVG), for the same question as the page
 * (level, period, kinds, challenge). An attachment named after the region (and challenge), so
 * downloads of several regions do not overwrite each other.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { region, challenge, network, input } = await requestedNetwork(
    request,
    context,
    params.slug,
    networkPolicy.export,
  );
  const file = params.file;
  if (!isFileName(file) || !Object.hasOwn(FILES, file)) notFound(context);
  const t = requestT(context);
  const { locale } = getRequestInfo(context);
  let body: string | Uint8Array;
  switch (file) {
    case "network.gexf":
      body = gexfOf(network);
      break;
    case "network.graphml":
      body = graphmlOf(network);
      break;
    case "parties.csv":
      body = partiesCsv(network, { t, locale }).body;
      break;
    case "ties.csv":
      body = tiesCsv(network, { t, locale }).body;
      break;
    case "network.svg":
      body = svgOf(network, {
        title: t("network.export.svgTitle", { name: challenge?.title ?? region.name }),
        colourBy:
          new URL(request.url).searchParams.get("colour") === "community" ? "community" : "sector",
      });
      break;
  }
  const name = [
    region.slug,
    challenge?.slug,
    input.level === "organisations" ? "organisations" : null,
    file,
  ]
    .filter(Boolean)
    .join("-");
  const ascii = name.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      ...PRIVATE,
      "Content-Type": FILES[file],
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      // An SVG opened from here must not run anything, whatever a name in it says.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
