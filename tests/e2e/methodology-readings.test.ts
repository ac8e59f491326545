/**
 * Provenance honest (issue 17 item 6): every reading of the national texts and every local
 * choice in shared/DOMAIN.md is flagged on /methodology/ under 本站的理解和选择 or 依据地方做法
 * 的规定, each saying what it rests on. Reads the built page (dist/client); no browser.
 */
import { describe, expect, it } from "vitest";
import { readBuilt, textOf } from "./built-site";

const html = readBuilt("/methodology/");
/** The text from the heading with this id to the next h2. */
function section(id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `#${id}`).toBeGreaterThan(-1);
  const end = html.indexOf("<h2", start + 1);
  return textOf(html.slice(start, end === -1 ? undefined : end));
}

describe("/methodology/ flags every reading and local choice", () => {
  const readings = section("readings");
  const local = section("local");

  it.for([
    ["the student weighting of the 2017 CV, read from the 2012 说明, with the unweighted column", /按在校生数加权[\s\S]*2012年基本均衡办法的说明[\s\S]*unweighted_cv/],
    ["B6's numerator", /B6[\s\S]*分子[\s\S]*本站的选择/],
    ["the 2017 scope applied to the 2012 comparison", /统计范围沿用2017年办法[\s\S]*本站的选择/],
    ["the funding floor's weighting for nine-year schools", /九年一贯制学校的生均标准按小学部和初中部的在校生数加权[\s\S]*本站的理解/],
    ["shared teachers and assets", /共用的教师和资产[\s\S]*本站的约定/],
    ["how the multimedia target counts classes", /多媒体进教室[\s\S]*没有写明怎样计数[\s\S]*本站的理解/],
    ["what 同类学校 means", /同类学校均值[\s\S]*同为小学或同为初中、同一城乡类型[\s\S]*本站为读者提供的对照/],
    ["judging on unrounded values", /按未取整的数值判断[\s\S]*本站的选择/],
  ] as const)("%s", ([, pattern]) => {
    expect(readings).toMatch(pattern);
  });

  it("lists the local practices: what counts as rural and the teaching-point cut-off as a provincial wording", () => {
    expect(local).toMatch(/镇区和乡村/);
    expect(local).toMatch(/省级文件的表述/);
  });

  it("says each reading is not the text of the national documents", () => {
    expect(readings).toMatch(/不是文件原文的规定/);
  });
});
