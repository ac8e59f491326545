/**
 * The Open311 GeoReport v2 service list (one service per complaint category), each service's
 * definition (no extra attributes: `metadata` is false, so the definition is empty), and the
 * discovery document, so existing civic tools can find and read the portal: fixed data from
 * the domain, no database.
 */
import { CATEGORY_INFO, COMPLAINT_CATEGORIES, type ComplaintCategory } from "../../../../src/domain/complaint/categories";
import { HOTLINES } from "../../../../src/domain/complaint/directory.generated";
import { OPEN311_SPEC } from "../../../../src/domain/complaint/open311";
import { DEPARTMENT_LABELS } from "../../../../src/domain/staff/departments";

/** When the shape of these documents last changed (the spec's sortable `changeset`). */
export const OPEN311_CHANGESET = "2026-12-03";

/** Open311 GeoReport v2 service list: one service per category. */
export function open311Services() {
  return COMPLAINT_CATEGORIES.map((c) => ({
    service_code: c,
    service_name: CATEGORY_INFO[c].label,
    description: CATEGORY_INFO[c].hint,
    metadata: false,
    type: "realtime" as const,
    keywords: CATEGORY_INFO[c].clauses.map((id) => `clause-${id}`).join(","),
    group: DEPARTMENT_LABELS[CATEGORY_INFO[c].department],
  }));
}

/** A service's definition, or null for an unknown code. */
export function open311ServiceDefinition(code: string) {
  return (COMPLAINT_CATEGORIES as readonly string[]).includes(code) ? { service_code: code as ComplaintCategory, attributes: [] } : null;
}

/** The discovery document for the endpoint at `endpointUrl`. */
export function open311Discovery(endpointUrl: string) {
  return {
    changeset: OPEN311_CHANGESET,
    contact: `只读接口，列出投诉人同意公开、已经办结的投诉。问题请致电教育局投诉电话${HOTLINES.education}。`,
    key_service: "不需要API密钥。",
    endpoints: [{ specification: OPEN311_SPEC, url: endpointUrl, changeset: OPEN311_CHANGESET, type: "production" as const, formats: ["application/json", "text/xml"] }],
  };
}
