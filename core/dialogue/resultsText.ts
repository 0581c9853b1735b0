import type { T } from "../../i18n/index.ts";
import { formatMoment } from "../kernel/time.ts";
import { MIN_GROUP_SIZE, type Aggregate, type Withheld } from "./aggregate.ts";
import { LADDER_LEVELS, PHASES, type Phase, type Question } from "./template.ts";

type Lang = "nl" | "en";

/**
 * The day a session was held, in Dutch time: "23 november 2026" / "23 November 2026". Servers
 * only: Intl data differs between runtimes, so pages get the text from their loader.
 */
export function sessionDate(iso: string, lang: "nl" | "en"): string {
  return formatMoment(iso, lang, "longDate");
}

/**
 * Numbers written the same way on the server and in the browser (no Intl: the two may carry
 * different ICU data, and a hydration mismatch would be the result).
 */
export function formatNumber(x: number | null | undefined, lang: Lang, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  const s = x.toFixed(digits);
  return lang === "nl" ? s.replace(".", ",") : s;
}

export const percentOf = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 100) : 0;

/** How far apart a group's answers on the ladder lie, in words (the standard deviation). */
export function spreadKey(sd: number): "close" | "some" | "far" {
  return sd < 0.75 ? "close" : sd < 1.25 ? "some" : "far";
}

export function optionLabel(question: Question, id: string, lang: Lang): string {
  return "options" in question
    ? (question.options.find((o) => o.id === id)?.label[lang] ?? id)
    : id;
}

/** One answer as a person reads it, whatever its kind ("Nu: 2, gewenst: 4"). */
export function answerText(question: Question, value: unknown, t: T, lang: Lang): string {
  switch (question.kind) {
    case "open":
      return String(value);
    case "single":
      return optionLabel(question, String(value), lang);
    case "multiple":
      return (Array.isArray(value) ? value : [value])
        .map((id) => optionLabel(question, String(id), lang))
        .join(", ");
    case "scale":
      return String(value);
    case "ladder": {
      const v = value as { now?: number; desired?: number };
      return `${t("dialogueResults.now")}: ${v.now}, ${t("dialogueResults.desired").toLowerCase()}: ${v.desired}`;
    }
    case "phases": {
      const v = value as Partial<Record<Phase, number>>;
      return PHASES.map((p) => `${t(`dialogue.phases.${p}`)}: ${v[p] ?? 0}`).join("; ");
    }
    case "ranking":
      return (Array.isArray(value) ? value : [])
        .map((id, i) => `${i + 1}. ${optionLabel(question, String(id), lang)}`)
        .join("; ");
    case "wordcloud":
      return (Array.isArray(value) ? value : [value]).map(String).join(", ");
  }
}

/**
 * The note under a table the room or the public sees, saying how many sectors (`sectors`, per
 * question) or groups (`groups`, the sector mix, where "no sector given" is one) are not shown
 * apart; null when none are, as always in the facilitator's own view.
 */
