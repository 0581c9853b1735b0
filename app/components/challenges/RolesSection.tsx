import { CHALLENGE_LIMITS } from "../../../core/challenges/schema.ts";
import { sectorKey } from "../../../core/kernel/sectors.ts";
import { Field, PostForm, SelectField, SubmitButton, type FieldErrors } from "../form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../table.tsx";
import { useT } from "../../lib/i18n.ts";
import type { Parties } from "./RatingsSection.tsx";
import { roleName, stateFor, type FormState, type Found } from "./shared.ts";

/** The shipped key of the role the poster asks about by name. */
const KNOWLEDGE_BROKER = "knowledgeBroker";

const PREFIXED: Record<string, string> = {
  organisationId: "roleOrganisationId",
  personId: "rolePersonId",
  note: "roleNote",
};

/**
 * Which party plays which role, the roles of the region's list nobody plays yet, and the
 * poster's two questions answered from what is recorded.
 */
export function RolesSection({
  found,
  parties,
  canChange,
  form,
}: {
  found: Found;
  parties: Parties;
  canChange: boolean;
  form: FormState;
}) {
  const t = useT();
  const { roles, ratings, regionRoles, missingRoles } = found;
  const assign = stateFor(form, "assignRole");
  const sep = t("challengePages.listSeparator");
  const party = (r: { organisation: string | null; person: string | null }) =>
    [r.organisation, r.person].filter(Boolean).join(" — ");
  const residents =
    roles.some((r) => r.sector === "residents") || ratings.some((r) => r.sector === "residents");
  const brokers = roles.filter((r) => r.role === KNOWLEDGE_BROKER).map(party);
  // The role form's fields carry a prefix, apart from the rating form's on the same page.
  const errors: FieldErrors =
    assign.errors &&
    Object.fromEntries(
      Object.entries(assign.errors).map(([k, m]) => [k === "role" ? k : (PREFIXED[k] ?? k), m]),
    );
  return (
    <section className="lr-section" aria-labelledby="roles">
      <h2 className="utrecht-heading-2" id="roles">
        {t("challengePages.roles.title")}
      </h2>
      <p className="utrecht-paragraph">{t("challengePages.roles.intro")}</p>
      {roles.length === 0 ? (
        <p className="utrecht-paragraph">{t("challengePages.roles.none")}</p>
      ) : (
        <DataTable
          caption={t("challengePages.roles.title")}
          hideCaption
          columns={[
            t("challengePages.roles.columns.role"),
            t("challengePages.roles.columns.party"),
            t("challengePages.roles.columns.sector"),
            t("challengePages.roles.columns.note"),
            ...(canChange ? [t("challengePages.roles.columns.actions")] : []),
          ]}
        >
          {roles.map((r) => (
            <Row key={r.id}>
              <RowHeader>{roleName(t, r.role)}</RowHeader>
              <Cell>{party(r)}</Cell>
              <Cell>{r.sector ? t(sectorKey(r.sector)) : ""}</Cell>
              <Cell>
                <span className="lr-pub-text">{r.note}</span>
              </Cell>
              {canChange ? (
                <Cell>
                  <PostForm className="lr-inline-form">
                    <input type="hidden" name="roleId" value={r.id} />
                    <button
                      type="submit"
                      name="_intent"
                      value="removeRole"
                      className="utrecht-button utrecht-button--secondary-action"
                    >
                      {t("challengePages.roles.remove")}
                      <span className="lr-visually-hidden">
                        : {roleName(t, r.role)}, {party(r)}
                      </span>
                    </button>
                  </PostForm>
                </Cell>
              ) : null}
            </Row>
          ))}
        </DataTable>
      )}
      <p className="utrecht-paragraph">
        <strong>{t("challengePages.roles.missing")}:</strong>{" "}
        {missingRoles.length === 0
          ? t("challengePages.roles.noneMissing")
          : missingRoles.map((r) => roleName(t, r)).join(sep)}
      </p>

      <h3 className="utrecht-heading-3">{t("challengePages.roles.questions")}</h3>
      <dl className="lr-facts">
        <div>
          <dt>{t("challengePages.roles.residentsEqual")}</dt>
          <dd>
            {residents
              ? t("challengePages.roles.residentsYes")
              : t("challengePages.roles.residentsNo")}
          </dd>
        </div>
        <div>
          <dt>{t("challengePages.roles.broker")}</dt>
          <dd>{brokers.length > 0 ? brokers.join(sep) : t("challengePages.roles.noBroker")}</dd>
        </div>
      </dl>

      {canChange ? (
        <PostForm>
          <fieldset className="lr-section">
            <legend>{t("challengePages.roles.assign")}</legend>
            <SelectField
              name="role"
              label={t("challengePages.roles.role")}
              emptyLabel={t("challengePages.ratings.noChoice")}
              options={regionRoles.map((r) => ({ value: r, label: roleName(t, r) }))}
              defaultValue={assign.value("role")}
              errors={errors}
            />
            <Field
              name="roleOther"
              label={`${t("challengePages.roles.otherRole")} ${t("app.optional")}`}
              maxLength={CHALLENGE_LIMITS.roleName}
              defaultValue={assign.value("roleOther")}
            />
            <SelectField
              name="roleOrganisationId"
              label={t("challengePages.roles.organisation")}
              emptyLabel={t("challengePages.ratings.noChoice")}
              options={parties.organisations.map((o) => ({ value: o.id, label: o.name }))}
              defaultValue={assign.value("roleOrganisationId")}
              errors={errors}
            />
            <SelectField
              name="rolePersonId"
              label={t("challengePages.roles.person")}
              emptyLabel={t("challengePages.ratings.noChoice")}
              options={parties.people.map((p) => ({ value: p.id, label: p.name }))}
              defaultValue={assign.value("rolePersonId")}
              errors={errors}
            />
            <Field
              name="roleNote"
              label={`${t("challengePages.roles.note")} ${t("app.optional")}`}
              multiline
              rows={2}
              maxLength={CHALLENGE_LIMITS.roleNote}
              defaultValue={assign.value("roleNote")}
              errors={errors}
            />
            <SubmitButton name="_intent" value="assignRole">
              {t("challengePages.roles.assign")}
            </SubmitButton>
          </fieldset>
        </PostForm>
      ) : null}
    </section>
  );
}
