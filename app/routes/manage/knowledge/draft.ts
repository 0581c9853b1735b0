import { redirect } from "react-router";
import type { Route } from "./+types/draft";
import { draftFromSession, draftFromTheme } from "../../../../core/knowledge/drafts.ts";
import { knowledgePolicy } from "../../../../core/knowledge/policy.ts";
import { formObject } from "../../../lib/form.server.ts";
import { notFound, refusedPage, requireRegion } from "../../../lib/request.server.ts";

/**
 * The "make a draft lesson" buttons on a harvest theme, a publication paragraph and a dialogue
 * session's results post here; the new draft's page opens, its origin already linked.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    knowledgePolicy.draftFrom,
  );
  const sent = formObject(await request.formData());
  const from = sent.from;
  const r =
    from === "theme" || from === "publication"
      ? await draftFromTheme(scope, sent.themeId, from)
      : from === "session"
        ? await draftFromSession(scope, sent.sessionId, sent.questionId)
        : null;
  if (!r) notFound(context);
  if (!r.ok) refusedPage(context, r);
  return redirect(`/manage/${region.slug}/knowledge/${r.value.id}?done=drafted`);
}

export function loader({ context }: Route.LoaderArgs) {
  notFound(context);
}
