import { Link, redirect } from "react-router";
import type { Route } from "./+types/new";
import { listChallenges } from "../../../../core/challenges/queries.ts";
import { createScan } from "../../../../core/scan/createScan.ts";
import { scanPolicy } from "../../../../core/scan/policy.ts";
import { SCAN_LIMITS } from "../../../../core/scan/schema.ts";
import {
  Field,
  FormError,
  PostForm,
  SelectField,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { refusedChange, requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    scanPolicy.createScan,
  );
  return {
    base: `/manage/${region.slug}/scans`,
    challenges: (await listChallenges(scope)).map((c) => ({ value: c.id, label: c.title })),
    pageTitle: requestT(context)("scan.new"),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, scanPolicy.view);
  const sent = formObject(await request.formData());
  const r = await createScan(scope, sent);
  return r.ok
    ? redirect(`/manage/${region.slug}/scans/${r.value.id}?done=created`)
    : refusedChange(context, r, "create", sent);
}

export default function NewScan({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { fieldErrors, error } = useFieldErrors(actionData);
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={loaderData.base}>
          {t("scan.backToList")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("scan.new")}</h1>
      <FormError error={error} />
      <PostForm>
        <Field
          name="title"
          label={t("scan.scanTitle")}
          required
          maxLength={SCAN_LIMITS.title}
          defaultValue={text(values?.title)}
          errors={fieldErrors}
        />
        <SelectField
          name="challengeId"
          label={t("scan.challenge")}
          options={loaderData.challenges}
          emptyLabel={t("scan.wholeRegion")}
          defaultValue={text(values?.challengeId)}
          errors={fieldErrors}
        />
        <SubmitButton>{t("scan.create")}</SubmitButton>
      </PostForm>
    </>
  );
}
