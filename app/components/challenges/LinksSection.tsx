import { Link } from "react-router";
import { LINK_KINDS, type LinkKind } from "../../../core/challenges/schema.ts";
import { PostForm, SelectField, SubmitButton } from "../form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../table.tsx";
import { formatDate } from "../../lib/format.ts";
import { useLocale, useT } from "../../lib/i18n.ts";
import { ACTIVITY_PATH, phaseLabel, stateFor, type FormState, type Found } from "./shared.ts";

export type LinkChoices = Record<LinkKind, { id: string; title: string }[]>;

/** The activities that serve the challenge, with a form per kind to link one more. */
export function LinksSection({
  found,
  base,
  choices,
  canChange,
  form,
}: {
  found: Found;
  base: string;
  choices: LinkChoices;
  canChange: boolean;
  form: FormState;
}) {
  const t = useT();
  const locale = useLocale();
  const { links } = found;
  const link = stateFor(form, "link");
  const kinds = LINK_KINDS.filter((k) => choices[k].length > 0);
  return (
    <section className="lr-section" aria-labelledby="links">
      <h2 className="utrecht-heading-2" id="links">
        {t("challengePages.links.title")}
      </h2>
      {links.length === 0 ? (
        <p className="utrecht-paragraph">{t("challengePages.links.none")}</p>
      ) : (
        <DataTable
          caption={t("challengePages.links.title")}
          hideCaption
          columns={[
            t("challengePages.links.columns.kind"),
            t("challengePages.links.columns.title"),
            t("challengePages.links.columns.date"),
            t("challengePages.links.columns.phase"),
            ...(canChange ? [t("challengePages.links.columns.actions")] : []),
          ]}
        >
          {links.map((l) => (
            <Row key={l.linkId}>
              <Cell>{t(`challenges.linkKind.${l.kind}`)}</Cell>
              <RowHeader>
                <Link className="utrecht-link" to={`${base}/${ACTIVITY_PATH[l.kind]}/${l.id}`}>
                  {l.title}
                </Link>
                {l.publicSlug ? (
                  <>
                    {" "}
                    (
                    <Link className="utrecht-link" to={`${base}/harvest/${l.id}/publication`}>
                      {t("challengePages.links.publication")}
                    </Link>
                    )
                  </>
                ) : null}
              </RowHeader>
              <Cell>{formatDate(l.at, locale)}</Cell>
              <Cell>{phaseLabel(t, l.phase)}</Cell>
              {canChange ? (
                <Cell>
                  <PostForm className="lr-inline-form">
                    <input type="hidden" name="linkId" value={l.linkId} />
                    <button
                      type="submit"
                      name="_intent"
                      value="unlink"
                      className="utrecht-button utrecht-button--secondary-action"
                    >
                      {t("challengePages.links.unlink")}
                      <span className="lr-visually-hidden">: {l.title}</span>
                    </button>
                  </PostForm>
                </Cell>
              ) : null}
            </Row>
          ))}
        </DataTable>
      )}
      {canChange ? (
        kinds.length === 0 ? (
          <p className="utrecht-paragraph">{t("challengePages.links.nothingToLink")}</p>
        ) : (
          <>
            <h3 className="utrecht-heading-3">{t("challengePages.links.add")}</h3>
            {kinds.map((kind) => (
              <PostForm key={kind}>
                <input type="hidden" name="kind" value={kind} />
                {/* Each kind's select has its own name, so that every field on the page has its own id. */}
                <SelectField
                  name={kind}
                  label={t(`challenges.linkKind.${kind}`)}
                  options={choices[kind].map((a) => ({ value: a.id, label: a.title }))}
                  errors={link.value("kind") === kind ? link.errors : undefined}
                />
                <SubmitButton name="_intent" value="link" kind="secondary">
                  {t("challengePages.links.addKind", {
                    kind: t(`challenges.linkKind.${kind}`).toLocaleLowerCase(locale),
                  })}
                </SubmitButton>
              </PostForm>
            ))}
          </>
        )
      ) : null}
    </section>
  );
}
