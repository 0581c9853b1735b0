import { Form, Link } from "react-router";
import type { Route } from "./+types/registrations";
import { SECTORS } from "../../../../core/kernel/sectors.ts";
import {
  Field,
  SelectField,
  SubmitButton,
  useTranslatedOptions,
} from "../../../components/form.tsx";
import { useT } from "../../../lib/i18n.ts";

type Data = Route.ComponentProps["loaderData"];

/** The search and filters of the registrations list; a plain GET form, so the URL holds them. */
export function RegistrationsFilter({
  filter,
  filtered,
  base,
}: {
  filter: Data["filter"];
  filtered: boolean;
  base: string;
}) {
  const t = useT();
  const sectors = useTranslatedOptions("sectors", SECTORS);
  return (
    <Form method="get" role="search" className="lr-filters" aria-labelledby="reg-filter">
      <h2 className="utrecht-heading-2" id="reg-filter">
        {t("eventsAdmin.filterTitle")}
      </h2>
      <Field
        name="q"
        type="search"
        label={t("eventsAdmin.search")}
        defaultValue={filter.q}
        maxLength={200}
      />
      <div className="lr-filter-row">
        <SelectField
          name="status"
          label={t("eventsAdmin.filterStatus")}
          options={(["confirmed", "waitlisted", "cancelled"] as const).map((s) => ({
            value: s,
            label: t(`eventsAdmin.regStatuses.${s}`),
          }))}
          emptyLabel={t("eventsAdmin.allStatuses")}
          defaultValue={filter.status}
        />
        <SelectField
          name="sector"
          label={t("eventsAdmin.filterSector")}
          options={sectors}
          emptyLabel={t("eventsAdmin.allSectors")}
          defaultValue={filter.sector}
        />
      </div>
      <div className="lr-actions">
        <SubmitButton kind="secondary">{t("eventsAdmin.applyFilter")}</SubmitButton>
        {filtered ? (
          <Link className="utrecht-link" to={base}>
            {t("eventsAdmin.clearFilter")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
