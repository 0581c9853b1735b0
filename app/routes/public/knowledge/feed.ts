import type { Route } from "./+types/feed";
import { atomFeed } from "../../../../core/knowledge/publish.ts";
import { getRequestInfo, getServices, notFound } from "../../../lib/request.server.ts";

/** The Atom feed of a region's public entries (published and public only). */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { db, config } = getServices(context);
  const xml = await atomFeed(db, params.slug, config.publicUrl, getRequestInfo(context).locale);
  if (xml === null) notFound(context);
  return new Response(xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
