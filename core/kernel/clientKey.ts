import { isIPv6 } from "node:net";

/**
 * The key a rate limit counts a client address under. An IPv4 address counts as itself; an IPv6
 * address counts by its /64 network, because a household, an office or an attacker gets a whole
 * /64 and could otherwise take a fresh address (and a fresh budget) for every try.
 */
export function clientKey(address: string): string {
  const bare = address.split("%")[0]!;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped) return mapped[1]!;
  if (!isIPv6(bare)) return address;
  const [head = "", tail] = bare.split("::");
  const groups = (part: string) =>
    part === "" ? [] : part.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g]));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const full = [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return `${full
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}
