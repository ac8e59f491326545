/**
 * The queue's search by the filer's phone (issue 19): a named filer's phone is written as a
 * blind index with the case, and a search text that is a phone number (however it is typed:
 * dashes, spaces, +86, full-width digits) finds the case by that index, exactly; never by the
 * number appearing in a case's text, never a case the asker's scope does not cover (a
 * liaison of another department finds nothing). The column holds no plaintext, and a case
 * filed anonymously or with only an e-mail has none.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { complaints } from "../../../db/schema";
import { useTempDb } from "../../fixtures/temp-db";
import { buildStaffApp, get, insertUser, post, signInFully } from "../../fixtures/staff";
import { fixedClock } from "../../fixtures/test-app";
import { fileComplaint } from "../../fixtures/complaints";

const named = (phone: string | undefined, email?: string) => ({ contactMode: "named", name: "李女士", ...(phone ? { phone } : {}), ...(email ? { email } : {}) });

describe("searching the complaint queue by the filer's phone", () => {
  const tempDb = useTempDb();
  let env: ReturnType<typeof buildStaffApp>;
  let cookies: Record<"intake" | "finance" | "building", string>;
  const ids: Record<string, string> = {};

  beforeEach(async () => {
    const clock = fixedClock("2026-09-01T02:00:00.000Z");
    env = buildStaffApp(tempDb(), { clock });
    const db = tempDb().db;
    const file = async (name: string, over: Record<string, unknown>) => {
      const { reference } = await fileComplaint(env.app, over);
      ids[name] = (await db.select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference)).get())!.id;
    };
    await file("fees", named("13800138000"));
    await file("building", { ...named("13800138000"), category: "safety" });
    await file("landline", named("0570-88001234"));
    await file("other", named("13900139000"));
    await file("email", named(undefined, "li@example.com"));
    // Anonymous, with the first filer's number in its text: a phone search must not find it.
    await file("text", { whatHappened: "班主任让家长联系13800138000交资料费，没有收据。" });
    const intake = await insertUser(db, { role: "complaint_intake" });
    const users = {
      intake,
      finance: await insertUser(db, { role: "department_liaison", department: "caizheng-ju" }),
      building: await insertUser(db, { role: "department_liaison", department: "jianshe-ju" }),
    };
    cookies = {} as typeof cookies;
    for (const k of Object.keys(users) as (keyof typeof users)[]) cookies[k] = await signInFully(env.app, users[k], clock.now());
    for (const [name, department] of [["fees", "caizheng-ju"], ["building", "jianshe-ju"]] as const) {
      for (const [path, body] of [["/decide", { decision: "accept" }], ["/assign", { department }]] as const) {
        const res = await post(env.app, `/api/staff/complaints/${ids[name]}${path}`, body, cookies.intake);
        expect(res.status, await res.clone().text()).toBe(200);
      }
    }
  }, 60_000);

  async function search(who: keyof typeof cookies, q: string): Promise<string[]> {
    const res = await get(env.app, `/api/staff/complaints?${new URLSearchParams({ q })}`, cookies[who]);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { complaints: { id: string }[]; total: number };
    expect(body.total).toBe(body.complaints.length);
    return body.complaints.map((c) => c.id).sort();
  }

  it("finds a named filer's cases by the phone however it is typed, and nothing by the number in a case's text", async () => {
    const both = [ids.fees!, ids.building!].sort();
    for (const q of ["13800138000", "138-0013-8000", "138 0013 8000", "+86 13800138000", "１３８００１３８０００"]) expect(await search("intake", q), q).toEqual(both);
    expect(await search("intake", "13900139000")).toEqual([ids.other]);
    expect(await search("intake", "0570-8800 1234")).toEqual([ids.landline]);
    // A number no filer gave: nothing (an exact match). Part of one is no phone: it is searched
    // as words, so only the case whose text holds it, not the filers who gave the number.
    expect(await search("intake", "13700137000")).toEqual([]);
    expect(await search("intake", "1380013800")).toEqual([ids.text]);
  });

  it("holds a liaison to its own department: another department's filer is not found by phone", async () => {
    expect(await search("finance", "13800138000")).toEqual([ids.fees]);
    expect(await search("building", "138-0013-8000")).toEqual([ids.building]);
    expect(await search("finance", "13900139000")).toEqual([]);
  });

  it("stores a keyed index, not the phone, and nothing for an anonymous or e-mail-only filer", async () => {
    const rows = await tempDb().db.select({ id: complaints.id, index: complaints.contactPhoneIndex }).from(complaints).all();
    const byId = new Map(rows.map((r) => [r.id, r.index]));
    expect(byId.get(ids.fees!)).toMatch(/^[0-9a-f]{64}$/);
    expect(byId.get(ids.fees!)).toBe(byId.get(ids.building!));
    expect(byId.get(ids.other!)).not.toBe(byId.get(ids.fees!));
    expect(byId.get(ids.email!)).toBeNull();
    expect(byId.get(ids.text!)).toBeNull();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain("13800138000");
    expect(dump).not.toContain("88001234");
  });
});
