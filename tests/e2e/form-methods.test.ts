/**
 * Issue 18 item 4 over the built site: every form on every page in dist states its method,
 * and none holding a password, ID number, phone number or tracking code can submit by GET.
 * The forms the API renders at run time are checked from source in
 * tests/unit/forms/form-methods.test.ts.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtPages } from "./built-site";
import { formLeaks, formsOf } from "../fixtures/form-leaks";

describe("forms on the built site", () => {
  const pages = builtPages().map((p) => ({ ...p, html: readFileSync(p.file, "utf8") }));

  it("finds the forms it must judge (the staff sign-in, the application, the complaint)", () => {
    const count = (urlPath: string) => formsOf(pages.find((p) => p.urlPath === urlPath)?.html ?? "").length;
    expect(count("/staff/sign-in/")).toBe(1);
    expect(count("/enrol/apply/")).toBeGreaterThan(0);
    expect(count("/complain/")).toBeGreaterThan(0);
  });

  it("every form states its method and none with a secret field submits by GET", () => {
    expect(pages.flatMap((p) => formLeaks(p.urlPath, p.html))).toEqual([]);
  });

  it("the staff sign-in form posts", () => {
    const [form] = formsOf(pages.find((p) => p.urlPath === "/staff/sign-in/")!.html);
    expect(form?.tag).toMatch(/method="post"/);
  });
});
