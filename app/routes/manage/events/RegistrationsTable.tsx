import type { Route } from "./+types/registrations";
import { sectorKey } from "../../../../core/kernel/sectors.ts";
import { PostForm, SubmitButton } from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { useT } from "../../../lib/i18n.ts";

type Data = Route.ComponentProps["loaderData"];

/** The registrations as the organiser reads them, each with a confirmed way to cancel it. */
export function RegistrationsTable({
  registrations,
  event,
  filtered,
}: {
  registrations: Data["registrations"];
  event: Data["event"];
  filtered: boolean;
}) {
  const t = useT();
  return (
    <>
      {registrations.length === 0 ? (
        <p className="utrecht-paragraph">
          {filtered ? t("eventsAdmin.noMatches") : t("eventsAdmin.noRegistrations")}
        </p>
      ) : (
        <DataTable
          caption={t("eventsAdmin.registrationsCaption", { title: event.title })}
          columns={[
            t("eventsAdmin.regName"),
            t("eventsAdmin.regEmail"),
            t("eventsAdmin.regOrganisation"),
            t("eventsAdmin.regSector"),
            t("eventsAdmin.regRole"),
            t("eventsAdmin.regAnswers"),
            t("eventsAdmin.regDiet"),
            t("eventsAdmin.regAccessibility"),
            t("eventsAdmin.regStatus"),
            t("eventsAdmin.regCheckedIn"),
            t("app.actions"),
          ]}
        >
          {registrations.map((r) => (
            <Row key={r.id}>
              <RowHeader>
                {r.erased ? (
                  <span className="lr-muted">{t("eventsAdmin.anonymised")}</span>
                ) : (
                  r.name
                )}
              </RowHeader>
              <Cell>
                {r.email ? (
                  <a className="utrecht-link" href={`mailto:${r.email}`}>
                    {r.email}
                  </a>
                ) : null}
              </Cell>
              <Cell>{r.organisation}</Cell>
              <Cell>{r.sector ? t(sectorKey(r.sector)) : null}</Cell>
              <Cell>{r.role}</Cell>
              <Cell>
                {r.answers.length > 0 ? (
                  <ul className="lr-plain-list">
                    {r.answers.map((a, i) => (
                      <li key={i}>{a}</li>
                    ))}
                  </ul>
                ) : null}
              </Cell>
              <Cell>{r.diet}</Cell>
              <Cell>{r.accessibility}</Cell>
              <Cell>
                {r.status === "waitlisted" && r.waitlistPosition !== null
                  ? t("eventsAdmin.waitlistPosition", { n: r.waitlistPosition })
                  : t(`eventsAdmin.regStatuses.${r.status}`)}
              </Cell>
              <Cell>
                {r.checkedIn ? (
                  <time dateTime={r.checkedInIso ?? undefined}>{r.checkedIn}</time>
                ) : (
                  t("eventsAdmin.notCheckedIn")
                )}
              </Cell>
              <Cell>
                {r.status !== "cancelled" && !r.erased ? (
                  <details className="lr-confirm">
                    <summary>
                      {t("eventsAdmin.cancelRegistration")}
                      <span className="lr-visually-hidden">: {r.name}</span>
                    </summary>
                    <p className="utrecht-paragraph">
                      {t("eventsAdmin.cancelRegistrationQuestion", { name: r.name })}
                    </p>
                    <PostForm>
                      <input type="hidden" name="_intent" value="cancelRegistration" />
                      <input type="hidden" name="registrationId" value={r.id} />
                      <SubmitButton kind="danger">
                        {t("eventsAdmin.cancelRegistrationConfirm", { name: r.name })}
                      </SubmitButton>
                    </PostForm>
                  </details>
                ) : null}
              </Cell>
            </Row>
          ))}
        </DataTable>
      )}
    </>
  );
}
