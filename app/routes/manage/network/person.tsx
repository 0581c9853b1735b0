import { Link, redirect } from "react-router";
import type { Route } from "./+types/person";
import { may } from "../../../../core/kernel/scope.ts";
import { networkPolicy } from "../../../../core/network/policy.ts";
import {
  declaredTiesOfPerson,
  peopleChoices,
  personMirror,
} from "../../../../core/network/queries.ts";
import { recordTie } from "../../../../core/network/recordTie.ts";
import { removeTie } from "../../../../core/network/removeTie.ts";
import { getPerson } from "../../../../core/people/queries.ts";
import { useFieldErrors } from "../../../components/form.tsx";
import { DeclaredTies } from "../../../components/network/DeclaredTies.tsx";
import { MirrorFigures } from "../../../components/network/NetworkView.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { isOneOf, useT } from "../../../lib/i18n.ts";
import { notFound, refusedChange, requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

const DONE = ["recorded", "removed"] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    networkPolicy.mirror,
  );
  const person = await getPerson(scope, params.id);
  if (!person || person.erasedAt) notFound(context);
  const canRecord = may(scope, networkPolicy.recordTie);
  const [mirror, ties, choices] = await Promise.all([
    personMirror(scope, person.id),
    declaredTiesOfPerson(scope, person.id),
    canRecord ? peopleChoices(scope, person.id) : Promise.resolve([]),
  ]);
  const done = new URL(request.url).searchParams.get("done");
  return {
    slug: region.slug,
    person: { id: person.id, name: person.name },
    mirror,
    ties,
    choices,
    canRecord,
    done: isOneOf(DONE, done) ? done : null,
    title: requestT(context)("network.mirror.title", { name: person.name }),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    networkPolicy.mirror,
  );
  const form = await request.formData();
  const cmd = intent(form);
  const sent = formObject(form);
  const here = `/manage/${region.slug}/people/${params.id}/network`;
  if (cmd === "removeTie") {
    const r = await removeTie(scope, sent.tieId);
    return r.ok ? redirect(`${here}?done=removed#declared`) : refusedChange(context, r, cmd, {});
  }
  const r = await recordTie(scope, params.id, sent);
  return r.ok
    ? redirect(`${here}?done=recorded#declared`)
    : refusedChange(context, r, "recordTie", sent);
}

export default function PersonNetwork({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { slug, person, mirror, ties, choices, canRecord, done } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const regionBase = `/manage/${slug}`;
  return (
    <>
      <p className="lr-breadcrumb lr-no-print">
        <Link className="utrecht-link" to={`${regionBase}/people/${person.id}`}>
          {person.name}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("network.mirror.title", { name: person.name })}</h1>
      <p className="utrecht-paragraph">{t("network.mirror.intro")}</p>
      {mirror ? (
        <>
          <MirrorFigures mirror={mirror} />
          <p className="utrecht-paragraph">
            <Link
              className="utrecht-link"
              to={`${regionBase}/network?focus=${encodeURIComponent(`p:${person.id}`)}#network-focus`}
            >
              {t("network.title")}
            </Link>
          </p>
        </>
      ) : (
        <p className="utrecht-paragraph">{t("network.mirror.notInNetwork")}</p>
      )}
      <DeclaredTies
        ties={ties}
        choices={choices}
        canRecord={canRecord}
        done={done}
        fieldErrors={fieldErrors}
        error={error}
        personBase={`${regionBase}/people`}
      />
    </>
  );
}
