/**
 * The filtered views of the commitments list, built as separate static pages so filtering
 * needs no JavaScript: by lead or supporting department, by status, by policy clause.
 * `/commitments/<facet>/<value>/`, e.g. `/commitments/status/delayed/`.
 */
import type { Commitment } from "../domain/accountability/department";
import { COMMITMENT_STATUS_LABELS, COMMITMENT_STATUSES } from "../domain/accountability/vocabulary";
import type { Department } from "../content-data/departments";
import { clauseRef } from "../domain/policy/clause";

export type Listed = { commitment: Commitment; lead: Department };
export type View = { facet: "department" | "status" | "clause"; value: string; label: string; items: Listed[] };

export function allCommitments(departments: readonly Department[]): Listed[] {
  return departments.flatMap((lead) => lead.commitments.map((commitment) => ({ commitment, lead })));
}

export const viewHref = (v: Pick<View, "facet" | "value">) => `/commitments/${v.facet}/${v.value}/`;

export function commitmentViews(departments: readonly Department[]): View[] {
  const all = allCommitments(departments);
  const byDepartment = departments
    .map((d) => ({
      facet: "department" as const,
      value: d.id,
      label: d.short_name,
      items: all.filter((x) => x.lead.id === d.id || x.commitment.supporting.includes(d.id)),
    }))
    .filter((v) => v.items.length > 0);
  const byStatus = COMMITMENT_STATUSES.map((s) => ({
    facet: "status" as const,
    value: s,
    label: COMMITMENT_STATUS_LABELS[s],
    items: all.filter((x) => x.commitment.status === s),
  })).filter((v) => v.items.length > 0);
  const clauses = [...new Set(all.map((x) => x.commitment.clause))].sort();
  const byClause = clauses.map((id) => ({
    facet: "clause" as const,
    value: id.replace(".", "-"),
    label: clauseRef(id),
    items: all.filter((x) => x.commitment.clause === id),
  }));
  return [...byDepartment, ...byStatus, ...byClause];
}

export const FACET_LABELS: Record<View["facet"], string> = { department: "按部门", status: "按状态", clause: "按政策条款" };
