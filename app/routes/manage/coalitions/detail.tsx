import { Link, redirect } from "react-router";
import type { Route } from "./+types/detail";
import { partyChoices } from "../../../../core/people/parties.ts";
import { PartyLists } from "../../../components/actions/PartyPicker.tsx";
import { challengesLinkedTo } from "../../../../core/challenges/queries.ts";
import { ServesChallenges } from "../../../components/challenges/ServesChallenges.tsx";
import { actionChoices } from "../../../../core/actions/queries.ts";
import { addMember } from "../../../../core/coalitions/addMember.ts";
import { decideMember } from "../../../../core/coalitions/decideMember.ts";
import { deleteCoalition } from "../../../../core/coalitions/deleteCoalition.ts";
import { linkAction } from "../../../../core/coalitions/linkAction.ts";
import { coalitionPolicy } from "../../../../core/coalitions/policy.ts";
import { unlinkAction } from "../../../../core/coalitions/unlinkAction.ts";
import { updateCoalition } from "../../../../core/coalitions/updateCoalition.ts";
import { getCoalition } from "../../../../core/coalitions/queries.ts";
import { CoalitionMixTables, missingList } from "../../../components/actions/CoalitionMix.tsx";
import { CoalitionFields, MemberFields } from "../../../components/actions/CoalitionFields.tsx";
import {
  DeleteForm,
  LinkedList,
  LinkForm,
  UnlinkForm,
} from "../../../components/actions/LinkedItems.tsx";
import {
  FormError,
  Notice,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { notFound, refusedChange, requireRegion } from "../../../lib/request.server.ts";
import { isPerspective, perspectiveKey, sectorKey } from "../../../../core/kernel/sectors.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.found.coalition.title }];
}

const DONE = [
  "created",
  "saved",
  "linked",
  "unlinked",
  "memberAdded",
  "accepted",
  "declined",
  "removed",
] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    coalitionPolicy.view,
  );
  const found = await getCoalition(scope, params.id);
  if (!found) notFound(context);
  const linked = new Set(found.actions.map((a) => a.id));
  const actions = (await actionChoices(scope, null)).filter((a) => !linked.has(a.id));
  const done = new URL(request.url).searchParams.get("done");
  return {
    base: `/manage/${region.slug}`,
    found,
    actionOptions: actions,
    parties: await partyChoices(scope),
    done: DONE.find((d) => d === done) ?? null,
    challenges: await challengesLinkedTo(scope, "coalition", found.coalition.id),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    coalitionPolicy.view,
  );
  const form = await request.formData();
  const cmd = intent(form);
  const sent = formObject(form);
  const here = `/manage/${region.slug}/coalitions/${params.id}`;
  const back = (done: (typeof DONE)[number], hash = "") => redirect(`${here}?done=${done}${hash}`);
  switch (cmd) {
    case "update": {
      const r = await updateCoalition(scope, params.id, sent);
      return r.ok ? back("saved") : refusedChange(context, r, cmd, sent);
    }
    case "linkAction": {
      const r = await linkAction(scope, params.id, sent);
      return r.ok ? back("linked", "#actions") : refusedChange(context, r, cmd, {});
    }
    case "unlinkAction": {
      const r = await unlinkAction(scope, params.id, sent);
      return r.ok ? back("unlinked", "#actions") : refusedChange(context, r, cmd, {});
    }
    case "addMember": {
      const r = await addMember(scope, params.id, sent);
      return r.ok ? back("memberAdded", "#members") : refusedChange(context, r, cmd, sent);
    }
    case "accept":
    case "decline":
    case "remove": {
      const r = await decideMember(scope, params.id, { ...sent, decision: cmd });
      const done = cmd === "accept" ? "accepted" : cmd === "decline" ? "declined" : "removed";
      return r.ok ? back(done, "#members") : refusedChange(context, r, cmd, {});
    }
    case "delete": {
      const r = await deleteCoalition(scope, params.id);
      return r.ok
        ? redirect(`/manage/${region.slug}/coalitions?done=deleted`)
        : refusedChange(context, r, cmd, {});
    }
    default:
      notFound(context);
  }
}

