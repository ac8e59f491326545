/**
 * The Open311 GeoReport v2 service list (one service per complaint category), so existing
 * civic tools can read the portal: fixed data from the domain, no database.
 */
import { CATEGORY_INFO, COMPLAINT_CATEGORIES } from "../../../../src/domain/complaint/categories";
import { DEPARTMENT_LABELS } from "../../../../src/domain/staff/departments";

/** Open311 GeoReport v2 service list: one service per category. */
export function open311Services() {
  return COMPLAINT_CATEGORIES.map((c) => ({
    service_code: c,
    service_name: CATEGORY_INFO[c].label,
    description: CATEGORY_INFO[c].hint,
    metadata: false,
    type: "realtime",
    keywords: CATEGORY_INFO[c].clauses.map((id) => `clause-${id}`).join(","),
    group: DEPARTMENT_LABELS[CATEGORY_INFO[c].department],
  }));
}
