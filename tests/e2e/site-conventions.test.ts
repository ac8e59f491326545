/**
 * Issue 18 items 7 and 8 over the built site: every page's footer carries the government
 * website identification from content/site.yaml (主办/承办, 网站标识码, ICP 备案号, 公安机关
 * 备案号, marked as demo numbers while they are) and the per-service enquiry numbers; every
 * page in the sitemap has a meta description. The staff console is not a public page: it has
 * its own frame without the public footer (issue 19 item 5).
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { builtPages, readBuilt, sitemapPaths, textOf } from "./built-site";

const site = parse(readFileSync("content/site.yaml", "utf8"));
const footerOf = (html: string) => textOf(/<footer class="site-footer"[\s\S]*?<\/footer>/.exec(html)?.[0] ?? "");

describe("the footer on every page", () => {
  const all = builtPages().map((p) => ({ ...p, footer: footerOf(readFileSync(p.file, "utf8")) }));
  const pages = all.filter((p) => !p.urlPath.startsWith("/staff/"));

  it("leaves the public footer out of the staff console", () => {
    const staff = all.filter((p) => p.urlPath.startsWith("/staff/"));
    expect(staff.length).toBeGreaterThan(5);
    expect(staff.filter((p) => p.footer !== "").map((p) => p.urlPath)).toEqual([]);
  });

  it("names the sponsor and operator and prints the site code, ICP and public-security numbers", () => {
    const lines = [`主办单位：${site.website.sponsor}`, `承办单位：${site.website.operator}`, `网站标识码：${site.website.site_code}`, site.website.icp, site.website.police_record];
    const missing = pages.flatMap((p) => lines.filter((l) => !p.footer.includes(l)).map((l) => `${p.urlPath}: ${l}`));
    expect(pages.length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it("marks the numbers as the demo's while site.yaml says they are", () => {
    expect(site.website.demo).toBe(true);
    expect(pages.filter((p) => !p.footer.includes("演示用的虚构编号")).map((p) => p.urlPath)).toEqual([]);
  });

  it("gives the enrolment enquiry number apart from the supervision hotline", () => {
    expect(site.enquiries.enrolment).not.toBe(site.hotlines.education);
    const footer = pages.find((p) => p.urlPath === "/")!.footer;
    expect(footer).toContain(`招生咨询电话：${site.enquiries.enrolment}`);
    expect(footer).toContain(site.enquiries.complaints);
  });

  it("the enrolment page sends questions to the enrolment number", () => {
    const text = textOf(readBuilt("/enrol/").replace(/<footer[\s\S]*<\/footer>/, ""));
    expect(text).toContain(`有疑问请致电${site.enquiries.enrolment}`);
    expect(text).not.toContain(site.hotlines.education);
  });

  it("every eligibility answer that says 请致电 prints site.yaml's enrolment number (the intake keeps no copy)", () => {
    const answers = builtPages().filter((p) => p.urlPath.startsWith("/enrol/check/result/"));
    const calls = answers.map((p) => textOf(readFileSync(p.file, "utf8").replace(/<footer[\s\S]*<\/footer>/, ""))).filter((t) => t.includes("请致电"));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((t) => !t.includes(`请致电${site.enquiries.enrolment}`))).toEqual([]);
  });
});

describe("meta descriptions", () => {
  it("every page in the sitemap has a non-empty meta description", () => {
    const missing = sitemapPaths().filter((p) => !/<meta name="description" content="[^"]{10,}"/.test(readBuilt(p)));
    expect(missing).toEqual([]);
  });
});
