import type { ReactNode } from "react";

// An address in running text, up to a space or a character no address holds here.
const ADDRESS = /\b(?:https?:\/\/|mailto:)[^\s<>"'[\]{}|\\^`]+/gi;
// What ends a sentence is not part of the address before it.
const TRAILING = /[.,;:!?)]+$/;

/** The address as a link target, or null: only http(s) and mailto, and only what parses. */
function safeHref(address: string): string | null {
  try {
    const url = new URL(address);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Plain text (a mail) with its web and mail addresses as links. The text stays text: React
 * escapes it, and only addresses that parse as http(s) or mailto become links. An address whose
 * secret part was hidden (a marker in brackets follows it) stays text: it would lead nowhere.
 */
export function LinkedText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const start = match.index;
    const address = match[0].replace(TRAILING, "");
    if (text[start + match[0].length] === "[") continue;
    const href = safeHref(address);
    if (!href) continue;
    parts.push(text.slice(last, start));
    parts.push(
      <a key={start} className="utrecht-link" href={href} rel="noopener noreferrer nofollow">
        {address}
      </a>,
    );
    last = start + address.length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}
