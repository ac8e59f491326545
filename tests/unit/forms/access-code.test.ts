/**
 * Issue 16 item 7: the access code is written in groups that cannot break inside (each an
 * inline-block with white-space: nowrap), the copy and save buttons wait for the script, and
 * the code is in no link. The 320 px rendering itself is checked in Chromium by
 * tests/e2e/enrolment-phone.test.ts.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { accessCodeHtml, codeActionsHtml } from "../../../src/forms/enrolment/answer-views";

describe("the access code on the receipt", () => {
  it("is one inline-block per group, the dash kept with the group before it", () => {
    const out = String(accessCodeHtml("VA1G-APEF-4PGP-021Y"));
    expect(out.match(/<span class="code-group">[^<]*<\/span>/g)).toEqual([
      '<span class="code-group">VA1G-</span>',
      '<span class="code-group">APEF-</span>',
      '<span class="code-group">4PGP-</span>',
      '<span class="code-group">021Y</span>',
    ]);
    const css = readFileSync("src/styles/forms.css", "utf8");
    expect(css).toMatch(/\.code-group \{[^}]*display: inline-block;[^}]*white-space: nowrap;/);
  });

  it("has copy and save buttons hidden until the script wires them, and no link carrying the code", () => {
    const out = String(codeActionsHtml("RX2026-00001", "VA1G-APEF-4PGP-021Y"));
    expect(out).toMatch(/data-code-actions[^>]* hidden>/);
    expect(out).toContain("复制查询码");
    expect(out).toContain("保存为图片");
    expect(out).not.toMatch(/href=/);
  });
});
