/**
 * The one zod instance of the project, with Chinese default messages.
 *
 * Every domain schema imports `z` from here so that the browser, the build and the API
 * all speak Simplified Chinese when a schema rejects input, including for the rare
 * rule that has no hand-written message. zod's Chinese locale says "出现未知的键(key)" for
 * a field a strict form does not have; that one is said in plain words here.
 */
import { z } from "zod";
import { zhCN } from "zod/locales";

const locale = zhCN();

/** The message for fields a form does not have (names joined with 、). */
export const unknownFieldsMessage = (keys: readonly string[]) => `提交的内容中有这张表单没有的项目（${keys.join("、")}），请刷新页面后重新提交。`;

z.config({
  localeError: (issue) => (issue.code === "unrecognized_keys" ? unknownFieldsMessage(issue.keys) : locale.localeError!(issue)),
});

export { z };
