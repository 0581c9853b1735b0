import type { Route } from "./+types/registration-data";
import { registrationData } from "../../../core/events/publicPages.ts";
import { getServices, notFound } from "../../lib/request.server.ts";

/** The registrant's own data as JSON, from the link in their mail: no account needed. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const data = await registrationData(getServices(context).db, params.token);
  if (!data) notFound(context);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="mijn-aanmelding.json"',
      "Cache-Control": "no-store",
    },
  });
}
