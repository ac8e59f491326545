/**
 * Issue 16 item 6 without a script: the form is one question group per page. Each page posts
 * its group and carries the others in hidden inputs; a blank group comes back with exactly
 * its own errors, once each; 上一步 goes back without checking; after the last group the
 * draft is saved and the check page follows; a change link opens one group and returns to
 * the check page.
 */
import { describe, expect, it } from "vitest";
import { validApplication } from "../../fixtures/enrolment";
import { useTempDb } from "../../fixtures/temp-db";
import { FORM_STEPS } from "../../../src/forms/enrolment/form-steps";
import { enrolmentApp, formPairs, FORM_HEADERS } from "./enrolment-app";

const tempDb = useTempDb();

/** The name=value pairs of a page's inputs that a browser would post (hidden and visible text, checked radios, selected options). */
function postedPairs(page: string): [string, string][] {
  const form = /<form id="application-form"[\s\S]*?<\/form>/.exec(page)![0];
  const pairs: [string, string][] = [];
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /name="([^"]+)"/.exec(attrs)?.[1];
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? "";
    const type = /type="([^"]+)"/.exec(attrs)?.[1] ?? "text";
    if (!name || ((type === "radio" || type === "checkbox") && !/checked/.test(attrs))) continue;
    pairs.push([name, value.replaceAll("&quot;", '"').replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">")]);
  }
  return pairs;
}

describe("the form one group per page, without JavaScript", () => {
  it("walks every group, carries the answers, and ends on the check page", async () => {
    const { app } = enrolmentApp(tempDb());
    const { consents: _c, ...answers } = validApplication();
    const all = formPairs(answers);
    const post = (pairs: [string, string][], cookie?: string) =>
      app.request("/api/enrol/draft/step", { method: "POST", headers: { ...FORM_HEADERS, ...(cookie ? { Cookie: cookie } : {}) }, body: new URLSearchParams(pairs).toString() });

    // A blank first group: its error only, once.
    const blank = await post([["step", "grade"], ["nav", "next"], ["website", ""]]);
    expect(blank.status).toBe(422);
    const blankPage = await blank.text();
    expect(blankPage.match(/请选择申请的年级/g)!.length).toBe(2); // the summary and the field
    expect(blankPage).not.toContain("请输入孩子的姓名");

    // Each group in turn: the page carries what came before and shows only its own questions.
    let carried: [string, string][] = [];
    let page = "";
    for (const [i, step] of FORM_STEPS.entries()) {
      const own = all.filter(([name]) => name.split(".")[0] === step.id);
      const res = await post([...carried.filter(([n]) => !["step", "nav", "website", "intake", "return"].includes(n)), ...own, ["step", step.id], ["nav", "next"], ["website", ""]]);
      if (i < FORM_STEPS.length - 1) {
        expect(res.status).toBe(200);
        page = await res.text();
        expect(page).toContain(`第${i + 2}步，共${FORM_STEPS.length}步`);
        expect(page).toContain(`data-step="${FORM_STEPS[i + 1]!.id}"`);
        carried = postedPairs(page).filter(([name]) => name.split(".")[0] !== FORM_STEPS[i + 1]!.id);
        // Nothing of the next group is on the page before it is asked, nothing of earlier groups is visible.
        expect(page).toContain(`<input type="hidden" name="grade" value="1" />`);
      } else {
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe("/api/enrol/draft/check");
        const cookie = res.headers.getSetCookie().find((c) => c.startsWith("__Host-enrol_draft="))!.split(";")[0]!;
        const check = await (await app.request("/api/enrol/draft/check", { headers: { Cookie: cookie } })).text();
        expect(check).toContain("核对您的信息");
        expect(check).toContain(answers.child.name);

        // A change link opens the child's group, and 继续 returns straight to the check page.
        const edit = await (await app.request("/api/enrol/draft/edit?step=child", { headers: { Cookie: cookie } })).text();
        expect(edit).toContain('name="return" value="check"');
        const pairs = postedPairs(edit).map(([n, v]) => (n === "child.name" ? ([n, "王小明"] as [string, string]) : ([n, v] as [string, string])));
        const back = await post([...pairs.filter(([n]) => n !== "nav"), ["nav", "next"]], cookie);
        expect(back.status).toBe(303);
        const again = await (await app.request("/api/enrol/draft/check", { headers: { Cookie: cookie } })).text();
        expect(again).toContain("王小明");
      }
    }
  });

  it("goes back without checking, keeping what was typed", async () => {
    const { app } = enrolmentApp(tempDb());
    const res = await app.request("/api/enrol/draft/step", {
      method: "POST",
      headers: FORM_HEADERS,
      body: new URLSearchParams([["grade", "1"], ["child.name", ""], ["child.idNumber", "１１０"], ["step", "child"], ["nav", "back"], ["website", ""]]).toString(),
    });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('data-step="grade"');
    expect(page).toContain('<input type="hidden" name="child.idNumber" value="１１０" />');
    expect(page).not.toContain("error-summary");
  });
});
