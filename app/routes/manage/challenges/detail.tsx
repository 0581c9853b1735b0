import { Link, redirect } from "react-router";
import type { Route } from "./+types/detail";
import { assignRole } from "../../../../core/challenges/assignRole.ts";
import { changePhase } from "../../../../core/challenges/changePhase.ts";
import { deleteChallenge } from "../../../../core/challenges/deleteChallenge.ts";
import { linkActivity } from "../../../../core/challenges/linkActivity.ts";
import { challengePolicy } from "../../../../core/challenges/policy.ts";
import { getChallenge, linkChoices, partyChoices } from "../../../../core/challenges/queries.ts";
import { rateChallenge } from "../../../../core/challenges/rateChallenge.ts";
import { removeRating } from "../../../../core/challenges/removeRating.ts";
import { removeRole } from "../../../../core/challenges/removeRole.ts";
import { setAmbition } from "../../../../core/challenges/setAmbition.ts";
import { unlinkActivity } from "../../../../core/challenges/unlinkActivity.ts";
import { may } from "../../../../core/kernel/scope.ts";
import { AmbitionSection } from "../../../components/challenges/AmbitionSection.tsx";
import { ChallengeHeader } from "../../../components/challenges/ChallengeHeader.tsx";
import { DeleteSection } from "../../../components/challenges/DeleteSection.tsx";
import { LinksSection } from "../../../components/challenges/LinksSection.tsx";
import { PhasesSection } from "../../../components/challenges/PhasesSection.tsx";
import { RatingsSection } from "../../../components/challenges/RatingsSection.tsx";
import { RolesSection } from "../../../components/challenges/RolesSection.tsx";
import type { FormState } from "../../../components/challenges/shared.ts";
import { FormError, Notice, useFieldErrors } from "../../../components/form.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { isOneOf, useT } from "../../../lib/i18n.ts";
import {
  getServices,
  notFound,
  refusedChange,
  requireRegion,
} from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.found.challenge.title }];
}

const DONE = [
  "created",
  "saved",
  "phaseChanged",
  "linked",
  "unlinked",
  "rated",
  "ratingRemoved",
  "ambitionSet",
  "roleAssigned",
  "roleRemoved",
] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    challengePolicy.view,
  );
  const found = await getChallenge(scope, params.id);
  if (!found) notFound(context);
  const canChange = may(scope, challengePolicy.linkActivity);
  // A facilitator sees the page without its forms, so the choices are not read for them.
  const [choices, parties] = canChange
    ? await Promise.all([linkChoices(scope, found.challenge.id), partyChoices(scope)])
    : [null, null];
  const done = new URL(request.url).searchParams.get("done");
  const c = found.challenge;
  return {
    base: `/manage/${region.slug}`,
    found,
    choices,
    parties,
    canChange,
    canDelete: may(scope, challengePolicy.deleteChallenge),
    publicUrl: c.published
      ? `${getServices(context).config.publicUrl}/r/${region.slug}/challenges/${c.slug}`
      : null,
    done: isOneOf(DONE, done) ? done : null,
  };
}

const text = (v: string | string[] | undefined) => (typeof v === "string" ? v.trim() : "");

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    challengePolicy.view,
  );
  const form = await request.formData();
  const cmd = intent(form);
  const sent = formObject(form);
  const here = `/manage/${region.slug}/challenges/${params.id}`;
  const back = (done: (typeof DONE)[number], hash: string) =>
    redirect(`${here}?done=${done}#${hash}`);
  const id = params.id;
  switch (cmd) {
    case "changePhase": {
      const r = await changePhase(scope, id, sent);
      return r.ok ? back("phaseChanged", "phases") : refusedChange(context, r, cmd, sent);
    }
    case "link": {
      // Each kind's select is named by its kind (one id per field on the page).
      const kind = text(sent.kind);
      const r = await linkActivity(scope, id, { kind, id: text(sent[kind]) });
      return r.ok ? back("linked", "links") : refusedChange(context, r, cmd, sent);
    }
    case "unlink": {
      const r = await unlinkActivity(scope, id, sent.linkId);
      return r.ok ? back("unlinked", "links") : refusedChange(context, r, cmd, {});
    }
    case "rate": {
      const r = await rateChallenge(scope, id, sent);
      return r.ok ? back("rated", "ratings") : refusedChange(context, r, cmd, sent);
    }
    case "removeRating": {
      const r = await removeRating(scope, id, sent.ratingId);
      return r.ok ? back("ratingRemoved", "ratings") : refusedChange(context, r, cmd, {});
    }
    case "ambition": {
      const r = await setAmbition(scope, id, sent);
      return r.ok ? back("ambitionSet", "ambition") : refusedChange(context, r, cmd, sent);
    }
    case "assignRole": {
      const r = await assignRole(scope, id, {
        role: text(sent.roleOther) || text(sent.role),
        organisationId: text(sent.roleOrganisationId),
        personId: text(sent.rolePersonId),
        note: text(sent.roleNote),
      });
      return r.ok ? back("roleAssigned", "roles") : refusedChange(context, r, cmd, sent);
    }
    case "removeRole": {
      const r = await removeRole(scope, id, sent.roleId);
      return r.ok ? back("roleRemoved", "roles") : refusedChange(context, r, cmd, {});
    }
    case "delete": {
      const r = await deleteChallenge(scope, id, { confirmed: sent.confirm === "on" });
      return r.ok
        ? redirect(`/manage/${region.slug}/challenges?done=deleted`)
        : refusedChange(context, r, cmd, {});
    }
    default:
      notFound(context);
  }
}

export default function ChallengePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { base, found, choices, parties, canChange, canDelete, publicUrl, done } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const form: FormState = {
    failed: actionData && "intent" in actionData ? actionData.intent : null,
    sent: (actionData && "values" in actionData
      ? actionData.values
      : undefined) as FormState["sent"],
    fieldErrors,
  };
  const here = `${base}/challenges/${found.challenge.id}`;
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={`${base}/challenges`}>
          {t("challengePages.backToList")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{found.challenge.title}</h1>
      {/* After a refused form the address still names the last success; only the error counts. */}
      {done && !actionData ? <Notice>{t(`challengePages.done.${done}`)}</Notice> : null}
      <FormError error={error} />
      <ChallengeHeader found={found} here={here} publicUrl={publicUrl} canEdit={canChange} />
      <PhasesSection found={found} base={base} canChange={canChange} form={form} />
      <LinksSection
        found={found}
        base={base}
        choices={choices ?? { event: [], session: [], harvest: [], action: [], coalition: [] }}
        canChange={canChange}
        form={form}
      />
      <RatingsSection
        found={found}
        parties={parties ?? { organisations: [], people: [] }}
        canChange={canChange}
        form={form}
      />
      <AmbitionSection found={found} canChange={canChange} form={form} />
      <RolesSection
        found={found}
        parties={parties ?? { organisations: [], people: [] }}
        canChange={canChange}
        form={form}
      />
      {canDelete ? (
        <DeleteSection errors={form.failed === "delete" ? fieldErrors : undefined} />
      ) : null}
    </>
  );
}
