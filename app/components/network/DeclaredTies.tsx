import { Link } from "react-router";
import type { Message } from "../../../i18n/index.ts";
import { DECLARED_TIE_KINDS } from "../../../core/network/schema.ts";
import { formatDate } from "../../lib/format.ts";
import { useLocale, useT } from "../../lib/i18n.ts";
import {
  Field,
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  type FieldErrors,
} from "../form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../table.tsx";

export interface DeclaredTieRow {
  id: string;
  kind: (typeof DECLARED_TIE_KINDS)[number];
  note: string;
  createdAt: string;
  other: { id: string; name: string };
}

/**
 * The ties recorded for one person, with the form to record another and a button to remove
 * each: on a person's page for coordinators and on a member's own position page.
 */
export function DeclaredTies({
  ties,
  choices,
  canRecord,
  done,
  fieldErrors,
  error,
  personBase,
}: {
  ties: DeclaredTieRow[];
  choices: { id: string; name: string }[];
  canRecord: boolean;
  done: "recorded" | "removed" | null;
  fieldErrors: FieldErrors;
  error?: Message;
  /** Where the other person's network page is (`${personBase}/:id/network`); null: no link. */
  personBase: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="declared" id="declared">
      <h2 className="utrecht-heading-2" id="declared-heading">
        {t("network.declared.heading")}
      </h2>
      {done === "recorded" ? <Notice>{t("network.tieRecorded")}</Notice> : null}
      {done === "removed" ? <Notice>{t("network.tieRemoved")}</Notice> : null}
      {ties.length === 0 ? (
        <p className="utrecht-paragraph">{t("network.declared.none")}</p>
      ) : (
        <DataTable
          caption={t("network.declared.caption")}
          columns={[
            t("network.column.name"),
            t("network.column.kind"),
            t("network.column.note"),
            t("network.column.since"),
            ...(canRecord ? [null] : []),
          ]}
        >
          {ties.map((tie) => (
            <Row key={tie.id}>
              <RowHeader>
                {personBase ? (
                  <Link className="utrecht-link" to={`${personBase}/${tie.other.id}/network`}>
                    {tie.other.name}
                  </Link>
                ) : (
                  tie.other.name
                )}
              </RowHeader>
              <Cell>{t(`network.declaredKinds.${tie.kind}`)}</Cell>
              <Cell>{tie.note || "–"}</Cell>
              <Cell>{formatDate(new Date(tie.createdAt), locale)}</Cell>
              {canRecord ? (
                <Cell>
                  <PostForm>
                    <input type="hidden" name="tieId" value={tie.id} />
                    <SubmitButton kind="secondary" name="_intent" value="removeTie">
                      {t("network.declared.remove")}
                      <span className="lr-visually-hidden">: {tie.other.name}</span>
                    </SubmitButton>
                  </PostForm>
                </Cell>
              ) : null}
            </Row>
          ))}
        </DataTable>
      )}
      {canRecord ? (
        <PostForm>
          <h3 className="utrecht-heading-3">{t("network.declared.add")}</h3>
          <p className="utrecht-paragraph">{t("network.declared.intro")}</p>
          <FormError error={error} />
          <SelectField
            name="other"
            label={t("network.declared.other")}
            options={choices.map((c) => ({ value: c.id, label: c.name }))}
            emptyLabel={t("network.declared.choose")}
            errors={fieldErrors}
            required
          />
          <SelectField
            name="kind"
            label={t("network.declared.kind")}
            options={DECLARED_TIE_KINDS.map((k) => ({
              value: k,
              label: t(`network.declaredKinds.${k}`),
            }))}
            defaultValue="works_with"
            errors={fieldErrors}
          />
          <Field
            name="note"
            label={t("network.declared.note")}
            errors={fieldErrors}
            maxLength={500}
          />
          <SubmitButton name="_intent" value="recordTie">
            {t("network.declared.add")}
          </SubmitButton>
        </PostForm>
      ) : null}
    </section>
  );
}
