import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { groupTexts, stemOnly } from "../core/textGrouping/index.ts";
import { acceptTheme } from "../core/harvest/themes/acceptTheme.ts";
import { proposeThemes } from "../core/harvest/themes/proposeThemes.ts";
import type { RegionScope } from "../core/kernel/scope.ts";
import { openDb } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { labelledContributions, THEMES } from "./harvestCorpus.ts";
import { databaseFromArgs } from "./lib.ts";
import { nmi } from "./nmi.ts";

/**
 * bench:harvest — a harvest of 10,000 Dutch contributions (a tenth in English) written around ten
 * known themes (`harvestCorpus.ts`) is grouped by `proposeThemes`, end to end: reading the
 * contributions, grouping, replacing the proposed themes, placing every contribution. Then every
 * theme is accepted and the publication is built as Word and as PDF, as the download routes do.
 * Not a timed test: it reports.
 *
 *   group_ms   proposeThemes, median of three runs (each replaces the previous proposal)
 *   docx_ms    publication model + Word document; pdf_ms the same for the PDF
 *   rss_mb     the process's peak resident memory
 *   nmi        normalised mutual information of the proposal against the known themes
 *
 * Baselines in the same run: tokenising and stemming the texts alone (the floor of any grouping)
 * and the grouping alone, without the database.
 * Usage: npm run bench:harvest -- [--json] [--postgres [url]] [--contributions N]
 * It runs with `node --liftoff-only`, as the server does (see "Memory" in docs/architecture.md),
 * so that the peak memory is the one a deployment sees.
 */
const args = process.argv;
const json = args.includes("--json");
const at = args.indexOf("--contributions");
const n = (at > 0 ? Number(args[at + 1]) : 0) || 10_000;
const RUNS = 3;

