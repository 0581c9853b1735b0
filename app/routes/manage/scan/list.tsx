import { Link, redirect } from "react-router";
import type { Route } from "./+types/list";
import { may } from "../../../../core/kernel/scope.ts";
import { benchmark } from "../../../../core/scan/benchmark.ts";
import { scanPolicy } from "../../../../core/scan/policy.ts";
import { benchmarkOptIn, listScans } from "../../../../core/scan/queries.ts";
import { MIN_GROUP, MIN_REGIONS } from "../../../../core/scan/schema.ts";
import { setBenchmark } from "../../../../core/scan/setBenchmark.ts";
import {
  CheckboxField,
  FormError,
  Notice,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { isOneOf, useT } from "../../../lib/i18n.ts";
import { refusedChange, requestT, requireRegion } from "../../../lib/request.server.ts";
import { useNumber } from "./ScanParts.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

const DONE = ["deleted", "benchmarkSaved"] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, scanPolicy.view);
  const done = new URL(request.url).searchParams.get("done");
  const [scans, optIn, compared] = await Promise.all([
    listScans(scope),
    benchmarkOptIn(scope),
    benchmark(scope),
  ]);
  return {
    base: `/manage/${region.slug}/scans`,
    scans,
    optIn,
    compared,
    mayCreate: may(scope, scanPolicy.createScan),
    maySetBenchmark: may(scope, scanPolicy.setBenchmark),
    done: isOneOf(DONE, done) ? done : null,
    pageTitle: requestT(context)("scan.title"),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, scanPolicy.view);
  const sent = formObject(await request.formData());
  const r = await setBenchmark(scope, sent);
  return r.ok
    ? redirect(`/manage/${region.slug}/scans?done=benchmarkSaved#benchmark`)
    : refusedChange(context, r, "benchmark", sent);
}

export default function Scans({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const n = useNumber();
  const { base, scans, optIn, compared, mayCreate, maySetBenchmark, done } = loaderData;
  const { error } = useFieldErrors(actionData);
  return (
    <>
      <h1 className="utrecht-heading-1">{t("scan.title")}</h1>
      <p className="utrecht-paragraph">{t("scan.intro")}</p>
      {done && !actionData ? <Notice>{t(`scan.done.${done}`)}</Notice> : null}
      {mayCreate ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`${base}/new`}>
            {t("scan.new")}
          </Link>
        </p>
      ) : null}
      {scans.length === 0 ? (
        <p className="utrecht-paragraph">{t("scan.none")}</p>
      ) : (
        <DataTable
          caption={t("scan.title")}
          hideCaption
          columns={[
            t("scan.col.title"),
            t("scan.col.challenge"),
            { label: t("scan.col.rounds"), numeric: true },
            t("scan.col.openRound"),
            { label: t("scan.col.responses"), numeric: true },
          ]}
        >
          {scans.map((s) => (
            <Row key={s.id}>
              <RowHeader>
                <Link className="utrecht-link" to={`${base}/${s.id}`}>
                  {s.title}
                </Link>
              </RowHeader>
              <Cell>{s.challengeTitle ?? t("scan.wholeRegion")}</Cell>
              <Cell numeric>{s.rounds}</Cell>
              <Cell>{s.openRound === null ? "–" : t("scan.round", { n: s.openRound })}</Cell>
              <Cell numeric>{s.responses}</Cell>
            </Row>
          ))}
        </DataTable>
      )}

      <section aria-labelledby="benchmark">
        <h2 className="utrecht-heading-2" id="benchmark">
          {t("scan.benchmark.title")}
        </h2>
        <p className="utrecht-paragraph">
          {t("scan.benchmark.intro", { group: MIN_GROUP, regions: MIN_REGIONS })}
        </p>
        {maySetBenchmark ? (
          <PostForm>
            <FormError error={error} />
            <CheckboxField name="optIn" label={t("scan.benchmark.optIn")} defaultChecked={optIn} />
            <SubmitButton kind="secondary">{t("scan.benchmark.save")}</SubmitButton>
          </PostForm>
        ) : null}
        {compared.status === "notOptedIn" ? (
          <p className="utrecht-paragraph">{t("scan.benchmark.notOptedIn")}</p>
        ) : compared.status === "tooFew" ? (
          <p className="utrecht-paragraph">
            {t("scan.benchmark.tooFew", { n: compared.regions, min: MIN_REGIONS })}
          </p>
        ) : (
          <DataTable
            caption={t("scan.benchmark.caption", { n: compared.regions })}
            columns={[
              t("scan.theme"),
              { label: t("scan.benchmark.min"), numeric: true },
              { label: t("scan.benchmark.q1"), numeric: true },
              { label: t("scan.result.median"), numeric: true },
              { label: t("scan.benchmark.q3"), numeric: true },
              { label: t("scan.benchmark.max"), numeric: true },
              { label: t("scan.benchmark.own"), numeric: true },
            ]}
          >
            {compared.themes.map((b) => (
              <Row key={b.theme}>
                <RowHeader>{t(`scan.themes.${b.theme}`)}</RowHeader>
                <Cell numeric>{n(b.min)}</Cell>
                <Cell numeric>{n(b.q1)}</Cell>
                <Cell numeric>{n(b.median)}</Cell>
                <Cell numeric>{n(b.q3)}</Cell>
                <Cell numeric>{n(b.max)}</Cell>
                <Cell numeric>{n(b.own)}</Cell>
              </Row>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
