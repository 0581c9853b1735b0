import { redirect, useActionData } from "react-router";
import type { Route } from "./+types/regions-new";
import { seedShippedEntries } from "../../core/knowledge/shipped.ts";
import { createRegion } from "../../core/regions/createRegion.ts";
import { Field, FormError, PostForm, SubmitButton, useFieldErrors } from "../components/form.tsx";
import { Shell } from "../root.tsx";
import { formObject } from "../lib/form.server.ts";
import { useT } from "../lib/i18n.ts";
import { getServices, notFound, refused, requestT, requireUser } from "../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!user.isPlatformAdmin) notFound(context);
  return { title: requestT(context)("nav.newRegion") };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser(request, context);
  const result = await createRegion(
    getServices(context).db,
    { userId: user.id, isPlatformAdmin: user.isPlatformAdmin },
    formObject(await request.formData()),
  );
  // Only platform administrators know this page exists: to anyone else it is not found.
  if (!result.ok) {
    if (result.kind === "forbidden") notFound(context);
    return refused(context, result);
  }
  // The poster's tips for the new region's knowledge base. Not inside createRegion's transaction:
  // core/regions may not import core/knowledge (it would close a cycle of capabilities), and
  // seeding is idempotent, so the start-up step catches a region whose seeding failed here.
  await seedShippedEntries(getServices(context).db, result.value.id);
  return redirect(`/manage/${result.value.slug}/settings`);
}

export default function NewRegion() {
  const t = useT();
  const { fieldErrors, error } = useFieldErrors(useActionData<typeof action>());
  return (
    <Shell>
      <h1 className="utrecht-heading-1">{t("nav.newRegion")}</h1>
      <PostForm className="lr-form" noValidate>
        <FormError error={error} />
        <Field
          name="name"
          label={t("regions.name")}
          required
          maxLength={200}
          errors={fieldErrors}
        />
        <Field
          name="slug"
          label={t("regions.slug")}
          description={t("regions.slugHint")}
          required
          maxLength={60}
          errors={fieldErrors}
        />
        <Field name="description" label={t("regions.description")} multiline errors={fieldErrors} />
        <SubmitButton>{t("app.save")}</SubmitButton>
      </PostForm>
    </Shell>
  );
}
