import type { Route } from "./+types/logo";
import { getRegionLogo } from "../../../core/regions/queries.ts";
import { getServices, notFound } from "../../lib/request.server.ts";

export async function loader({ params, context }: Route.LoaderArgs) {
  const logo = await getRegionLogo(getServices(context).db, params.slug);
  if (!logo?.logo || !logo.logo_mime) notFound(context);
  return new Response(new Uint8Array(logo.logo), {
    headers: {
      "Content-Type": logo.logo_mime,
      "Cache-Control": "public, max-age=300",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
}
