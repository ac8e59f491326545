import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../../src/domain/errors";
import type { AppEnv } from "../../../functions/app-env";
import type { AppDeps } from "../../../functions/deps";
import { handleError } from "../../../functions/error-response";
import { respond } from "../../../functions/http/answer";
import { minimalPageShell } from "../../fixtures/page-shell";

/** One route that answers through the helper: a refusal for "bad", a page or JSON otherwise. */
function answerApp() {
  const deps = { pageShell: minimalPageShell(), log: { info() {}, warn() {}, error() {} } } as unknown as AppDeps;
  const app = new Hono<AppEnv>()
    .use(requestId())
    .use(async (c, next) => {
      c.set("deps", deps);
      await next();
    })
    .post("/thing", async (c) => {
      const name = String((await c.req.parseBody()).name ?? "");
      return respond(
        c,
        async () => {
          if (name === "bad") throw new DomainError("validation", "请输入名称", { fields: [{ path: "name", message: "请输入名称" }] });
          if (name === "late") throw new DomainError("conflict", "状态已变化");
          return { name };
        },
        {
          json: (r) => ({ body: r, status: 201 }),
          page: (r) => ({ title: "已保存", main: `<h1>${r.name}</h1>` }),
          refused: (errors, error) => (error.code === "validation" ? { title: "填写", main: errors.map((e) => e.message).join() } : null),
        },
      );
    });
  app.onError(handleError(deps.log));
  return app;
}

const post = (name: string, accept?: string) =>
  answerApp().request("/thing", {
    method: "POST",
    body: new URLSearchParams({ name }).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(accept ? { Accept: accept } : {}) },
  });

describe("the one answer helper", () => {
  it("answers a plain form post with a page, and the same post asking for JSON with JSON", async () => {
    const page = await post("张三");
    expect(page.headers.get("Content-Type")).toContain("text/html");
    expect(await page.text()).toContain("<h1>张三</h1>");
    const json = await post("张三", "application/json");
    expect(json.status).toBe(201);
    expect(await json.json()).toEqual({ name: "张三" });
  });

  it("shows the form's refusal as the form again, with the error's status and 错误： in the title", async () => {
    const res = await post("bad");
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain("<title>错误：填写");
    expect(page).toContain("请输入名称");
  });

  it("leaves other refusals to the one onError, which makes the same decision", async () => {
    const page = await post("late");
    expect(page.status).toBe(409);
    expect(await page.text()).toContain("状态已变化");
    const json = await post("late", "application/json");
    expect(json.status).toBe(409);
    expect(((await json.json()) as { code: string }).code).toBe("conflict");
  });
});