type Member = Route.ComponentProps["loaderData"]["found"]["members"][number];

function MemberTable({
  base,
  caption,
  members,
  decisions,
}: {
  base: string;
  caption: string;
  members: Member[];
  decisions: ("accept" | "decline" | "remove")[];
}) {
  const t = useT();
  return (
    <DataTable
      caption={caption}
      hideCaption
      columns={[
        t("coalitions.memberColumns.name"),
        t("coalitions.memberColumns.organisation"),
        t("coalitions.memberColumns.sector"),
        t("coalitions.memberColumns.perspective"),
        t("coalitions.memberColumns.email"),
        t("coalitions.memberColumns.note"),
        t("coalitions.memberColumns.actions"),
      ]}
    >
      {members.map((m) => (
        <Row key={m.id}>
          <RowHeader>
            {m.person_id ? (
              <Link className="utrecht-link" to={`${base}/people/${m.person_id}`}>
                {m.name}
              </Link>
            ) : (
              m.name
            )}
          </RowHeader>
          <Cell>{m.organisation}</Cell>
          <Cell>{m.sector ? t(sectorKey(m.sector)) : t("coalitions.unknown")}</Cell>
          <Cell>
            {isPerspective(m.perspective)
              ? t(perspectiveKey(m.perspective))
              : t("coalitions.unknown")}
          </Cell>
          <Cell>
            {m.email ? (
              <a className="utrecht-link" href={`mailto:${m.email}`}>
                {m.email}
              </a>
            ) : null}
          </Cell>
          <Cell>
            <span className="lr-pub-text">{m.note}</span>
          </Cell>
          <Cell>
            <PostForm className="lr-inline-form">
              <input type="hidden" name="memberId" value={m.id} />
              {decisions.map((d) => (
                <button
                  key={d}
                  type="submit"
                  name="_intent"
                  value={d}
                  className="utrecht-button utrecht-button--secondary-action"
                >
                  {t(`coalitions.${d}`)}
                  <span className="lr-visually-hidden">: {m.name}</span>
                </button>
              ))}
            </PostForm>
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}

export default function CoalitionPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { base, found, actionOptions, done } = loaderData;
  const { coalition: c, members, interested, declined, actions, mix } = found;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const failed = actionData && "intent" in actionData ? actionData.intent : null;
  const sent = (actionData && "values" in actionData ? actionData.values : undefined) as
    Record<string, string> | undefined;
  const notices: Record<(typeof DONE)[number], string> = {
    created: t("coalitions.created"),
    saved: t("coalitions.saved"),
    linked: t("actions.linked"),
    unlinked: t("actions.unlinked"),
    memberAdded: t("coalitions.memberAdded"),
    accepted: t("coalitions.accepted"),
    declined: t("coalitions.declinedDone"),
    removed: t("coalitions.removed"),
  };
  const missing = missingList(t, mix);
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={`${base}/coalitions`}>
          {t("coalitions.backToList")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{c.title}</h1>
      {done ? <Notice>{notices[done]}</Notice> : null}
      <FormError error={error} />

      <section className="lr-section" aria-labelledby="mix">
        <h2 className="utrecht-heading-2" id="mix">
          {t("coalitions.mix")}
        </h2>
        <p className="utrecht-paragraph">{t("coalitions.mixIntro")}</p>
        <p className="utrecht-paragraph">
          <strong>{t("coalitions.columns.missing")}:</strong>{" "}
          {missing || t("coalitions.noneMissing")}
        </p>
        <CoalitionMixTables mix={mix} />
      </section>

      <section className="lr-section" aria-labelledby="members" id="members-section">
        <h2 className="utrecht-heading-2" id="members">
          {`${t("coalitions.interested")} (${interested.length})`}
        </h2>
        <p className="utrecht-paragraph">{t("coalitions.interestedIntro")}</p>
        {interested.length === 0 ? (
          <p className="utrecht-paragraph">{t("coalitions.noInterested")}</p>
        ) : (
          <MemberTable
            base={base}
            caption={t("coalitions.interested")}
            members={interested}
            decisions={["accept", "decline"]}
          />
        )}
        <h2 className="utrecht-heading-2">{`${t("coalitions.members")} (${members.length})`}</h2>
        {members.length === 0 ? (
          <p className="utrecht-paragraph">{t("coalitions.noMembers")}</p>
        ) : (
          <MemberTable
            base={base}
            caption={t("coalitions.members")}
            members={members}
            decisions={["remove"]}
          />
        )}
        {declined.length > 0 ? (
          <>
            <h3 className="utrecht-heading-3">
              {`${t("coalitions.declined")} (${declined.length})`}
            </h3>
            <MemberTable
              base={base}
              caption={t("coalitions.declined")}
              members={declined}
              decisions={["accept", "remove"]}
            />
          </>
        ) : null}
        <PostForm>
          <fieldset className="lr-section">
            <legend>{t("coalitions.addMember")}</legend>
            <MemberFields
              pick
              values={failed === "addMember" ? sent : undefined}
              errors={failed === "addMember" ? fieldErrors : undefined}
              labels={{
                name: t("coalitions.fieldsMember.name"),
                email: t("coalitions.fieldsMember.email"),
                organisation: `${t("coalitions.fieldsMember.organisation")} ${t("app.optional")}`,
                sector: t("coalitions.fieldsMember.sector"),
                perspective: t("coalitions.fieldsMember.perspective"),
                note: `${t("coalitions.fieldsMember.note")} ${t("app.optional")}`,
                noChoice: t("coalitions.fieldsMember.noChoice"),
              }}
            />
            <SubmitButton name="_intent" value="addMember" kind="secondary">
              {t("coalitions.addMember")}
            </SubmitButton>
          </fieldset>
        </PostForm>
      </section>

      <section className="lr-section" aria-labelledby="actions">
        <h2 className="utrecht-heading-2" id="actions">
          {t("coalitions.actions")}
        </h2>
        <LinkedList items={actions} none={t("coalitions.noActions")}>
          {(a) => (
            <li key={a.id}>
              <Link className="utrecht-link" to={`${base}/actions/${a.id}`}>
                {a.title}
              </Link>{" "}
              ({t(`actions.statuses.${a.status}`)})
              <UnlinkForm
                field="actionId"
                id={a.id}
                intent="unlinkAction"
                label={t("coalitions.unlink")}
                accessibleName={t("coalitions.unlinkNamed", { name: a.title })}
              />
            </li>
          )}
        </LinkedList>
        {actionOptions.length > 0 ? (
          <LinkForm
            field="actionId"
            label={t("coalitions.action")}
            options={actionOptions.map((a) => ({ value: a.id, label: a.title }))}
            intent="linkAction"
            submit={t("coalitions.linkAction")}
          />
        ) : null}
      </section>

      <PostForm>
        <fieldset className="lr-section">
          <legend>{t("coalitions.details")}</legend>
          <CoalitionFields
            values={
              failed === "update" && sent
                ? sent
                : {
                    title: c.title,
                    leadName: c.lead_name,
                    leadOrganisation: c.lead_organisation,
                    wayOfWorking: c.way_of_working,
                  }
            }
            errors={failed === "update" ? fieldErrors : undefined}
          />
          <SubmitButton name="_intent" value="update">
            {t("coalitions.save")}
          </SubmitButton>
        </fieldset>
      </PostForm>

      <PartyLists choices={loaderData.parties} />

      <ServesChallenges base={base} challenges={loaderData.challenges} />

      <DeleteForm title={t("coalitions.delete")} warning={t("coalitions.deleteWarning")} />
    </>
  );
}
