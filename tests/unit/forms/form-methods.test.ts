/**
 * Issue 18 item 4 from source: forms the built pages do not show (the API's no-JavaScript
 * answers in src/forms/, the forms the staff scripts build) state their method too, and
 * the leak detector itself catches what it must (a GET form with a password, a form with
 * no method, a phone field in a GET form).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formLeaks } from "../../fixtures/form-leaks";

const sourceFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|astro)$/.test(f))
    .map((f) => path.join(dir, f));

describe("the form leak detector", () => {
  it("flags a form without a method, and a GET form with a password, phone or ID number", () => {
    expect(formLeaks("x", `<form><input name="q"></form>`).map((f) => f.problem)).toEqual(["states no method"]);
    expect(formLeaks("x", `<form action="/a"><input type="password" name="p"></form>`)).toHaveLength(2);
    expect(formLeaks("x", `<form method="GET"><input name="guardians.0.phone"></form>`)).toHaveLength(1);
    expect(formLeaks("x", `<form method="get"><input id="a" name="child.idNumber" type="text"></form>`)).toHaveLength(1);
    expect(formLeaks("x", `<form method="post"><input type="password"></form>`)).toEqual([]);
    expect(formLeaks("x", `<form method="get" role="search"><input name="q" type="search"></form>`)).toEqual([]);
  });
});

describe("forms in source", () => {
  it("every <form> written in src/ states its method", () => {
    const missing: string[] = [];
    for (const file of sourceFiles("src")) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/<form\b[^>]*>/g)) if (!/\smethod=/.test(m[0])) missing.push(`${file}: ${m[0]}`);
    }
    expect(missing).toEqual([]);
  });

  it("every form a script builds gets a method before it is used", () => {
    const missing: string[] = [];
    for (const file of sourceFiles("src/scripts")) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/const (\w+) = document\.createElement\("form"\);/g)) {
        if (!text.includes(`${m[1]}.method = "post"`)) missing.push(`${file}: ${m[0]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
