/**
 * A scorecard a parent can read on a phone (issue 17 item 7), in Chromium at 360 × 740: the
 * answer is one sentence on the first screen; every indicator is a card with its value and
 * unit, the standard, the share of the standard and a mark in words and shape that agrees
 * with its colour class; the school's address, its own phone (tel: link), catchment communities (linking to the
 * enrolment lookup) and the seats this intake come from content/.
 */
import { describe, expect, it } from "vitest";
import { readDistrict } from "../../src/content-data/district";
import { readCurrentCatalogue } from "../../src/content-data/intakes";
import { QUALITY_INDICATORS, QUALITY_INFO } from "../../src/domain/balance/indicators";
import { baseUrl, noBrowser, useBrowser } from "./page";

const district = await readDistrict(process.cwd());
const catalogue = (await readCurrentCatalogue(process.cwd(), district))!;
const yearJson = async () => (await (await fetch(`${baseUrl}/data/balance-2025.json`)).json()) as { sections: { id: string; school_id: string; section: "primary" | "junior"; nine_year: boolean; result: string; quality: Record<string, { met: boolean }> }[] };

describe.skipIf(noBrowser)("the scorecard on a 360 px phone", () => {
  const browser = useBrowser();
  const phone = async (path: string) => {
    const page = await browser.page(360);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${baseUrl}${path}`);
    return page;
  };

  it("answers in one sentence on the first screen, naming each indicator below its standard with its share", async () => {
    const { sections } = await yearJson();
    const failing = sections.find((s) => s.result === "fail")!;
    const page = await phone(`/schools/${failing.id}/`);
    const sentence = page.locator(".scorecard-verdict");
    const box = (await sentence.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(740);
    const text = (await sentence.textContent())!.replace(/\s+/g, " ");
    expect(text).toMatch(/^7项指标中\d项达到国家标准/);
    expect(text).toContain("✘");
    for (const i of QUALITY_INDICATORS.filter((i) => !failing.quality[i]!.met)) {
      const share = new RegExp(`${QUALITY_INFO[i].name}为标准的(\\d+\\.\\d)%`).exec(text);
      expect(share, i).not.toBeNull();
      expect(Number(share![1])).toBeLessThan(100);
    }
  });

  it("shows each indicator as a card with value and unit, standard, share and a mark that agrees with its colour", async () => {
    const page = await phone("/schools/shiyan-xiaoxue-primary/");
    const cards = page.locator(".indicator-card");
    expect(await cards.count()).toBe(QUALITY_INDICATORS.length);
    for (const [k, i] of QUALITY_INDICATORS.entries()) {
      const card = cards.nth(k);
      const text = (await card.textContent())!.replace(/\s+/g, " ");
      expect(text, i).toContain(`${i}${QUALITY_INFO[i].name}`);
      expect(text, i).toMatch(new RegExp(`\\d${QUALITY_INFO[i].unit}`));
      expect(text, i).toMatch(/为标准的\d+(\.\d+)?%/);
      expect(text, i).toMatch(/标准 ?≥ ?\d/);
      const mark = (await card.locator(".mark").first().textContent())!;
      const short = await card.evaluate((el) => el.classList.contains("indicator-short"));
      expect(mark, i).toBe(short ? "✘未达标" : "✔达标");
      // The card fits the phone: no sideways scroll inside or outside it.
      expect((await card.boundingBox())!.width).toBeLessThanOrEqual(360);
    }
  });

  it("gives the address, the catchment communities linked to the enrolment lookup and the seats this intake", async () => {
    const { sections } = await yearJson();
    const withSeats = sections.find((s) => catalogue.sections.some((c) => c.id === s.id))!;
    const school = district.schools.find((x) => x.id === withSeats.school_id)!;
    const communities = district.site.areas.flatMap((a) => a.communities.filter((c) => c.catchment[withSeats.section].includes(school.id)));
    expect(communities.length).toBeGreaterThan(0);
    const page = await phone(`/schools/${withSeats.id}/`);
    const facts = page.locator(".school-facts");
    expect(await facts.textContent()).toContain(school.address);
    const links = await facts.locator("a[href^='/enrol/']").evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
    for (const c of communities) {
      const link = links.find(([name]) => name === c.name);
      expect(link, c.name).toBeDefined();
      expect(link![1]).toMatch(new RegExp(`^/enrol/(where/\\?community=${c.id})?$`));
    }
    const seats = catalogue.sections.find((c) => c.id === withSeats.id)!.seats;
    expect(await facts.textContent()).toContain(`${withSeats.nine_year ? `本校${withSeats.section === "primary" ? "小学" : "初中"}部` : "本校"}预留学位${seats}个`);
    // The school's own number from the registry (issue 17 item 7), dialable, not the district's enquiry line.
    const tel = facts.locator("a[href^='tel:']");
    expect(await tel.textContent()).toBe(school.phone);
    expect(await tel.getAttribute("href")).toBe(`tel:${school.phone.replace(/[^\d]/g, "")}`);
    expect(await facts.textContent()).not.toContain(catalogue.enquiryPhone);
  });

  it("says plainly when a section takes no migrant children this intake", async () => {
    const { sections } = await yearJson();
    const without = sections.find((s) => !catalogue.sections.some((c) => c.id === s.id))!;
    const page = await phone(`/schools/${without.id}/`);
    expect(await page.locator(".school-facts").textContent()).toMatch(/本校(小学部|初中部)?本次不招收随迁子女。/);
  });
});
