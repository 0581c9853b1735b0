import { CHALLENGE_LIMITS } from "../../../core/challenges/schema.ts";
import type { T } from "../../../i18n/index.ts";
import { Field, PostForm, SelectField, SubmitButton } from "../form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../table.tsx";
import { formatDate } from "../../lib/format.ts";
import { useLocale, useT } from "../../lib/i18n.ts";
import { LEVELS, stateFor, type FormState, type Found } from "./shared.ts";

const ladder = (t: T, n: string) =>
  t("challengePages.ambition.level", {
    n,
    name: t(`challenges.ladder.${n as (typeof LEVELS)[number]}`),
  });

type Point = Found["ambitions"][number];

const sourceText = (t: T, p: { source: "coordinator" | "dialogue"; answers?: number }) =>
  p.source === "dialogue"
    ? t("challenges.ambitionSource.dialogue", { count: p.answers ?? 0 })
    : t("challenges.ambitionSource.coordinator");

/**
 * The ambition ladder: the current level with its source, the history as bars (hidden from
 * assistive technology, which reads the table beside it) and the form that sets a new level.
 */
export function AmbitionSection({
  found,
  canChange,
  form,
}: {
  found: Found;
  canChange: boolean;
  form: FormState;
}) {
  const t = useT();
  const locale = useLocale();
  const { ambition, ambitions } = found;
  const set = stateFor(form, "ambition");
  const num = (n: number) => n.toLocaleString(locale);
  const options = LEVELS.map((l) => ({ value: l, label: ladder(t, l) }));
  return (
    <section className="lr-section" aria-labelledby="ambition">
      <h2 className="utrecht-heading-2" id="ambition">
        {t("challengePages.ambition.title")}
      </h2>
      <p className="utrecht-paragraph">{t("challengePages.ambition.intro")}</p>
      <p className="utrecht-paragraph">
        {ambition
          ? t("challengePages.ambition.current", {
              now: num(ambition.now),
              desired: num(ambition.desired),
              source: sourceText(t, ambition),
              date: formatDate(ambition.at, locale),
            })
          : t("challengePages.ambition.noCurrent")}
      </p>

      {ambitions.length > 0 ? (
        <>
          <h3 className="utrecht-heading-3">{t("challengePages.ambition.history")}</h3>
          <AmbitionBars points={ambitions} />
          <DataTable
            caption={t("challengePages.ambition.history")}
            hideCaption
            columns={[
              t("challengePages.ambition.columns.date"),
              t("challengePages.ambition.columns.source"),
              { label: t("challengePages.ambition.columns.now"), numeric: true },
              { label: t("challengePages.ambition.columns.desired"), numeric: true },
              t("challengePages.ambition.columns.note"),
            ]}
          >
            {ambitions.map((p, i) => (
              <Row key={i}>
                <RowHeader>{formatDate(p.at, locale)}</RowHeader>
                <Cell>
                  {sourceText(t, p)}
                  {p.sessionTitle ? `: ${p.sessionTitle}` : ""}
                </Cell>
                <Cell numeric>{num(p.now)}</Cell>
                <Cell numeric>{num(p.desired)}</Cell>
                <Cell>
                  <span className="lr-pub-text">{p.note}</span>
                </Cell>
              </Row>
            ))}
          </DataTable>
        </>
      ) : null}

      {canChange ? (
        <PostForm>
          <fieldset className="lr-section">
            <legend>{t("challengePages.ambition.set")}</legend>
            <SelectField
              name="now"
              label={t("challengePages.ambition.now")}
              options={options}
              defaultValue={set.value("now") ?? String(Math.round(ambition?.now ?? 1))}
              errors={set.errors}
            />
            <SelectField
              name="desired"
              label={t("challengePages.ambition.desired")}
              options={options}
              defaultValue={set.value("desired") ?? String(Math.round(ambition?.desired ?? 1))}
              errors={set.errors}
            />
            <Field
              name="note"
              label={`${t("challengePages.ambition.note")} ${t("app.optional")}`}
              multiline
              rows={2}
              maxLength={CHALLENGE_LIMITS.ambitionNote}
              defaultValue={set.value("note")}
              errors={set.errors}
            />
            <SubmitButton name="_intent" value="ambition">
              {t("challengePages.ambition.set")}
            </SubmitButton>
          </fieldset>
        </PostForm>
      ) : null}
    </section>
  );
}

/** Now and desired per moment as bars on the 1–5 ladder; the table beside it says the same. */
function AmbitionBars({ points }: { points: Point[] }) {
  const t = useT();
  const locale = useLocale();
  const width = (v: number) => `${(v / 5) * 100}%`;
  return (
    <div className="lr-chart" aria-hidden="true">
      {points.map((p, i) => (
        <div className="lr-chart__group" key={i}>
          <span className="lr-chart__group-label">{formatDate(p.at, locale)}</span>
          {(["now", "desired"] as const).map((k) => (
            <div className="lr-rbar" key={k}>
              <span className="lr-rbar__label">
                {t(
                  k === "now"
                    ? "challengePages.ambition.chartNow"
                    : "challengePages.ambition.chartDesired",
                )}
              </span>
              <span className="lr-rbar__track">
                <span
                  className={`lr-rbar__fill${k === "desired" ? " lr-rbar__fill--desired" : ""}`}
                  style={{ width: width(p[k]) }}
                />
              </span>
              <span>{p[k].toLocaleString(locale)}</span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