export function withheldText(
  withheld: Withheld | undefined,
  t: T,
  of: "sectors" | "groups",
): string | null {
  if (!withheld || withheld.small + withheld.extra === 0) return null;
  const prefix = of === "sectors" ? "dialogueResults.withheld" : "dialogueResults.mixWithheld";
  return [
    withheld.small > 0 ? t(`${prefix}Small`, { count: withheld.small, min: MIN_GROUP_SIZE }) : "",
    withheld.extra > 0 ? t(`${prefix}Extra`, { count: withheld.extra, min: MIN_GROUP_SIZE }) : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** A bar of a chart drawn outside the browser (the Word summary), with its figure as text. */
export interface FigureBar {
  label: string;
  value: number;
  text: string;
  /** Length of the bar, 0–1. */
  ratio: number;
  series?: "now" | "desired";
}

/**
 * What a question's aggregate says, for documents: the bars of its chart and the sentences
 * that go with it (mean, spread, least attention). The page draws the same figures itself.
 */
export function figuresOf(
  question: Question,
  agg: Aggregate,
  t: T,
  lang: Lang,
): { bars: FigureBar[]; lines: string[] } {
  const n = (x: number | null | undefined) => formatNumber(x, lang);
  switch (agg.kind) {
    case "open":
      return { bars: [], lines: [t("dialogueResults.answerCount", { count: agg.count })] };
    case "single":
    case "multiple": {
      const lines = agg.kind === "multiple" ? [t("dialogueResults.multipleNote")] : [];
      return {
        bars: Object.entries(agg.counts).map(([id, count]) => ({
          label: optionLabel(question, id, lang),
          value: count,
          text: `${count} (${percentOf(count, agg.count)}%)`,
          ratio: agg.count ? count / agg.count : 0,
        })),
        lines,
      };
    }
    case "scale": {
      const max = Math.max(1, ...Object.values(agg.counts));
      return {
        bars: Object.entries(agg.counts)
          .sort((a, b) => Number(a[0]) - Number(b[0]))
          .map(([value, count]) => ({
            label: value,
            value: count,
            text: `${count} (${percentOf(count, agg.count)}%)`,
            ratio: count / max,
          })),
        lines: [t("dialogueResults.meanIs", { mean: n(agg.mean) })],
      };
    }
    case "ladder": {
      const max = Math.max(1, ...Object.values(agg.now), ...Object.values(agg.desired));
      const spread = (which: string, sd: number | null) =>
        sd === null
          ? []
          : [
              t("dialogueResults.ladderSpread", {
                which,
                words: t(`dialogueResults.spreadWords.${spreadKey(sd)}`),
                sd: n(sd),
              }),
            ];
      return {
        bars: [...LADDER_LEVELS].reverse().flatMap((level) =>
          (["now", "desired"] as const).map((series) => {
            const count = agg[series][level] ?? 0;
            return {
              label: `${level}. ${t(`dialogue.ladder.${level}`)} – ${t(`dialogueResults.${series}`)}`,
              value: count,
              text: String(count),
              ratio: count / max,
              series,
            };
          }),
        ),
        lines: [
          t("dialogueResults.ladderMeans", { now: n(agg.meanNow), desired: n(agg.meanDesired) }),
          ...spread(t("dialogueResults.now"), agg.spreadNow),
          ...spread(t("dialogueResults.desired"), agg.spreadDesired),
        ],
      };
    }
    case "phases": {
      const max = Math.max(1, ...PHASES.map((p) => agg.mean[p]));
      return {
        bars: PHASES.map((p) => ({
          label: t(`dialogue.phases.${p}`),
          value: agg.mean[p],
          text: n(agg.mean[p]),
          ratio: agg.mean[p] / max,
        })),
        lines: agg.underexposed
          ? [
              t("dialogueResults.leastAttention", {
                phase: t(`dialogue.phases.${agg.underexposed}`),
              }),
            ]
          : [],
      };
    }
    case "ranking": {
      const options = agg.order.length;
      return {
        bars: agg.order.map((id, i) => {
          const rank = agg.meanRank[id] ?? options;
          return {
            label: `${i + 1}. ${optionLabel(question, id, lang)}`,
            value: rank,
            text: t("dialogueResults.meanRankIs", { rank: n(rank) }),
            // The first place gets the longest bar.
            ratio: options ? Math.max(0, (options + 1 - rank) / options) : 0,
          };
        }),
        lines: [t("dialogueResults.rankingNote")],
      };
    }
    case "wordcloud": {
      const max = Math.max(1, ...agg.words.map((w) => w.count));
      return {
        bars: agg.words.slice(0, 20).map((w) => ({
          label: w.word,
          value: w.count,
          text: String(w.count),
          ratio: w.count / max,
        })),
        lines: [],
      };
    }
  }
}
