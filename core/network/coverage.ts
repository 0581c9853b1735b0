import { PERSPECTIVES, SECTORS, type Perspective, type Sector } from "../kernel/sectors.ts";
import type { Network } from "./network.ts";

export interface SectorPresence {
  sector: Sector;
  people: number;
  organisations: number;
  /** Occasions attended by the sector's parties: how strongly it is there, not just whether. */
  presence: number;
}

export interface PerspectivePresence {
  perspective: Perspective;
  people: number;
  presence: number;
}

export interface Candidate {
  id: string;
  kind: "person" | "organisation";
  label: string;
  organisation: string;
  /** Σ weight of their ties to parties already in the challenge: who already knows someone. */
  tiesIn: number;
}

export type Gap =
  | { kind: "sector"; sector: Sector; candidates: Candidate[] }
  | { kind: "perspective"; perspective: Perspective; candidates: Candidate[] };

export interface Coverage {
  sectors: SectorPresence[];
  perspectives: PerspectivePresence[];
  gaps: Gap[];
}

/** "other" is where unknown sectors land: never a gap to fill. */
const HELIX: readonly Sector[] = SECTORS.filter((s) => s !== "other");
const CANDIDATES_PER_GAP = 3;

/**
 * Which sectors of the quadruple helix and which of the five perspectives are present in a
 * network (a challenge's, usually), how strongly, and which are missing; for each gap, the
 * region's people or organisations who would fill it, those already tied to the challenge's
 * parties first (an introduction is easier than a cold call). `region` is the whole region's
 * network of people, for those ties; `challenge` the part being covered.
 */
export function coverageOf(challenge: Network, region: Network): Coverage {
  const { register } = challenge;
  const orgSector = (id: string | null) =>
    id ? (register.organisationById.get(id)?.sector ?? "other") : "other";
  // Occasions attended per person and per organisation (by id).
  const people = new Map<string, number>();
  const organisations = new Map<string, number>();
  for (const o of challenge.occasions) {
    for (const i of o.people) {
      const id = register.people[i]!.id;
      people.set(id, (people.get(id) ?? 0) + 1);
    }
    for (const i of o.organisations) {
      const id = register.organisations[i]!.id;
      organisations.set(id, (organisations.get(id) ?? 0) + 1);
    }
  }
  const personById = new Map(register.people.map((p) => [p.id, p]));

  const sectors = new Map<Sector, SectorPresence>(
    SECTORS.map((s) => [s, { sector: s, people: 0, organisations: 0, presence: 0 }]),
  );
  const sectorOf = (s: string): SectorPresence => sectors.get(s as Sector) ?? sectors.get("other")!;
  for (const [id, n] of organisations) {
    const row = sectorOf(orgSector(id));
    row.organisations += 1;
    row.presence += n;
  }
  const perspectives = new Map<Perspective, PerspectivePresence>(
    PERSPECTIVES.map((p) => [p, { perspective: p, people: 0, presence: 0 }]),
  );
  for (const [id, n] of people) {
    const person = personById.get(id);
    if (!person) continue;
    sectorOf(orgSector(person.organisationId)).people += 1;
    for (const view of person.perspectives) {
      const row = perspectives.get(view as Perspective);
      if (!row) continue;
      row.people += 1;
      row.presence += n;
    }
  }

  // Ties into the challenge, from the region's network of people.
  const presentPeople = new Set([...people.keys()].map((id) => `p:${id}`));
  const tiesIn = (personId: string) => {
    const node = `p:${personId}`;
    if (!region.graph.hasNode(node)) return 0;
    let sum = 0;
    region.graph.forEachEdge(node, (_e, attrs, source, target) => {
      if (presentPeople.has(source === node ? target : source)) sum += attrs.weight;
    });
    return sum;
  };
  const pick = (candidates: Candidate[]) =>
    candidates
      .sort((a, b) => b.tiesIn - a.tiesIn || a.label.localeCompare(b.label, "nl"))
      .slice(0, CANDIDATES_PER_GAP);
  const personCandidate = (p: (typeof register.people)[number]): Candidate => ({
    id: p.id,
    kind: "person",
    label: p.name,
    organisation: p.organisationId
      ? (register.organisationById.get(p.organisationId)?.name ?? "")
      : "",
    tiesIn: tiesIn(p.id),
  });

  const gaps: Gap[] = [];
  for (const sector of HELIX) {
    const row = sectors.get(sector)!;
    if (row.people + row.organisations > 0) continue;
    const fromPeople = register.people
      .filter((p) => !people.has(p.id) && orgSector(p.organisationId) === sector)
      .map(personCandidate);
    const fromOrganisations = register.organisations
      .filter((o) => !organisations.has(o.id) && o.sector === sector)
      .map((o): Candidate => ({
        id: o.id,
        kind: "organisation",
        label: o.name,
        organisation: "",
        tiesIn: 0,
      }));
    gaps.push({
      kind: "sector",
      sector,
      candidates: pick(fromPeople.length > 0 ? fromPeople : fromOrganisations),
    });
  }
  for (const perspective of PERSPECTIVES) {
    if (perspectives.get(perspective)!.people > 0) continue;
    const candidates = register.people
      .filter((p) => !people.has(p.id) && p.perspectives.includes(perspective))
      .map(personCandidate);
    gaps.push({ kind: "perspective", perspective, candidates: pick(candidates) });
  }
  return { sectors: [...sectors.values()], perspectives: [...perspectives.values()], gaps };
}
