import { Link } from "react-router";
import type { Message } from "../../../../i18n/index.ts";
import type { MessageKey } from "../../../../i18n/index.ts";
import { PERSPECTIVES, SECTORS } from "../../../../core/kernel/sectors.ts";
import type { ScanStatement } from "../../../../core/scan/statements.ts";
import { SCAN_THEMES } from "../../../../core/scan/statements.ts";
import { statementField } from "../../../../core/scan/statements.ts";
import {
  Field,
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  useTranslatedOptions,
  useFieldErrors,
  type FieldErrors,
} from "../../../components/form.tsx";
import { useMessage, useT } from "../../../lib/i18n.ts";
import { Shell } from "../../../root.tsx";
import { RegionBrand, regionThemeStyle } from "../../manage/layout.tsx";

export interface PublicScan {
  title: string;
  open: boolean;
  statements: ScanStatement[];
}

const SCALE = ["1", "2", "3", "4", "5"] as const;

/**
 * One question on a 1–5 scale as a group of radio buttons with its legend: large targets that
 * work on a cheap phone and without JavaScript, and nothing chosen until the respondent chooses.
 */
function ScaleQuestion({
  name,
  legend,
  labels,
  value,
  error,
}: {
  name: string;
  legend: string;
  labels: (v: (typeof SCALE)[number]) => string;
  value?: string;
  error?: Message;
}) {
  const message = useMessage();
  const errorId = `field-${name}-error`;
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset lr-scale${error ? " utrecht-form-fieldset--invalid" : ""}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {error ? (
        <div className="utrecht-form-field-error-message" id={errorId}>
          {message(error)}
        </div>
      ) : null}
      {SCALE.map((v) => {
        const id = `field-${name}-${v}`;
        return (
          <div className="utrecht-form-field utrecht-form-field--radio" key={v}>
            <input
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              id={id}
              name={name}
              value={v}
              defaultChecked={value === v}
            />{" "}
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
              {v} · {labels(v)}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

/**
 * The public response form, the same behind a join code and behind a personal link: one long
 * page with a heading per part (about you, the ambition, the phases, one part per theme), so a
 * phone scrolls it without JavaScript and a screen reader jumps from part to part.
 */
export function ScanResponseForm({
  scan,
  values,
  fieldErrors,
  error,
}: {
  scan: PublicScan;
  values?: Record<string, unknown>;
  fieldErrors?: FieldErrors;
  error?: Message;
}) {
  const t = useT();
  const sectors = useTranslatedOptions("sectors", SECTORS);
  const perspectives = useTranslatedOptions("perspectives", PERSPECTIVES);
  const value = (k: string) =>
    typeof values?.[k] === "string" ? (values[k] as string) : undefined;
  const agree = (v: (typeof SCALE)[number]) => t(`scan.agree.${v}`);
  const attention = (v: (typeof SCALE)[number]) => t(`scan.attention.${v}`);
  const ladder = (v: (typeof SCALE)[number]) => t(`scan.ladder.${v}`);
  return (
    <PostForm className="lr-form" noValidate>
      <FormError error={error} />
      <p className="utrecht-paragraph">{t("scan.form.intro")}</p>
      <p className="utrecht-paragraph lr-muted">{t("scan.form.anonymous")}</p>

      <h2 className="utrecht-heading-2" id="about-you">
        {t("scan.form.aboutYou")}
      </h2>
      <SelectField
        name="sector"
        label={t("scan.form.sector")}
        options={sectors}
        emptyLabel={t("scan.form.noSector")}
        defaultValue={value("sector")}
        errors={fieldErrors}
      />
      <SelectField
        name="perspective"
        label={t("scan.form.perspective")}
        options={perspectives}
        emptyLabel={t("scan.form.noPerspective")}
        defaultValue={value("perspective")}
        errors={fieldErrors}
      />
      <Field
        name="name"
        label={t("scan.form.name")}
        autoComplete="off"
        maxLength={200}
        defaultValue={value("name")}
        errors={fieldErrors}
      />

      <h2 className="utrecht-heading-2" id="ambition">
        {t("scan.form.ambition")}
      </h2>
      <p className="utrecht-paragraph">{t("scan.form.ambitionIntro")}</p>
      <ScaleQuestion
        name="ladderNow"
        legend={t("scan.form.ladderNow")}
        labels={ladder}
        value={value("ladderNow")}
        error={fieldErrors?.ladderNow}
      />
      <ScaleQuestion
        name="ladderDesired"
        legend={t("scan.form.ladderDesired")}
        labels={ladder}
        value={value("ladderDesired")}
        error={fieldErrors?.ladderDesired}
      />

      <h2 className="utrecht-heading-2" id="phases">
        {t("scan.form.phases")}
      </h2>
      <p className="utrecht-paragraph">{t("scan.form.phasesIntro")}</p>
      {([1, 2, 3, 4] as const).map((p) => (
        <ScaleQuestion
          key={p}
          name={`phase${p}`}
          legend={`${p}. ${t(`scan.phases.${p}`)}`}
          labels={attention}
          value={value(`phase${p}`)}
          error={fieldErrors?.[`phase${p}`]}
        />
      ))}

      <p className="utrecht-paragraph">{t("scan.form.statementsIntro")}</p>
      {SCAN_THEMES.map((theme) => (
        <section key={theme} aria-labelledby={`theme-${theme}`}>
          <h2 className="utrecht-heading-2" id={`theme-${theme}`}>
            {t(`scan.themes.${theme}` as MessageKey)}
          </h2>
          {scan.statements
            .filter((s) => s.theme === theme)
            .map((s) => (
              <ScaleQuestion
                key={s.key}
                name={statementField(s.key)}
                legend={`${t(`scan.forms.${s.form}`)}: ${s.text}`}
                labels={agree}
                value={value(statementField(s.key))}
                error={fieldErrors?.[statementField(s.key)]}
              />
            ))}
        </section>
      ))}
      {/* The honeypot: out of sight and out of the tab order; people leave it empty. */}
      <div className="lr-visually-hidden" aria-hidden="true">
        <label htmlFor="field-website">{t("scan.form.honeypot")}</label>
        <input
          type="text"
          id="field-website"
          name="website"
          tabIndex={-1}
          autoComplete="off"
          defaultValue=""
        />
      </div>
      <SubmitButton>{t("scan.form.send")}</SubmitButton>
    </PostForm>
  );
}

/** What the page shows after sending, or when the round is closed. */
export function ScanNotices({
  sent,
  region,
}: {
  sent: "stored" | "already" | null;
  region: { slug: string; name: string };
}) {
  const t = useT();
  return (
    <>
      {sent === "stored" ? <Notice>{t("scan.form.thanks")}</Notice> : null}
      {sent === "already" ? <Notice kind="info">{t("scan.form.already")}</Notice> : null}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/r/${region.slug}`}>
          {t("scan.form.toRegion", { region: region.name })}
        </Link>
      </p>
    </>
  );
}

/**
 * The whole public page of a round, the same behind a join code and behind a personal link: the
 * form while the round is open, what happened after a post, and a closed round's notice.
 */
export function ScanPage({
  loaderData,
  actionData,
}: {
  loaderData: {
    region: { slug: string; name: string; hasLogo: boolean; primaryColor: string };
    scan: PublicScan;
    sent: "stored" | "already" | null;
  };
  actionData: unknown;
}) {
  const t = useT();
  const { region, scan, sent } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const values =
    actionData && typeof actionData === "object" && "values" in actionData
      ? (actionData.values as Record<string, unknown>)
      : undefined;
  return (
    <div style={regionThemeStyle(region.primaryColor)}>
      <Shell brand={<RegionBrand region={region} />}>
        <h1 className="utrecht-heading-1">
          {scan.open ? t("scan.form.title", { title: scan.title }) : t("scan.form.closedTitle")}
        </h1>
        {sent ? (
          <ScanNotices sent={sent} region={region} />
        ) : scan.open ? (
          <ScanResponseForm scan={scan} values={values} fieldErrors={fieldErrors} error={error} />
        ) : (
          <>
            <p className="utrecht-paragraph">{t("scan.form.closed")}</p>
            <ScanNotices sent={null} region={region} />
          </>
        )}
      </Shell>
    </div>
  );
}
