import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseDepartments } from "../../../src/content-data/departments";
import { parsePolicy } from "../../../src/content-data/policy";
import { DEPARTMENT_LABELS, DEPARTMENTS } from "../../../src/domain/staff/departments";

const read = (dir: string) => Object.fromEntries(readdirSync(dir).map((n) => [n, readFileSync(`${dir}/${n}`, "utf8")]));

describe("the departments staff belong to", () => {
  it("are the published department pages (all but the leading group), with the same names", () => {
    const policy = parsePolicy(read("content/policy"), parse(readFileSync("content/site.yaml", "utf8")).policy.fill);
    const published = parseDepartments(read("content/departments"), policy).filter((d) => d.kind !== "group");
    expect([...DEPARTMENTS].sort()).toEqual(published.map((d) => d.id).sort());
    for (const d of published) expect(DEPARTMENT_LABELS[d.id as keyof typeof DEPARTMENT_LABELS], d.id).toBe(d.short_name);
  });
});
