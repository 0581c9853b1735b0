import { Link, redirect } from "react-router";
import type { Route } from "./+types/detail";
import { formatJoinCode } from "../../../../core/dialogue/joinCode.ts";
import { may } from "../../../../core/kernel/scope.ts";
import { formatDate } from "../../../../core/kernel/time.ts";
import { addStatement } from "../../../../core/scan/addStatement.ts";
import { closeRound } from "../../../../core/scan/closeRound.ts";
import { deleteScan } from "../../../../core/scan/deleteScan.ts";
import { makeLinks } from "../../../../core/scan/makeLinks.ts";
import { openRound } from "../../../../core/scan/openRound.ts";
import { scanPolicy } from "../../../../core/scan/policy.ts";
import { getScan } from "../../../../core/scan/queries.ts";
import { removeStatement } from "../../../../core/scan/removeStatement.ts";
import { SCAN_LIMITS } from "../../../../core/scan/schema.ts";
import { SCAN_FORMS, SCAN_THEMES, STATEMENT_SOURCE } from "../../../../core/scan/statements.ts";
import {
  CheckboxField,
  Field,
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  useFieldErrors,
  useTranslatedOptions,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { isOneOf, useLocale, useT } from "../../../lib/i18n.ts";
import {
  getRequestInfo,
  getServices,
  notFound,
  refusedChange,
  requireRegion,
} from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.scan.title }];
}

const DONE = [
  "created",
  "roundOpened",
  "roundClosed",
  "statementAdded",
  "statementRemoved",
] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, scanPolicy.view);
  const scan = await getScan(scope, params.id, getRequestInfo(context).locale);
  if (!scan) notFound(context);
  const done = new URL(request.url).searchParams.get("done");
  return {
    base: `/manage/${region.slug}/scans`,
    joinBase: `${getServices(context).config.publicUrl}/r/${region.slug}/scan/`,
    scan,
    mayRun: may(scope, scanPolicy.openRound),
    done: isOneOf(DONE, done) ? done : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, scanPolicy.view);
  const form = await request.formData();
  const cmd = intent(form);
  const sent = formObject(form);
  const here = `/manage/${region.slug}/scans/${params.id}`;
  const back = (done: (typeof DONE)[number], hash: string) =>
    redirect(`${here}?done=${done}#${hash}`);
  // A round named in a form must be one of this scan's: another scan's round is "not found".
  const ownRound = async (roundId: unknown) => {
    const scan = await getScan(scope, params.id, "nl");
    return scan?.rounds.some((r) => r.id === roundId) ? roundId : null;
  };
  switch (cmd) {
    case "openRound": {
      const r = await openRound(scope, params.id, sent);
      return r.ok ? back("roundOpened", "rounds") : refusedChange(context, r, cmd, sent);
    }
    case "closeRound": {
      const r = await closeRound(scope, await ownRound(sent.roundId));
      return r.ok ? back("roundClosed", "rounds") : refusedChange(context, r, cmd, {});
    }
    case "makeLinks": {
      const r = await makeLinks(scope, await ownRound(sent.roundId), sent);
      if (!r.ok) return refusedChange(context, r, cmd, sent);
      const origin = getServices(context).config.publicUrl;
      return { ok: true as const, intent: cmd, links: r.value.paths.map((p) => origin + p) };
    }
    case "addStatement": {
      const r = await addStatement(scope, params.id, sent);
      return r.ok ? back("statementAdded", "own") : refusedChange(context, r, cmd, sent);
    }
    case "removeStatement": {
      const r = await removeStatement(scope, params.id, sent.statementId);
      return r.ok ? back("statementRemoved", "own") : refusedChange(context, r, cmd, {});
    }
    case "delete": {
      const r = await deleteScan(scope, params.id, { confirmed: sent.confirm === "on" });
      return r.ok
        ? redirect(`/manage/${region.slug}/scans?done=deleted`)
        : refusedChange(context, r, cmd, {});
    }
    default:
      notFound(context);
  }
}

