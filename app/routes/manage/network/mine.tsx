import { redirect } from "react-router";
import type { Route } from "./+types/mine";
import { networkPolicy } from "../../../../core/network/policy.ts";
import {
  declaredTiesOfPerson,
  contactsOf,
  personMirror,
  personOfAccount,
} from "../../../../core/network/queries.ts";
import { recordOwnTie } from "../../../../core/network/recordTie.ts";
import { removeOwnTie } from "../../../../core/network/removeTie.ts";
import { DeclaredTies } from "../../../components/network/DeclaredTies.tsx";
import { MirrorFigures } from "../../../components/network/NetworkView.tsx";
import { useFieldErrors } from "../../../components/form.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { isOneOf, useT } from "../../../lib/i18n.ts";
import { refusedChange, requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

const DONE = ["recorded", "removed"] as const;

/**
 * "My network position": any member of the region sees their own position, found by their
 * verified account address in the region's register, and records who they work with; nobody
 * else's.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireRegion(request, context, params.slug, networkPolicy.ownPosition);
  const person = await personOfAccount(scope);
  const [mirror, ties, choices] = person
    ? await Promise.all([
        personMirror(scope, person.id),
        declaredTiesOfPerson(scope, person.id),
        // Only the people they already share a tie with: a member does not see the register.
        contactsOf(scope, person.id),
      ])
    : [null, [], []];
  const done = new URL(request.url).searchParams.get("done");
  return {
    found: person !== null,
    mirror,
    ties,
    choices,
    done: isOneOf(DONE, done) ? done : null,
    title: requestT(context)("network.mirror.myTitle"),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    networkPolicy.ownPosition,
  );
  const form = await request.formData();
  const cmd = intent(form);
  const sent = formObject(form);
  const here = `/manage/${region.slug}/my-network`;
  if (cmd === "removeTie") {
    const r = await removeOwnTie(scope, sent.tieId);
    return r.ok ? redirect(`${here}?done=removed#declared`) : refusedChange(context, r, cmd, {});
  }
  const r = await recordOwnTie(scope, sent);
  return r.ok
    ? redirect(`${here}?done=recorded#declared`)
    : refusedChange(context, r, "recordTie", sent);
}

export default function MyNetwork({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { found, mirror, ties, choices, done } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  return (
    <>
      <h1 className="utrecht-heading-1">{t("network.mirror.myTitle")}</h1>
      <p className="utrecht-paragraph">{t("network.mirror.intro")}</p>
      {!found ? (
        <p className="utrecht-paragraph">{t("network.mirror.noPerson")}</p>
      ) : (
        <>
          {mirror ? (
            <MirrorFigures mirror={mirror} />
          ) : (
            <p className="utrecht-paragraph">{t("network.mirror.notInNetwork")}</p>
          )}
          <DeclaredTies
            ties={ties}
            choices={choices}
            canRecord
            done={done}
            fieldErrors={fieldErrors}
            error={error}
            personBase={null}
          />
        </>
      )}
    </>
  );
}