const log = (...parts: unknown[]) => {
  if (!json) console.log(...parts);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (from: number) => Math.round(performance.now() - from);

const database = await databaseFromArgs();
const dataDir = mkdtempSync(join(tmpdir(), "lr-harvest-"));
const handle = await openDb(
  database.env.DATABASE_URL ? { url: database.env.DATABASE_URL } : { dataDir },
);
await migrate(handle);
const db = handle.db;

const region = await db
  .insertInto("regions")
  .values({ slug: "bench-oogst", name: "Regio Oogst" })
  .returning("id")
  .executeTakeFirstOrThrow();
const user = await db
  .insertInto("users")
  .values({ email: "organiser@bench.example", name: "Organisator", password_hash: "x" })
  .returning("id")
  .executeTakeFirstOrThrow();
await db
  .insertInto("memberships")
  .values({ user_id: user.id, region_id: region.id, role: "organiser" })
  .execute();
const scope: RegionScope = { db, regionId: region.id, userId: user.id, role: "organiser" };

const harvest = await db
  .insertInto("harvests")
  .values({
    region_id: region.id,
    slug: "ontwikkelsessies",
    title: "Samenwerken aan een lerende regio",
    strategic_themes: JSON.stringify([
      "De kandidaat centraal",
      "Leer- en ontwikkelcultuur",
      "Innovatieve leer- en opleidingsconcepten",
    ]),
  })
  .returning("id")
  .executeTakeFirstOrThrow();

const set = labelledContributions(n);
let started = performance.now();
const labelOf = new Map<string, number>();
for (let i = 0; i < set.length; i += 1000) {
  const rows = await db
    .insertInto("contributions")
    .values(
      set.slice(i, i + 1000).map((c) => ({
        harvest_id: harvest.id,
        region_id: region.id,
        text: c.text,
        origin: "import" as const,
        sector: c.sector,
      })),
    )
    .returning("id")
    .execute();
  rows.forEach((r, j) => labelOf.set(r.id, set[i + j]!.label));
}
const insertMs = ms(started);
log(
  `${database.label}: ${n} contributions from ${THEMES.length} known themes (${insertMs} ms to insert)`,
);

// Baselines: the floor (tokenise + stem) and the grouping alone, on the same texts.
const items = set.map((c, i) => ({ id: String(i), text: c.text }));
started = performance.now();
const stems = stemOnly(items);
const stemMs = ms(started);
started = performance.now();
const alone = groupTexts(items, { language: "nl" });
const aloneMs = ms(started);

const runs: number[] = [];
let outcome: Awaited<ReturnType<typeof proposeThemes>> | undefined;
for (let r = 0; r < RUNS; r++) {
  started = performance.now();
  outcome = await proposeThemes(scope, harvest.id);
  runs.push(ms(started));
}
if (!outcome?.ok) throw new Error("proposing themes failed");
const groupMs = median(runs);
const rssGroupedMb = Math.round(process.resourceUsage().maxRSS / 1024);

// Quality: the proposal against the themes the texts were written for.
const placed = await db
  .selectFrom("contributions")
  .select(["id", "theme_id"])
  .where("harvest_id", "=", harvest.id)
  .execute();
const truth = placed.map((p) => labelOf.get(p.id)!);
const found = placed.map((p) => p.theme_id ?? "none");
const score = nmi(truth, found);
const themes = await db
  .selectFrom("harvest_themes as t")
  .leftJoin("contributions as c", "c.theme_id", "t.id")
  .select(["t.id", "t.label", (eb) => eb.fn.count<number>("c.id").as("n")])
  .where("t.harvest_id", "=", harvest.id)
  .groupBy(["t.id", "t.label", "t.position"])
  .orderBy("t.position")
  .execute();

// The publication: every proposed theme accepted, then built as the download routes build it.
for (const t of themes) await acceptTheme(scope, harvest.id, { themeId: t.id });
let docxMs: number | null = null;
let pdfMs: number | null = null;
let publicationNote: string;
// Loaded by path: the publication is another part of the harvest work and may not be there yet.
const here = import.meta.dirname;
const modules = ["publication", "publicationDocx", "publicationPdf"].map((m) =>
  join(here, `../core/harvest/${m}.ts`),
);
if (modules.every((m) => existsSync(m))) {
  type Model = object;
  const [publication, docxModule, pdfModule] = (await Promise.all(
    modules.map((m) => import(pathToFileURL(m).href)),
  )) as [
    {
      publicationLook(db: unknown, regionId: string): Promise<unknown>;
      publicationModel(scope: RegionScope, harvestId: string, lang: "nl"): Promise<Model | null>;
    },
    { buildPublicationDocx(model: Model, look: unknown): Promise<Buffer> },
    { buildPublicationPdf(model: Model, look: unknown): Promise<Buffer> },
  ];
  const look = await publication.publicationLook(db, region.id);
  started = performance.now();
  const model = await publication.publicationModel(scope, harvest.id, "nl");
  if (!model) throw new Error("no publication model");
  const docx = await docxModule.buildPublicationDocx(model, look);
  docxMs = ms(started);
  started = performance.now();
  const model2 = await publication.publicationModel(scope, harvest.id, "nl");
  const pdf = await pdfModule.buildPublicationPdf(model2!, look);
  pdfMs = ms(started);
  publicationNote = `Word ${(docx.length / 1e6).toFixed(1)} MB, PDF ${(pdf.length / 1e6).toFixed(1)} MB`;
} else {
  publicationNote = "publication builders not found (core/harvest/publication*.ts): not measured";
}

const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
await handle.close();
await database.drop();
rmSync(dataDir, { recursive: true, force: true });

const row = (name: string, value: string | number | null, note = "") =>
  log(`${name.padEnd(34)} ${String(value ?? "–").padStart(9)}  ${note}`);
log("");
log("Themes proposed:");
for (const t of themes) log(`  ${String(t.n).padStart(6)}  ${t.label}`);
log("");
row("tokenise + stem (floor), ms", stemMs, `${stems} stems`);
row("grouping alone, ms", aloneMs, `k = ${alone.k}, ${alone.terms} terms`);
row("proposeThemes end to end, ms", groupMs, `runs: ${runs.join(", ")}; target ≤ 3000`);
row("publication Word, ms", docxMs, publicationNote);
row("publication PDF, ms", pdfMs, "target Word + PDF ≤ 10000");
row("peak RSS, MB", rssMb, `${rssGroupedMb} MB before the publication was built`);
row(
  "NMI against the known themes",
  score.toFixed(3),
  `${themes.length} themes for ${THEMES.length}`,
);

const result = {
  contributions: n,
  group_ms: groupMs,
  docx_ms: docxMs,
  pdf_ms: pdfMs,
  rss_mb: rssMb,
  nmi: Number(score.toFixed(3)),
};
if (json) console.log(JSON.stringify(result));
