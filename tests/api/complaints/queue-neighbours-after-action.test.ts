/**
 * 上一件/下一件 after an action (issue 19): the neighbours of a case are found from its place
 * in the queue when the clerk opened it (`at`, the keyset cursor the first answer gives),
 * not from where the action moved it. Four cases filed a day apart make a `status=submitted`
 * queue a, b, c, d (oldest acceptance deadline first); accepting b takes it out of the
 * queue, and with its old place b's neighbours are still a and c (without it they are
 * wrong: b's new key sorts elsewhere); deferring nothing else, a case is never its own
 * neighbour; a forged or damaged `at` is refused; the same `at` under another role's scope
 * still gives only that scope's cases.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { complaints } from "../../../db/schema";
import { encodeCursor } from "../../../src/domain/staff/queue-cursor";
import { fileComplaint } from "../../fixtures/complaints";
import { buildStaffApp, get, insertUser, post, signInFully, type TestUser } from "../../fixtures/staff";
import { useTempDb } from "../../fixtures/temp-db";
import { fixedClock } from "../../fixtures/test-app";

type Neighbours = { previous: string | null; next: string | null; at: string };

describe("a case's neighbours after an action", () => {
  const tempDb = useTempDb();
  let env: ReturnType<typeof buildStaffApp>;
  let intake: TestUser;
  let cookie: string;
  const ids: Record<string, string> = {};

  beforeEach(async () => {
    const clock = fixedClock("2026-08-10T02:00:00.000Z");
    env = buildStaffApp(tempDb(), { clock });
    intake = await insertUser(tempDb().db, { role: "complaint_intake" });
    for (const [name, day] of [["a", "10"], ["b", "11"], ["c", "12"], ["d", "13"]] as const) {
      clock.set(`2026-08-${day}T02:00:00.000Z`);
      const { reference } = await fileComplaint(env.app, { category: "fees", whatHappened: `学校收取资料费没有收据，第${name}件。`, happenedOn: "2026-08-01" });
      ids[name] = (await tempDb().db.select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference)).get())!.id;
    }
    clock.set("2026-08-14T02:00:00.000Z");
    cookie = await signInFully(env.app, intake, clock.now());
  }, 60_000);

  async function around(name: string, query: Record<string, string>): Promise<Neighbours> {
    const res = await get(env.app, `/api/staff/complaints/${ids[name]}/neighbours?${new URLSearchParams(query)}`, cookie);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Neighbours;
  }

  it("keeps 下一件 the case that followed, from the place the case had when it was opened", async () => {
    const queue = (await (await get(env.app, "/api/staff/complaints?status=submitted", cookie)).json()) as { complaints: { id: string }[] };
    expect(queue.complaints.map((c) => c.id)).toEqual([ids.a, ids.b, ids.c, ids.d]);

    // Opening b: its neighbours and its place.
    const opened = await around("b", { status: "submitted" });
    expect([opened.previous, opened.next]).toEqual([ids.a, ids.c]);
    const [urgency] = (await tempDb().db.select({ u: complaints.urgency }).from(complaints).where(eq(complaints.id, ids.b!)).all()).map((r) => r.u);
    expect(opened.at).toBe(encodeCursor([urgency!, ids.b!]));

    // Accepting b takes it out of the queue (and gives it a new, later due date).
    expect((await post(env.app, `/api/staff/complaints/${ids.b}/decide`, { decision: "accept" }, cookie)).status).toBe(200);
    const after = (await (await get(env.app, "/api/staff/complaints?status=submitted", cookie)).json()) as { complaints: { id: string }[] };
    expect(after.complaints.map((c) => c.id)).toEqual([ids.a, ids.c, ids.d]);

    // From its old place: still a before and c after.
    const kept = await around("b", { status: "submitted", at: opened.at });
    expect(kept).toEqual({ previous: ids.a, next: ids.c, at: opened.at });
    // Without it, b's new key puts it after every submitted case: 下一件 would be missing.
    expect((await around("b", { status: "submitted" })).next).toBeNull();

    // The unfiltered queue still holds b; from its old place it is not its own neighbour.
    const all = await around("b", { at: opened.at });
    expect([all.previous, all.next]).not.toContain(ids.b);
    expect(all.next).toBe(ids.c);
  });

  it("refuses an `at` it did not write, and keeps a department liaison to its own cases", async () => {
    for (const at of ["not a cursor!", encodeCursor(["x", ""]).slice(0, 5), "%%%"]) {
      const res = await get(env.app, `/api/staff/complaints/${ids.b}/neighbours?${new URLSearchParams({ at })}`, cookie);
      expect(res.status).toBe(422);
    }
    // A liaison sees none of these cases (none assigned): the case itself is 404, whatever `at` says.
    const liaison = await insertUser(tempDb().db, { role: "department_liaison", department: "caizheng-ju" });
    const theirs = await signInFully(env.app, liaison, new Date("2026-08-14T02:00:00.000Z"));
    const res = await get(env.app, `/api/staff/complaints/${ids.b}/neighbours?${new URLSearchParams({ at: encodeCursor(["0", ids.a!]) })}`, theirs);
    expect(res.status).toBe(404);
  });
});
