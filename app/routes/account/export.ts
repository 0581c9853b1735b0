import type { Route } from "./+types/export";
import { exportMyData } from "../../../core/privacy/exportMyData.ts";
import { getServices, notFound, requestT, requireUser } from "../../lib/request.server.ts";

/** The signed-in person's data as a JSON download (right of access and data portability). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  const data = await exportMyData(getServices(context).db, user.id);
  if (!data) notFound(context);
  const fileName = requestT(context)("account.exportFileName");
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      // Personal data: never kept by a shared proxy or the browser's cache.
      "Cache-Control": "no-store",
    },
  });
}
