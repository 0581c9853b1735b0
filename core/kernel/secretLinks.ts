/**
 * Paths whose last segment is a secret: whoever holds the link acts as its owner (accepts an
 * invitation, sets a password, proves a mailbox, reads shared results, cancels or erases a
 * registration, answers a self-scan). One list, so the request log and every copy of a mail that someone other than
 * its recipient may read (the admins' outbox, "my data") hide the same links.
 */
export const SECRET_LINK_PATHS = [
  "invitation",
  "reset-password",
  "verify-email",
  "s",
  "registration",
  // a self-scan's personal link: whoever holds it answers the round once, in its owner's name
  "scan",
] as const;

const inPath = new RegExp(`^/(${SECRET_LINK_PATHS.join("|")})/[^/?#]+`);
// A secret in running text: the path segment after one of the names above, in any URL.
const inText = new RegExp(
  `(https?://[^\\s/]+/(?:${SECRET_LINK_PATHS.join("|")}))/(?!erased\\b)[A-Za-z0-9_.~%-]+`,
  "g",
);

/** The request path as it goes into the log: no query string, secrets replaced. */
export function maskSecretPath(url: string | undefined): string {
  return (url ?? "").split("?")[0]!.replace(inPath, "/$1/:token");
}

/** A mail's text with the secret of every personal link replaced by a marker. */
export function redactSecretLinks(text: string, marker: string): string {
  return text.replace(inText, `$1/${marker}`);
}
