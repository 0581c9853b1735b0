import { CHALLENGE_LIMITS } from "../../../core/challenges/schema.ts";
import { isPerspective, sectorKey } from "../../../core/kernel/sectors.ts";
import { Field, PostForm, SelectField, SubmitButton } from "../form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../table.tsx";
import { useLocale, useT } from "../../lib/i18n.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import { agreement, agrees, type AgreementRow, type Spread } from "./agreement.ts";
import { LEVELS, stateFor, type FormState, type Found } from "./shared.ts";

export interface Parties {
  organisations: { id: string; name: string }[];
  people: { id: string; name: string }[];
}

/** How urgent and important the parties find the challenge, and where they agree or differ. */
export function RatingsSection({
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
  const { ratings } = found;
  const rate = stateFor(form, "rate");
  const { perSector, perPerspective, all } = agreement(ratings);
  const sectorName = (k: MessageKey | null) =>
    k ? t(k) : t("challengePages.ratings.unknownSector");
  const sep = t("challengePages.listSeparator");
  const within = (ok: boolean) =>
    perSector
      .filter((r) => r.parties > 1 && (agrees(r.urgency) && agrees(r.importance)) === ok)
      .map((r) => sectorName(r.group))
      .join(sep);
  const levels = LEVELS.map((l) => ({ value: l, label: l }));
  return (
    <section className="lr-section" aria-labelledby="ratings">
      <h2 className="utrecht-heading-2" id="ratings">
        {t("challengePages.ratings.title")}
      </h2>
      <p className="utrecht-paragraph">{t("challengePages.ratings.intro")}</p>
      {ratings.length === 0 ? (
        <p className="utrecht-paragraph">{t("challengePages.ratings.none")}</p>
      ) : (
        <DataTable
          caption={t("challengePages.ratings.title")}
          hideCaption
          columns={[
            t("challengePages.ratings.columns.party"),
            t("challengePages.ratings.columns.sector"),
            t("challengePages.ratings.columns.perspective"),
            { label: t("challengePages.ratings.columns.urgency"), numeric: true },
            { label: t("challengePages.ratings.columns.importance"), numeric: true },
            t("challengePages.ratings.columns.why"),
            ...(canChange ? [t("challengePages.ratings.columns.actions")] : []),
          ]}
        >
          {ratings.map((r) => {
            const name = [r.organisation, r.person].filter(Boolean).join(" — ");
            return (
              <Row key={r.id}>
                <RowHeader>{name}</RowHeader>
                <Cell>
                  {r.sector ? t(sectorKey(r.sector)) : t("challengePages.ratings.unknownSector")}
                </Cell>
                <Cell>
                  {isPerspective(r.perspective)
                    ? t(`perspectives.${r.perspective}`)
                    : t("challengePages.ratings.unknownPerspective")}
                </Cell>
                <Cell numeric>{r.urgency}</Cell>
                <Cell numeric>{r.importance}</Cell>
                <Cell>
                  <span className="lr-pub-text">{r.why}</span>
                </Cell>
                {canChange ? (
                  <Cell>
                    <PostForm className="lr-inline-form">
                      <input type="hidden" name="ratingId" value={r.id} />
                      <button
                        type="submit"
                        name="_intent"
                        value="removeRating"
                        className="utrecht-button utrecht-button--secondary-action"
                      >
                        {t("challengePages.ratings.remove")}
                        <span className="lr-visually-hidden">: {name}</span>
                      </button>
                    </PostForm>
                  </Cell>
                ) : null}
              </Row>
            );
          })}
        </DataTable>
      )}

      {all ? (
        <>
          <h3 className="utrecht-heading-3">{t("challengePages.ratings.agreement")}</h3>
          <ul className="utrecht-unordered-list">
            {(["urgency", "importance"] as const).map((m) => (
              <li key={m}>
                {t(
                  agrees(all[m]) ? "challengePages.ratings.agree" : "challengePages.ratings.differ",
                  {
                    measure: t(`challengePages.ratings.measure.${m}`),
                    min: all[m].min,
                    max: all[m].max,
                  },
                )}
              </li>
            ))}
            {within(true) ? (
              <li>{t("challengePages.ratings.agreeSectors", { list: within(true) })}</li>
            ) : null}
            {within(false) ? (
              <li>{t("challengePages.ratings.differSectors", { list: within(false) })}</li>
            ) : null}
          </ul>
          <AgreementTable
            caption={t("challengePages.ratings.agreementColumns.sector")}
            rows={perSector}
            all={all}
            unknown={t("challengePages.ratings.unknownSector")}
          />
          {perPerspective.length > 0 ? (
            <AgreementTable
              caption={t("challengePages.ratings.agreementColumns.perspective")}
              rows={perPerspective}
              unknown={t("challengePages.ratings.unknownPerspective")}
            />
          ) : null}
        </>
      ) : null}

      {canChange ? (
        <PostForm>
          <fieldset className="lr-section">
            <legend>{t("challengePages.ratings.add")}</legend>
            <SelectField
              name="organisationId"
              label={t("challengePages.ratings.organisation")}
              emptyLabel={t("challengePages.ratings.noChoice")}
              options={parties.organisations.map((o) => ({ value: o.id, label: o.name }))}
              defaultValue={rate.value("organisationId")}
              errors={rate.errors}
            />
            <SelectField
              name="personId"
              label={t("challengePages.ratings.person")}
              emptyLabel={t("challengePages.ratings.noChoice")}
              options={parties.people.map((p) => ({ value: p.id, label: p.name }))}
              defaultValue={rate.value("personId")}
              errors={rate.errors}
            />
            <SelectField
              name="urgency"
              label={t("challengePages.ratings.urgency")}
              options={levels}
              defaultValue={rate.value("urgency") ?? "3"}
              errors={rate.errors}
            />
            <SelectField
              name="importance"
              label={t("challengePages.ratings.importance")}
              options={levels}
              defaultValue={rate.value("importance") ?? "3"}
              errors={rate.errors}
            />
            <Field
              name="why"
              label={`${t("challengePages.ratings.why")} ${t("app.optional")}`}
              multiline
              rows={2}
              maxLength={CHALLENGE_LIMITS.why}
              defaultValue={rate.value("why")}
              errors={rate.errors}
            />
            <SubmitButton name="_intent" value="rate">
              {t("challengePages.ratings.add")}
            </SubmitButton>
          </fieldset>
        </PostForm>
      ) : null}
    </section>
  );
}

/** A mean on the 1–5 scale as a bar beside its figure; the figure is what is read out. */
function MeanBar({ mean }: { mean: number }) {
  return <span className="lr-bar" style={{ width: `${mean}rem` }} aria-hidden="true" />;
}

/** Mean and range per group (sector or perspective); the row without a group is "all parties". */
function AgreementTable({
  caption,
  rows,
  all,
  unknown,
}: {
  caption: string;
  rows: AgreementRow[];
  /** The line over all parties, below the groups. */
  all?: AgreementRow;
  unknown: string;
}) {
  const t = useT();
  const locale = useLocale();
  const num = (n: number) => n.toLocaleString(locale);
  const range = (s: Spread) => `${s.min}–${s.max}`;
  return (
    <DataTable
      caption={`${t("challengePages.ratings.agreement")}: ${caption}`}
      hideCaption
      columns={[
        caption,
        { label: t("challengePages.ratings.agreementColumns.parties"), numeric: true },
        { label: t("challengePages.ratings.agreementColumns.urgency"), numeric: true },
        t("challengePages.ratings.agreementColumns.urgencySpread"),
        { label: t("challengePages.ratings.agreementColumns.importance"), numeric: true },
        t("challengePages.ratings.agreementColumns.importanceSpread"),
      ]}
    >
      {[...rows, ...(all ? [all] : [])].map((r, i) => (
        <Row key={r.group ?? `none-${i}`}>
          <RowHeader>
            {i === rows.length ? (
              <strong>{t("challengePages.ratings.all")}</strong>
            ) : r.group ? (
              t(r.group)
            ) : (
              unknown
            )}
          </RowHeader>
          <Cell numeric>{r.parties}</Cell>
          <Cell numeric>
            <MeanBar mean={r.urgency.mean} />
            {num(r.urgency.mean)}
          </Cell>
          <Cell>{range(r.urgency)}</Cell>
          <Cell numeric>
            <MeanBar mean={r.importance.mean} />
            {num(r.importance.mean)}
          </Cell>
          <Cell>{range(r.importance)}</Cell>
        </Row>
      ))}
    </DataTable>
  );
}
