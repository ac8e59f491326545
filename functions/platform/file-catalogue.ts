/** The Node entry's catalogue: read and validated from content/ (site.yaml, schools.csv, intakes). */
import { readDistrict } from "../../src/content-data/district";
import { readCurrentCatalogue } from "../../src/content-data/intakes";
import { catalogueSourceFrom, type CatalogueSource } from "./catalogue-source";

export function fileCatalogueSource(contentRoot: string): CatalogueSource {
  return catalogueSourceFrom(async () => {
    const catalogue = await readCurrentCatalogue(contentRoot, await readDistrict(contentRoot));
    if (!catalogue) throw new Error("content/intakes has no intake.");
    return catalogue;
  });
}
