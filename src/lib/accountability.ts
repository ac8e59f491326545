/**
 * The policy and the departments for pages: read and validated once per build (on every
 * request in `astro dev`), after the district whose site.yaml fills the policy's redactions.
 */
import { readDepartments, type Department } from "../content-data/departments";
import { contentRoot } from "../content-data/district";
import { readPolicy, type Policy } from "../content-data/policy";
import { getDistrict } from "./district";
import { getBalance } from "./balance";
import { fillCitations } from "../domain/balance/cited-figures";

export type Accountability = { policy: Policy; departments: Department[]; asOf: string };

async function read(): Promise<Accountability> {
  const { site } = await getDistrict();
  const policy = await readPolicy(contentRoot(), site.policy.fill);
  const { years } = await getBalance();
  // Notes cite computed figures as {{target:<id>:<year>}}; the page shows the published value (checked by data:check).
  const departments = (await readDepartments(contentRoot(), policy)).map((d) => ({
    ...d,
    commitments: d.commitments.map((c) => ({ ...c, history: c.history.map((h) => ({ ...h, note: fillCitations(h.note, years) })) })),
  }));
  return { policy, departments, asOf: site.commitments.as_of };
}

let cached: Promise<Accountability> | undefined;

export function getAccountability(): Promise<Accountability> {
  if (import.meta.env.DEV) return read();
  cached ??= read();
  return cached;
}
