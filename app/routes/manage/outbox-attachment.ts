import type { Route } from "./+types/outbox-attachment";
import { forbidden } from "../../../core/kernel/result.ts";
import { may } from "../../../core/kernel/scope.ts";
import { outboxAttachment } from "../../../core/mail/queries.ts";
import { regionPolicy } from "../../../core/regions/policy.ts";
import { notFound, refusedPage, requestT, requireRegion } from "../../lib/request.server.ts";

// Files a mail of the platform carries; anything else is offered as bytes, never shown inline.
const KNOWN_TYPES = new Set(["text/calendar", "text/csv", "application/pdf"]);

/** A file name for the header: the name as given (RFC 5987), and a plain-letters fallback. */
function disposition(filename: string): string {
  const plain = filename.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 100) || "bijlage";
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** An attachment of a mail in the outbox, to download (admins, as the outbox itself). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireRegion(request, context, params.slug);
  const file = await outboxAttachment(
    scope,
    params.mailId,
    Number(params.index),
    requestT(context)("outbox.secretLink"),
  );
  // Found or not is settled first, as for the mail itself: a foreign id is a 404 for every role.
  if (!file) notFound(context);
  if (!may(scope, regionPolicy.viewOutbox)) refusedPage(context, forbidden());
  const type = file.contentType.split(";")[0]!.trim().toLowerCase();
  return new Response(file.content, {
    headers: {
      "Content-Type": KNOWN_TYPES.has(type) ? `${type}; charset=utf-8` : "application/octet-stream",
      "Content-Disposition": disposition(file.filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
