import type { PeopleFile } from "../../../../core/people/exportPeople.ts";

/**
 * A file download. Personal data: never cached by the browser or a proxy. The plain file name is
 * for old clients; filename* carries it exactly (RFC 6266).
 */
export function fileResponse(file: PeopleFile): Response {
  const ascii = file.fileName.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
}
