import type { Route } from "./+types/publication-docx";
import { publicationFile } from "./publication-file.server.ts";

export async function loader(args: Route.LoaderArgs) {
  return publicationFile(args, "docx");
}
