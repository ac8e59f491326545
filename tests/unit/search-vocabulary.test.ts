// The search vocabulary (issue 18 item 2): the committed content/search.yaml is valid and
// lists keywords only for pages the search indexes; a word in two synonym groups is refused
// with its line; the query expansion replaces the longest word of a group and stays bounded.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSearchVocabulary, SEARCH_FILE } from "../../src/content-data/search-vocabulary";
import { expandQuery, MAX_VARIANTS } from "../../src/domain/search/synonyms";
import { INDEXED_SERVICE_PAGES } from "../../src/lib/search-scope";

const committed = readFileSync(SEARCH_FILE, "utf8");

describe("content/search.yaml", () => {
  it("is valid, and names keywords only for indexed service pages", () => {
    const v = parseSearchVocabulary(committed);
    expect(v.synonyms.length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(v.keywords).filter((p) => !(p in INDEXED_SERVICE_PAGES))).toEqual([]);
  });

  it("holds the groups the issue names", () => {
    const groups = parseSearchVocabulary(committed).synonyms;
    const together = (a: string, b: string) => groups.some((g) => g.includes(a) && g.includes(b));
    expect(together("投诉", "举报") && together("投诉", "反映")).toBe(true);
    expect(together("随迁子女", "流动人口子女") && together("随迁子女", "外来务工人员子女")).toBe(true);
    expect(together("学位", "入学") && together("学位", "招生")).toBe(true);
    expect(together("择校费", "违规收费")).toBe(true);
  });

  it("refuses a word in two groups, naming its line", () => {
    expect(() => parseSearchVocabulary("synonyms:\n  - [投诉, 举报]\n  - [反映, 举报]\nkeywords: {}\n")).toThrow(/search\.yaml:3 [\s\S]*举报/);
  });

  it("refuses a keyword page that is not an address", () => {
    expect(() => parseSearchVocabulary("synonyms:\n  - [投诉, 举报]\nkeywords:\n  complain: [投诉]\n")).toThrow(/keywords\.complain/);
  });
});

describe("query expansion", () => {
  const groups = [["投诉", "举报", "反映"], ["随迁子女", "外来务工人员子女", "务工"], ["违规收费", "择校费"]];

  it("adds the query with each other word of a group in place of the one it contains", () => {
    expect(expandQuery("举报学校", groups)).toEqual(["举报学校", "投诉学校", "反映学校"]);
  });

  it("replaces the longest match whole", () => {
    expect(expandQuery("外来务工人员子女上学", groups)).toEqual(["外来务工人员子女上学", "随迁子女上学", "务工上学"]);
  });

  it("leaves a query with no group word alone, and caps the variants", () => {
    expect(expandQuery("多媒体", groups)).toEqual(["多媒体"]);
    const many = [Array.from({ length: 30 }, (_, i) => `词${i}`)];
    expect(expandQuery("词0", many)).toHaveLength(MAX_VARIANTS);
  });

  it("expands each group a query touches", () => {
    expect(expandQuery("投诉择校费", groups)).toEqual(["投诉择校费", "举报择校费", "反映择校费", "投诉违规收费"]);
  });
});
