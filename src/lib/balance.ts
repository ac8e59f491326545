/**
 * The balance results for pages and downloads: the yearly inputs read and validated once per
 * build, evaluated by the domain (`buildBalanceReport`). Every page and every download file
 * renders this one object, so a page can never disagree with the JSON.
 */
import { readBalanceInputs } from "../content-data/balance";
import { contentRoot } from "../content-data/district";
import { buildBalanceReport, type YearInput, type YearReport } from "../domain/balance/report";
import { getDistrict } from "./district";

export type Balance = { inputs: YearInput[]; years: YearReport[]; latest: YearReport };

let cached: Promise<Balance> | undefined;

async function load(): Promise<Balance> {
  const district = await getDistrict();
  const inputs = await readBalanceInputs(contentRoot(), district);
  const years = buildBalanceReport(inputs);
  const latest = years.at(-1);
  if (!latest) throw new Error("content/schools/ has no yearly balance file (<year>.csv)");
  return { inputs, years, latest };
}

export function getBalance(): Promise<Balance> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}
