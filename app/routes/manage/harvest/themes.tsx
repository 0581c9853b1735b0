import { data, Link, redirect, useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/themes";
import { harvestPolicy } from "../../../../core/harvest/policy.ts";
import type { Result } from "../../../../core/kernel/result.ts";
import { acceptTheme } from "../../../../core/harvest/themes/acceptTheme.ts";
import { THEME_LABEL_MAX } from "../../../../core/harvest/themes/harvest.ts";
import { mergeThemes } from "../../../../core/harvest/themes/mergeThemes.ts";
import { moveContribution } from "../../../../core/harvest/themes/moveContribution.ts";
import {
  moveContributions,
  STRATEGIC_TARGET,
} from "../../../../core/harvest/themes/moveContributions.ts";
import { moveTheme } from "../../../../core/harvest/themes/moveTheme.ts";
import { proposeThemes } from "../../../../core/harvest/themes/proposeThemes.ts";
import {
  findThemeHarvest,
  themeOverview,
  type SectorCount,
  type ThemeContribution,
  type ThemeView,
} from "../../../../core/harvest/themes/queries.ts";
import { renameTheme } from "../../../../core/harvest/themes/renameTheme.ts";
import { setStrategicTheme } from "../../../../core/harvest/themes/setStrategicTheme.ts";
import { splitTheme } from "../../../../core/harvest/themes/splitTheme.ts";
import {
  FormError,
  Notice,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { ThemeSelectForm, ThemeTextForm } from "../../../components/ThemeForms.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { isOneOf, useT } from "../../../lib/i18n.ts";
import { notFound, refusedChange, requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

const DONE = [
  "proposed",
  "accepted",
  "renamed",
  "merged",
  "split",
  "moved",
  "movedMany",
  "strategic",
  "reordered",
] as const;
type Done = (typeof DONE)[number];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    harvestPolicy.manage,
  );
  const open = new URL(request.url).searchParams.get("theme") ?? undefined;
  const overview = await themeOverview(scope, params.id, { open });
  if (!overview) notFound(context);
  return {
    title: `${requestT(context)("harvestThemes.title")} · ${overview.harvest.title}`,
    region: { slug: region.slug },
    open: open === "none" || overview.themes.some((th) => th.id === open) ? open! : null,
    ...overview,
  };
}

type Failure = Extract<Result<unknown>, { ok: false }>;

/** Every change is a plain form post with an `_intent`; the page comes back at the theme. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    harvestPolicy.manage,
  );
  const harvest = await findThemeHarvest(scope, params.id);
  if (!harvest) notFound(context);
  const form = await request.formData();
  const input = formObject(form);
  const kind = intent(form);
  const run = async (): Promise<[Result<unknown>, Done, string | null] | null> => {
    const themeId = typeof input.themeId === "string" ? input.themeId : null;
    switch (kind) {
      case "propose":
        return [await proposeThemes(scope, harvest.id), "proposed", null];
      case "accept":
        return [await acceptTheme(scope, harvest.id, input), "accepted", themeId];
      case "rename":
        return [await renameTheme(scope, harvest.id, input), "renamed", themeId];
      case "merge": {
        const r = await mergeThemes(scope, harvest.id, { from: input.themeId, into: input.into });
        return [r, "merged", r.ok ? r.value.themeId : null];
      }
      case "split": {
        const r = await splitTheme(scope, harvest.id, input);
        return [r, "split", r.ok ? r.value.themeId : themeId];
      }
      case "move": {
        const r = await moveContribution(scope, harvest.id, input);
        return [r, "moved", r.ok ? (r.value.themeId ?? "none") : null];
      }
      case "moveMany": {
        const r = await moveContributions(scope, harvest.id, input);
        // Back where the organiser was sorting: the section the contributions came from.
        const from = typeof input.open === "string" ? input.open : "";
        return [r, "movedMany", /^(none|[0-9a-f-]{36})$/.test(from) ? from : null];
      }
      case "strategic":
        return [await setStrategicTheme(scope, harvest.id, input), "strategic", themeId];
      case "up":
      case "down":
        return [
          await moveTheme(scope, harvest.id, { themeId, direction: kind }),
          "reordered",
          themeId,
        ];
      default:
        return null;
    }
  };
  const outcome = await run();
  if (!outcome) throw data({ message: requestT(context)("errors.badRequest") }, { status: 400 });
  const [result, done, anchor] = outcome;
  if (!result.ok) return refusedChange(context, result as Failure, kind, null);
  const open =
    typeof input.open === "string" && /^(none|[0-9a-f-]{36})$/.test(input.open)
      ? `&theme=${input.open}`
      : "";
  const fragment = anchor === "none" ? "#unthemed" : anchor ? `#theme-${anchor}` : "";
  return redirect(
    `/manage/${region.slug}/harvest/${harvest.id}/themes?done=${done}${open}${fragment}`,
  );
}

/** A short form of a contribution's text, to tell screen-reader users which row a control is for. */
const short = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

function SectorTable({ sectors, caption }: { sectors: SectorCount[]; caption: string }) {
  const t = useT();
  return (
    <DataTable
      caption={caption}
      columns={[t("harvestThemes.sector"), { label: t("harvestThemes.count"), numeric: true }]}
    >
      {sectors.map((s) => (
        <Row key={s.sector ?? ""}>
          <RowHeader>
            {s.sector ? t(`sectors.${s.sector}`) : t("harvestThemes.unknownSector")}
          </RowHeader>
          <Cell numeric>{s.count}</Cell>
        </Row>
      ))}
    </DataTable>
  );
}

/**
 * Above this many contributions a theme's rows are folded until opened: a harvest of thousands is
 * a page of headings, not of rows; a small one shows everything at once.
 */
const FOLD_ABOVE = 30;

/** The id of the form a section's checkboxes belong to: a theme's, or "none" for no theme. */
const selectionForm = (key: string) => `select-form-${key}`;

function ContributionRow({ c, form }: { c: ThemeContribution; form: string }) {
  const t = useT();
  return (
    <Row>
      <Cell>
        <input
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          name="contributionIds"
          value={c.id}
          form={form}
          id={`choose-${c.id}`}
          aria-label={t("harvestThemes.chooseFor", { text: short(c.text) })}
        />
      </Cell>
      <RowHeader>{c.text}</RowHeader>
      <Cell>{c.sector ? t(`sectors.${c.sector}`) : t("harvestThemes.unknownSector")}</Cell>
      <Cell>{c.locked ? t("harvestThemes.placedYes") : t("harvestThemes.placedNo")}</Cell>
    </Row>
  );
}

function ContributionsTable({
  contributions,
  form,
  caption,
}: {
  contributions: ThemeContribution[];
  form: string;
  caption: string;
}) {
  const t = useT();
  return (
    <DataTable
      caption={caption}
      hideCaption
      columns={[
        t("harvestThemes.choose"),
        t("harvestThemes.contribution"),
        t("harvestThemes.sector"),
        t("harvestThemes.placed"),
      ]}
    >
      {contributions.map((c) => (
        <ContributionRow key={c.id} c={c} form={form} />
      ))}
    </DataTable>
  );
}

/**
 * What to do with the ticked contributions of a section, in one post: move them together to a
 * theme, to a strategic theme (made a theme when none carries it yet) or to none, or, in a theme,
 * split them off into a new theme. The checkboxes in the table belong to this form (`form=`).
 */
function SelectionForm({
  sectionKey,
  theme,
  themes,
  strategicThemes,
}: {
  sectionKey: string;
  theme: { id: string; label: string } | null;
  themes: { id: string; label: string }[];
  strategicThemes: string[];
}) {
  const t = useT();
  const which = theme?.label ?? t("harvestThemes.unthemed");
  const carried = new Set(themes.map((th) => th.label.toLowerCase()));
  const strategic = strategicThemes.filter((s) => !carried.has(s.toLowerCase()));
  return (
    <PostForm id={selectionForm(sectionKey)} className="lr-form">
      {theme ? <input type="hidden" name="themeId" value={theme.id} /> : null}
      <input type="hidden" name="open" value={sectionKey} />
      <fieldset>
        <legend>{t("harvestThemes.selection", { theme: which })}</legend>
        <div className="lr-inline-form">
          <label className="utrecht-form-label" htmlFor={`move-target-${sectionKey}`}>
            {t("harvestThemes.moveSelectedLabel")}
          </label>
          <select
            id={`move-target-${sectionKey}`}
            name="target"
            className="utrecht-select utrecht-select--html-select"
            defaultValue=""
          >
            <option value="">{t("harvestThemes.noTheme")}</option>
            <optgroup label={t("harvestThemes.themesGroup")}>
              {themes
                .filter((th) => th.id !== theme?.id)
                .map((th) => (
                  <option key={th.id} value={th.id}>
                    {th.label}
                  </option>
                ))}
            </optgroup>
            {strategic.length > 0 ? (
              <optgroup label={t("harvestThemes.strategicGroup")}>
                {strategic.map((name) => (
                  <option key={name} value={`${STRATEGIC_TARGET}${name}`}>
                    {t("harvestThemes.strategicTarget", { theme: name })}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
          <SubmitButton name="_intent" value="moveMany" kind="secondary">
            {t("harvestThemes.moveSelected")}
            <span className="lr-visually-hidden">: {which}</span>
          </SubmitButton>
        </div>
        {theme ? (
          <div className="lr-inline-form">
            <label className="utrecht-form-label" htmlFor={`split-label-${sectionKey}`}>
              {t("harvestThemes.splitLabel")}
              <span className="lr-visually-hidden">: {theme.label}</span>
            </label>
            <input
              id={`split-label-${sectionKey}`}
              name="label"
              type="text"
              maxLength={THEME_LABEL_MAX}
              className="utrecht-textbox utrecht-textbox--html-input"
            />
            <SubmitButton name="_intent" value="split" kind="secondary">
              {t("harvestThemes.split")}
              <span className="lr-visually-hidden">: {theme.label}</span>
            </SubmitButton>
          </div>
        ) : null}
      </fieldset>
    </PostForm>
  );
}

function ThemeSection({
  theme,
  count,
  themes,
  strategicThemes,
  open,
  folded,
  slug,
  harvestId,
}: {
  theme: ThemeView;
  count: number;
  themes: { id: string; label: string }[];
  strategicThemes: string[];
  open: string | null;
  folded: boolean;
  slug: string;
  harvestId: string;
}) {
  const t = useT();
  const others = themes.filter((th) => th.id !== theme.id);
  const hidden = (
    <>
      <input type="hidden" name="themeId" value={theme.id} />
      {open ? <input type="hidden" name="open" value={open} /> : null}
    </>
  );
  return (
    <section
      aria-labelledby={`theme-${theme.id}-heading`}
      className="lr-section"
      id={`theme-${theme.id}`}
    >
      <h2 className="utrecht-heading-2" id={`theme-${theme.id}-heading`}>
        {theme.label}
      </h2>
      <p className="utrecht-paragraph">
        {t(`harvestThemes.origins.${theme.origin}`)} · {t("harvestThemes.count")}: {theme.count}
        {theme.strategicTheme
          ? ` · ${t("harvestThemes.strategicTheme")}: ${theme.strategicTheme}`
          : ""}
      </p>
      {theme.sectors.length > 0 ? (
        <SectorTable
          sectors={theme.sectors}
          caption={t("harvestThemes.sectorsCaption", { theme: theme.label })}
        />
      ) : null}

      <div className="lr-actions">
        {theme.origin === "proposed" ? (
          <PostForm className="lr-inline-form">
            {hidden}
            <SubmitButton name="_intent" value="accept">
              {t("harvestThemes.accept")}
              <span className="lr-visually-hidden">: {theme.label}</span>
            </SubmitButton>
          </PostForm>
        ) : null}
        <PostForm className="lr-inline-form">
          {hidden}
          <SubmitButton name="_intent" value="up" kind="secondary">
            {t("harvestThemes.up")}
            <span className="lr-visually-hidden">: {theme.label}</span>
          </SubmitButton>
          <SubmitButton name="_intent" value="down" kind="secondary">
            {t("harvestThemes.down")}
            <span className="lr-visually-hidden">: {theme.label}</span>
          </SubmitButton>
        </PostForm>
      </div>
      <div className="lr-actions">
        <ThemeTextForm
          intent="rename"
          hidden={hidden}
          id={`rename-${theme.id}`}
          name="label"
          label={t("harvestThemes.renameLabel", { theme: theme.label })}
          maxLength={THEME_LABEL_MAX}
          defaultValue={theme.label}
          submit={t("harvestThemes.rename")}
          which={theme.label}
        />
        {others.length > 0 ? (
          <ThemeSelectForm
            intent="merge"
            hidden={hidden}
            id={`merge-${theme.id}`}
            name="into"
            label={t("harvestThemes.mergeLabel", { theme: theme.label })}
            options={others.map((th) => ({ value: th.id, label: th.label }))}
            submit={t("harvestThemes.merge")}
            which={theme.label}
          />
        ) : null}
        {strategicThemes.length > 0 ? (
          <ThemeSelectForm
            intent="strategic"
            hidden={hidden}
            id={`strategic-${theme.id}`}
            name="strategicTheme"
            label={t("harvestThemes.strategicLabel", { theme: theme.label })}
            defaultValue={theme.strategicTheme}
            emptyOption={t("harvestThemes.noStrategicTheme")}
            options={strategicThemes.map((s) => ({ value: s, label: s }))}
            submit={t("harvestThemes.saveStrategic")}
            which={theme.label}
          />
        ) : null}
      </div>

      {theme.contributions.length > 0 ? (
        <details className="lr-results__table" open={!folded || open === theme.id}>
          <summary>{t("harvestThemes.expand", { theme: theme.label })}</summary>
          <p className="utrecht-paragraph">{t("harvestThemes.splitHint")}</p>
          <SelectionForm
            sectionKey={theme.id}
            theme={theme}
            themes={themes}
            strategicThemes={strategicThemes}
          />
          <ContributionsTable
            contributions={theme.contributions}
            form={selectionForm(theme.id)}
            caption={t("harvestThemes.contributionsCaption", { theme: theme.label })}
          />
        </details>
      ) : null}
      {theme.contributions.length < count ? (
        <p className="utrecht-paragraph">
          {t("harvestThemes.showing", { shown: theme.contributions.length, count })}{" "}
          <Link
            className="utrecht-link"
            to={`/manage/${slug}/harvest/${harvestId}/themes?theme=${theme.id}#theme-${theme.id}`}
          >
            {t("harvestThemes.showAll", { count, theme: theme.label })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

export default function HarvestThemes({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const { fieldErrors, error } = useFieldErrors(actionData);
  const [params] = useSearchParams();
  const { region, harvest, themes, unthemed, total, open } = loaderData;
  const done = params.get("done");
  const list = themes.map((th) => ({ id: th.id, label: th.label }));
  const firstFieldError = fieldErrors ? Object.values(fieldErrors)[0] : undefined;
  return (
    <>
      <h1 className="utrecht-heading-1">{t("harvestThemes.title")}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{harvest.title}</p>
      <p className="utrecht-paragraph">{t("harvestThemes.intro")}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/manage/${region.slug}/harvest/${harvest.id}`}>
          {t("harvestThemes.back")}
        </Link>
      </p>
      {isOneOf(DONE, done) && !actionData ? (
        <Notice>{t(`harvestThemes.done.${done}`)}</Notice>
      ) : null}
      <FormError error={firstFieldError ?? error} />

      {total === 0 ? (
        <p className="utrecht-paragraph">{t("harvestThemes.none")}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">
            {t("harvestThemes.total", {
              count: total,
              themes: themes.length,
              unthemed: unthemed.count,
            })}
          </p>
          <p className="utrecht-paragraph">{t("harvestThemes.proposeHint")}</p>
          <PostForm>
            <SubmitButton name="_intent" value="propose">
              {t("harvestThemes.propose")}
            </SubmitButton>
          </PostForm>

          {themes.length === 0 ? (
            <p className="utrecht-paragraph">{t("harvestThemes.noThemes")}</p>
          ) : (
            <section aria-labelledby="overview" className="lr-section">
              <h2 className="utrecht-heading-2" id="overview">
                {t("harvestThemes.overview")}
              </h2>
              <DataTable
                caption={t("harvestThemes.overviewCaption")}
                hideCaption
                columns={[
                  t("harvestThemes.theme"),
                  t("harvestThemes.origin"),
                  { label: t("harvestThemes.count"), numeric: true },
                  t("harvestThemes.strategicTheme"),
                ]}
              >
                {themes.map((th) => (
                  <Row key={th.id}>
                    <RowHeader>
                      <a className="utrecht-link" href={`#theme-${th.id}`}>
                        {th.label}
                      </a>
                    </RowHeader>
                    <Cell>{t(`harvestThemes.origins.${th.origin}`)}</Cell>
                    <Cell numeric>{th.count}</Cell>
                    <Cell>{th.strategicTheme || t("harvestThemes.noStrategicTheme")}</Cell>
                  </Row>
                ))}
                {unthemed.count > 0 ? (
                  <Row>
                    <RowHeader>
                      <a className="utrecht-link" href="#unthemed">
                        {t("harvestThemes.unthemed")}
                      </a>
                    </RowHeader>
                    <Cell />
                    <Cell numeric>{unthemed.count}</Cell>
                    <Cell />
                  </Row>
                ) : null}
              </DataTable>
            </section>
          )}

          {themes.map((th) => (
            <ThemeSection
              key={th.id}
              theme={th}
              count={th.count}
              themes={list}
              strategicThemes={harvest.strategicThemes}
              open={open}
              folded={total > FOLD_ABOVE}
              slug={region.slug}
              harvestId={harvest.id}
            />
          ))}

          {unthemed.count > 0 ? (
            <section aria-labelledby="unthemed-heading" className="lr-section" id="unthemed">
              <h2 className="utrecht-heading-2" id="unthemed-heading">
                {t("harvestThemes.unthemed")}
              </h2>
              <p className="utrecht-paragraph">
                {t("harvestThemes.count")}: {unthemed.count}
              </p>
              <SectorTable
                sectors={unthemed.sectors}
                caption={t("harvestThemes.sectorsCaption", { theme: t("harvestThemes.unthemed") })}
              />
              <details className="lr-results__table" open={total <= FOLD_ABOVE || open === "none"}>
                <summary>
                  {t("harvestThemes.expand", { theme: t("harvestThemes.unthemed") })}
                </summary>
                <p className="utrecht-paragraph">{t("harvestThemes.splitHint")}</p>
                <SelectionForm
                  sectionKey="none"
                  theme={null}
                  themes={list}
                  strategicThemes={harvest.strategicThemes}
                />
                <ContributionsTable
                  contributions={unthemed.contributions}
                  form={selectionForm("none")}
                  caption={t("harvestThemes.contributionsCaption", {
                    theme: t("harvestThemes.unthemed"),
                  })}
                />
              </details>
              {unthemed.contributions.length < unthemed.count ? (
                <p className="utrecht-paragraph">
                  {t("harvestThemes.showing", {
                    shown: unthemed.contributions.length,
                    count: unthemed.count,
                  })}{" "}
                  <Link
                    className="utrecht-link"
                    to={`/manage/${region.slug}/harvest/${harvest.id}/themes?theme=none#unthemed`}
                  >
                    {t("harvestThemes.showAll", {
                      count: unthemed.count,
                      theme: t("harvestThemes.unthemed"),
                    })}
                  </Link>
                </p>
              ) : null}
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
