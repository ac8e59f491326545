/**
 * The current intake's catalogue for pages: read and validated once per build (on every
 * request in `astro dev`). The build fails when there is no intake, since /enrol/ needs one.
 */
import { readCurrentCatalogue } from "../../content-data/intakes";
import type { Catalogue } from "../../domain/enrolment/catalogue";
import { contentRoot } from "../../content-data/district";
import { getDistrict } from "../district";

let cached: Promise<Catalogue> | undefined;

async function load(): Promise<Catalogue> {
  const catalogue = await readCurrentCatalogue(contentRoot(), await getDistrict());
  if (!catalogue) throw new Error("content/intakes has no intake: /enrol/ needs one.");
  return catalogue;
}

export function getCatalogue(): Promise<Catalogue> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}
