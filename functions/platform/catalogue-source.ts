/**
 * Where the API gets the current intake's catalogue (src/domain/enrolment/catalogue): the
 * published decision, never a second copy. The Node entry reads content/ (./file-catalogue,
 * kept apart so the Worker bundle has no node:fs); the Worker fetches the built
 * /enrol/catalogue.json from its assets binding. Loaded once, validated, retried after a failure.
 */
import { Catalogue } from "../../src/domain/enrolment/catalogue";

export type CatalogueSource = { current(): Promise<Catalogue> };

export function catalogueSourceFrom(load: () => Promise<unknown>): CatalogueSource {
  let cached: Promise<Catalogue> | undefined;
  return {
    current() {
      cached ??= load()
        .then((json) => Catalogue.parse(json))
        .catch((error: unknown) => {
          cached = undefined;
          throw error;
        });
      return cached;
    },
  };
}

export const CATALOGUE_PATH = "/enrol/catalogue.json";

export function assetsCatalogueSource(assets: { fetch(request: Request): Promise<Response> }, origin = "https://assets.invalid"): CatalogueSource {
  return catalogueSourceFrom(async () => {
    const res = await assets.fetch(new Request(new URL(CATALOGUE_PATH, origin)));
    if (!res.ok) throw new Error(`The enrolment catalogue could not be loaded from the assets binding (${res.status}).`);
    return res.json();
  });
}
