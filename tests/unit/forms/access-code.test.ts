/**
 * Issue 16 item 7 and issue 22 item 4: the access code is written in groups that cannot break
 * inside (each an inline-block with white-space: nowrap), the copy and save buttons wait for
 * the script, and the code is in no link; the complaint receipt uses the same markup. The 320 px rendering itself is checked in Chromium by
 * tests/e2e/enrolment-phone.test.ts.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { confirmationPage } from "../../../src/forms/complaint/confirmation-page";
import { accessCodeHtml, codeActionsHtml } from "../../../src/forms/receipt-code";

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

  it("is the same markup on the complaint receipt, titled for a complaint, the code in no link", async () => {
    const page = String(
      await confirmationPage({
        reference: "TS2026-00007",
        receiptCode: "K7PQ-M2XD-9RTA",
        category: "fees",
        department: "jiaoyu-ju",
        anonymous: false,
        receivedOn: "2026-12-03",
        acceptDue: "2026-12-18",
      }),
    );
    expect(page).toContain(String(accessCodeHtml("K7PQ-M2XD-9RTA", "receipt-code")));
    expect(page).toContain(String(codeActionsHtml("TS2026-00007", "K7PQ-M2XD-9RTA", "教育投诉回执")));
    expect(page).toMatch(/data-title="教育投诉回执" hidden>/);
    for (const href of page.match(/href="[^"]*"/g) ?? []) expect(href).not.toMatch(/K7PQ|M2XD/);
  });
});
