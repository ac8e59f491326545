/**
 * Issue 16 item 6: the no-JS check page warns of a permit that has expired or runs out before
 * the intake's rule date (judged on the app's clock, in Beijing), and says nothing otherwise;
 * the draft is still saved (a warning, not an error).
 */
import { describe, expect, it } from "vitest";
import { useTempDb } from "../../fixtures/temp-db";
import { validApplication } from "../../fixtures/enrolment";
import { enrolmentApp, postDraft } from "./enrolment-app";

const tempDb = useTempDb();

async function checkPageFor(expiresOn: string, issuedOn = "2021-01-01") {
  const { app } = enrolmentApp(tempDb());
  const { consents: _c, ...draft } = validApplication();
  draft.permit.issuedOn = issuedOn;
  draft.permit.expiresOn = expiresOn;
  const { res, cookie } = await postDraft(app, draft);
  expect(res.status).toBe(303);
  return (await app.request("/api/enrol/draft/check", { headers: { Cookie: cookie! } })).text();
}

describe("the permit warning on the check page", () => {
  it("warns of an expired permit (the clock is 2026-12-01 in Beijing)", async () => {
    const page = await checkPageFor("2026-11-30");
    expect(page).toContain('id="permit-warning"');
    expect(page).toContain("有效期至2026年11月30日，已经过期");
  });

  it("warns of a permit that runs out before the intake's date, and not of one valid through it", async () => {
    expect(await checkPageFor("2027-08-31")).toContain("将于2027年8月31日到期");
    expect(await checkPageFor("2027-09-01")).not.toContain('id="permit-warning"');
  });

  it("accepts full-width dates typed in the form and judges them the same way", async () => {
    expect(await checkPageFor("２０２６年１１月３０日")).toContain("已经过期");
  });
});