export default function ScanPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { base, joinBase, scan, mayRun, done } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const failed = actionData && "intent" in actionData && !actionData.ok ? actionData.intent : null;
  const sent = (actionData && "values" in actionData ? actionData.values : undefined) as
    Record<string, string | string[]> | undefined;
  const value = (k: string) => (typeof sent?.[k] === "string" ? (sent[k] as string) : undefined);
  const links = actionData && "links" in actionData ? actionData.links : null;
  const open = scan.rounds.find((r) => r.status === "open");
  const themes = useTranslatedOptions("scan.themes", SCAN_THEMES);
  const forms = useTranslatedOptions("scan.forms", SCAN_FORMS);
  const here = `${base}/${scan.id}`;
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={base}>
          {t("scan.backToList")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{scan.title}</h1>
      <p className="utrecht-paragraph">
        {t("scan.challenge")}: {scan.challenge?.title ?? t("scan.wholeRegion")}
      </p>
      {done && !actionData ? <Notice>{t(`scan.done.${done}`)}</Notice> : null}
      <FormError error={error} />

      <section aria-labelledby="rounds">
        <h2 className="utrecht-heading-2" id="rounds">
          {t("scan.rounds")}
        </h2>
        {scan.rounds.length === 0 ? (
          <p className="utrecht-paragraph">{t("scan.noRounds")}</p>
        ) : (
          <DataTable
            caption={t("scan.roundsCaption")}
            hideCaption
            columns={[
              t("scan.rounds"),
              t("scan.status"),
              t("scan.opened"),
              t("scan.joinCode"),
              { label: t("scan.responses"), numeric: true },
              t("scan.results"),
            ]}
          >
            {scan.rounds.map((r) => (
              <Row key={r.id}>
                <RowHeader>
                  {t("scan.round", { n: r.number })}
                  {r.label ? ` (${r.label})` : ""}
                </RowHeader>
                <Cell>{t(`scan.roundStatus.${r.status}`)}</Cell>
                <Cell>{formatDate(r.openedAt, locale)}</Cell>
                <Cell>{r.status === "open" ? formatJoinCode(r.joinCode) : "–"}</Cell>
                <Cell numeric>{r.responses}</Cell>
                <Cell>
                  <Link className="utrecht-link" to={`${here}/rounds/${r.id}`}>
                    {t("scan.resultsOf", { n: r.number })}
                  </Link>
                </Cell>
              </Row>
            ))}
          </DataTable>
        )}
        {scan.rounds.length >= 2 ? (
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={`${here}/development`}>
              {t("scan.compare")}
            </Link>
          </p>
        ) : null}
        {open ? (
          <>
            <p className="utrecht-paragraph">
              {t("scan.joinLink", { url: joinBase + open.joinCode })}
            </p>
            {mayRun ? (
              <>
                <PostForm>
                  <input type="hidden" name="_intent" value="closeRound" />
                  <input type="hidden" name="roundId" value={open.id} />
                  <SubmitButton kind="secondary">{t("scan.closeRound")}</SubmitButton>
                </PostForm>
                <h3 className="utrecht-heading-3" id="links">
                  {t("scan.links")}
                </h3>
                <p className="utrecht-paragraph">{t("scan.linksIntro")}</p>
                <PostForm>
                  <input type="hidden" name="_intent" value="makeLinks" />
                  <input type="hidden" name="roundId" value={open.id} />
                  <Field
                    name="count"
                    type="number"
                    label={t("scan.linksCount")}
                    defaultValue={value("count") ?? "10"}
                    errors={failed === "makeLinks" ? fieldErrors : undefined}
                  />
                  <SubmitButton kind="secondary">{t("scan.makeLinks")}</SubmitButton>
                </PostForm>
                {links ? (
                  <>
                    <Notice>{t("scan.linksMade")}</Notice>
                    <div className="utrecht-form-field">
                      <label className="utrecht-form-label" htmlFor="made-links">
                        {t("scan.linksLabel")}
                      </label>
                      <textarea
                        id="made-links"
                        className="utrecht-textarea utrecht-textarea--html-textarea"
                        readOnly
                        rows={Math.min(12, links.length + 1)}
                        defaultValue={links.join("\n")}
                      />
                    </div>
                  </>
                ) : null}
              </>
            ) : null}
          </>
        ) : mayRun ? (
          <PostForm>
            <input type="hidden" name="_intent" value="openRound" />
            <Field
              name="label"
              label={t("scan.roundLabel")}
              maxLength={SCAN_LIMITS.roundLabel}
              defaultValue={value("label")}
              errors={failed === "openRound" ? fieldErrors : undefined}
            />
            <SubmitButton>{t("scan.openRound")}</SubmitButton>
          </PostForm>
        ) : null}
      </section>

      <section aria-labelledby="statements">
        <h2 className="utrecht-heading-2" id="statements">
          {t("scan.statements")}
        </h2>
        <p className="utrecht-paragraph lr-muted">
          {t("scan.source", { source: STATEMENT_SOURCE })}
        </p>
        <h3 className="utrecht-heading-3" id="own">
          {t("scan.own")}
        </h3>
        {scan.own.length === 0 ? (
          <p className="utrecht-paragraph">{t("scan.noOwn")}</p>
        ) : (
          <DataTable
            caption={t("scan.ownCaption")}
            hideCaption
            columns={[t("scan.statement"), t("scan.theme"), t("scan.kind"), null]}
          >
            {scan.own.map((s) => (
              <Row key={s.id}>
                <RowHeader>{s.text}</RowHeader>
                <Cell>{t(`scan.themes.${s.theme}`)}</Cell>
                <Cell>{t(`scan.forms.${s.form}`)}</Cell>
                <Cell>
                  {mayRun ? (
                    <PostForm>
                      <input type="hidden" name="_intent" value="removeStatement" />
                      <input type="hidden" name="statementId" value={s.id} />
                      <SubmitButton kind="secondary">
                        {t("scan.remove")}
                        <span className="lr-visually-hidden">: {s.text}</span>
                      </SubmitButton>
                    </PostForm>
                  ) : null}
                </Cell>
              </Row>
            ))}
          </DataTable>
        )}
        {mayRun ? (
          <PostForm>
            <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                {t("scan.addStatement")}
              </legend>
              <input type="hidden" name="_intent" value="addStatement" />
              <p className="utrecht-paragraph lr-muted">{t("scan.removeHint")}</p>
              <SelectField
                name="theme"
                label={t("scan.theme")}
                options={themes}
                defaultValue={value("theme")}
                errors={failed === "addStatement" ? fieldErrors : undefined}
              />
              <SelectField
                name="form"
                label={t("scan.kind")}
                options={forms}
                defaultValue={value("form")}
                errors={failed === "addStatement" ? fieldErrors : undefined}
              />
              <Field
                name="text"
                label={t("scan.statement")}
                maxLength={SCAN_LIMITS.statement}
                defaultValue={value("text")}
                errors={failed === "addStatement" ? fieldErrors : undefined}
              />
              <SubmitButton kind="secondary">{t("scan.addStatement")}</SubmitButton>
            </fieldset>
          </PostForm>
        ) : null}
        <h3 className="utrecht-heading-3" id="shipped">
          {t("scan.shippedCaption")}
        </h3>
        <DataTable
          caption={t("scan.shippedCaption")}
          hideCaption
          columns={[t("scan.statement"), t("scan.theme"), t("scan.kind")]}
        >
          {scan.statements
            .filter((s) => !s.own)
            .map((s) => (
              <Row key={s.key}>
                <RowHeader>{s.text}</RowHeader>
                <Cell>{t(`scan.themes.${s.theme}`)}</Cell>
                <Cell>{t(`scan.forms.${s.form}`)}</Cell>
              </Row>
            ))}
        </DataTable>
      </section>

      {mayRun ? (
        <section aria-labelledby="delete">
          <h2 className="utrecht-heading-2" id="delete">
            {t("scan.delete")}
          </h2>
          <p className="utrecht-paragraph">{t("scan.deleteHint")}</p>
          <PostForm>
            <input type="hidden" name="_intent" value="delete" />
            <CheckboxField
              name="confirm"
              label={t("scan.deleteConfirm")}
              errors={failed === "delete" ? fieldErrors : undefined}
            />
            <SubmitButton kind="danger">{t("scan.delete")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}
