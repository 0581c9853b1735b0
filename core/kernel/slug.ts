/** A readable address part from a title: "Kennissessie 1: lerende regio" → "kennissessie-1-lerende-regio". */
export function slugFrom(title: string, fallback = "bijeenkomst"): string {
  return (
    title
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/g, "") || fallback
  );
}
