import { describe, expect, it } from "vitest";
import { pageShellFrom, SHELL_MAIN_MARKER, SHELL_TITLE_MARKER } from "../../../functions/platform/page-shell";

const SHELL = `<!doctype html><html><head><title>${SHELL_TITLE_MARKER}</title><meta name="robots" content="noindex, nofollow"></head><body><main>${SHELL_MAIN_MARKER}</main></body></html>`;

describe("the page shell's robots tag", () => {
  it("stays on answers to form posts and goes only from a page marked indexable (the complaint statistics)", async () => {
    const shell = pageShellFrom(async () => SHELL);
    expect(await (await shell.render({ title: "回执", main: "<p>x</p>" })).text()).toContain('name="robots"');
    const page = await (await shell.render({ title: "投诉统计", main: "<p>x</p>", indexable: true })).text();
    expect(page).not.toContain('name="robots"');
    expect(page).toContain("<main><p>x</p></main>");
  });
});
