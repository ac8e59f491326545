import { describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { applications } from "../../../db/schema";
import { readDistrict } from "../../../src/content-data/district";
import { useTempDb } from "../../fixtures/temp-db";
import { validApplication } from "../../fixtures/enrolment";
import { minimalPdf, pngWithMetadata } from "../../fixtures/upload-files";
import { enrolmentApp, formPairs, FORM_HEADERS, postDraft } from "./enrolment-app";

const tempDb = useTempDb();

function finalStep(cookie: string, withFiles = true, consents = true) {
  const body = new FormData();
  if (consents) {
    body.set("consents.childData", "yes");
    body.set("consents.declaration", "yes");
  }
  body.set("website", "");
  if (withFiles) {
    body.append("documents.residence_permit", new File([Buffer.from(minimalPdf())], "permit.pdf", { type: "application/pdf" }));
    body.append("documents.hukou", new File([Buffer.from(pngWithMetadata())], "hukou.png", { type: "image/png" }));
  }
  body.append("documents.housing", new File([], ""));
  return { method: "POST", body, headers: { Cookie: cookie, "Sec-Fetch-Site": "same-origin" } } satisfies RequestInit;
}

describe("applying without JavaScript", () => {
  it("re-renders the form with the values kept, an error summary and 错误： in the title", async () => {
    const { app } = enrolmentApp(tempDb());
    const { consents: _c, ...draft } = validApplication();
    draft.child.idNumber = "110105194912310021";
    draft.child.name = "<b>小明</b>";
    const { res } = await postDraft(app, draft);
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toMatch(/<title>错误：/);
    expect(page).toContain("存在以下问题");
    expect(page).toContain('href="#field-child-idNumber"');
    expect(page).toContain("&lt;b&gt;小明&lt;/b&gt;");
    expect(page).not.toContain("<b>小明</b>");
    expect(page).toContain('value="110105194912310021"');
  });

  it("goes form → check answers (change links) → documents and declaration → confirmation, and a second click replays", async () => {
    const { app } = enrolmentApp(tempDb());
    const { consents: _c, ...draft } = validApplication();
    const { res, cookie } = await postDraft(app, draft);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/api/enrol/draft/check");
    expect(cookie).toMatch(/^__Host-enrol_draft=/);

    const check = await app.request("/api/enrol/draft/check", { headers: { Cookie: cookie! } });
    const checkPage = await check.text();
    expect(checkPage).toContain("核对您的信息");
    expect(checkPage).toContain('href="/api/enrol/draft/edit?step=child#field-child-name"');
    expect(checkPage).toContain(draft.child.idNumber);

    const edit = await (await app.request("/api/enrol/draft/edit?step=child", { headers: { Cookie: cookie! } })).text();
    expect(edit).toContain(`value="${draft.child.name}"`);

    const missing = await app.request("/api/enrol/draft/submit", finalStep(cookie!, true, false));
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('href="#field-consents-childData"');

    const done = await app.request("/api/enrol/draft/submit", finalStep(cookie!));
    expect(done.status).toBe(200);
    const confirmation = await done.text();
    const reference = /RX2026-\d{5}/.exec(confirmation)?.[0];
    expect(reference).toBe("RX2026-00001");
    // The printable record masks the ID numbers.
    expect(confirmation).not.toContain(draft.child.idNumber);
    expect(confirmation).toContain(`${draft.child.idNumber.slice(0, 6)}********${draft.child.idNumber.slice(-4)}`);
    // Questions go to the one enrolment enquiry number, content/site.yaml's.
    const { site } = await readDistrict(process.cwd());
    expect(confirmation).toContain(`有疑问请致电${site.enquiries.enrolment}`);
    // What happens next gives its dates as 2027年4月30日, never ISO (docs/style.md).
    const next = confirmation.slice(confirmation.indexOf("接下来会怎样"), confirmation.indexOf("申请记录"));
    expect(next).toMatch(/\d{4}年\d{1,2}月\d{1,2}日前：审核资格和材料/);
    expect(next).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    const again = await app.request("/api/enrol/draft/submit", finalStep(cookie!));
    expect(again.status).toBe(200);
    const replay = await again.text();
    expect(/RX2026-\d{5}/.exec(replay)?.[0]).toBe(reference);
    const code = (html: string) => /查询码：<span class="code">([^<]+)</.exec(html)?.[1];
    expect(code(replay)).toBe(code(confirmation));
    const [n] = await tempDb().db.select({ n: count() }).from(applications);
    expect(n!.n).toBe(1);
  });

  it("refuses a cross-site form post", async () => {
    const { app } = enrolmentApp(tempDb());
    const res = await app.request("/api/enrol/draft", {
      method: "POST",
      headers: { ...FORM_HEADERS, "Sec-Fetch-Site": "cross-site" },
      body: new URLSearchParams(formPairs(validApplication())).toString(),
    });
    expect(res.status).toBe(403);
  });
});
