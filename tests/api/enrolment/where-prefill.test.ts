/**
 * Issue 16 item 5, without a script: the link from "我家孩子能上哪所学校" opens the application
 * form's first group in the page shell with the grade chosen and the township and community
 * carried, so the school list, when the family gets to it, is that grade's, catchment first.
 */
import { describe, expect, it } from "vitest";
import { useTempDb } from "../../fixtures/temp-db";
import { enrolmentApp } from "./enrolment-app";

const tempDb = useTempDb();

describe("GET /api/enrol/draft/start", () => {
  it("renders the form with the grade, township and community from the link", async () => {
    const { app } = enrolmentApp(tempDb());
    const res = await app.request("/api/enrol/draft/start?grade=1&area=qingxi&community=wenchang");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toMatch(/value="1"[^>]*checked/);
    expect(page).toContain('<input type="hidden" name="address.community" value="wenchang" />');
    expect(page).toContain('<input type="hidden" name="address.area" value="qingxi" />');
  });

  it("ignores what the catalogue does not know", async () => {
    const { app } = enrolmentApp(tempDb());
    const page = await (await app.request("/api/enrol/draft/start?grade=<script>&community=x")).text();
    expect(page).not.toContain("<script>&");
    expect(page).not.toMatch(/checked/);
  });
});
