/**
 * `getOpen311Request`: GeoReport v2 `requests/<id>`, one listed complaint by its opaque public
 * id (internal/public-cases). A case that is not listed (no consent, still open, or no such
 * id) is the same 404, so the answer tells nothing about unlisted cases.
 */
import { DomainError } from "../../../src/domain/errors";
import type { Open311Request } from "../../../src/domain/complaint/open311";
import type { ServiceCtx } from "../context";
import { listOpen311Requests } from "./list-open311-requests";

export async function getOpen311Request({ ctx, input }: { ctx: ServiceCtx; input: { id: string } }): Promise<Open311Request[]> {
  const found = await listOpen311Requests({ ctx, input: { service_request_id: [input.id] } });
  if (found.length === 0) throw new DomainError("not_found", "没有这个公开的投诉。只有投诉人同意公开并且已经办结的投诉才会列出。");
  return found;
}
