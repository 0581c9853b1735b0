/**
 * Normalised mutual information between two labellings of the same items (arithmetic-mean
 * normalisation, as scikit-learn's default): 1 when they agree up to renaming, near 0 when
 * independent. No maintained npm package computes it, so it is these few lines.
 */
export function nmi(
  truth: readonly (string | number)[],
  found: readonly (string | number)[],
): number {
  if (truth.length !== found.length) throw new Error("labellings differ in length");
  const n = truth.length;
  if (n === 0) return 1;
  const count = <T>(m: Map<T, number>, key: T) => m.set(key, (m.get(key) ?? 0) + 1);
  const a = new Map<string | number, number>();
  const b = new Map<string | number, number>();
  const joint = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    count(a, truth[i]!);
    count(b, found[i]!);
    count(joint, `${truth[i]}\u0000${found[i]}`);
  }
  const entropy = (m: Map<unknown, number>) => {
    let h = 0;
    for (const c of m.values()) h -= (c / n) * Math.log(c / n);
    return h;
  };
  const ha = entropy(a);
  const hb = entropy(b);
  if (ha === 0 && hb === 0) return 1;
  let mi = 0;
  for (const [key, c] of joint) {
    const [x, y] = key.split("\u0000") as [string, string];
    const ca = a.get(typeof truth[0] === "number" ? Number(x) : x)!;
    const cb = b.get(typeof found[0] === "number" ? Number(y) : y)!;
    mi += (c / n) * Math.log((c * n) / (ca * cb));
  }
  return mi / ((ha + hb) / 2 || 1);
}
