import { describe, expect, it } from "vitest";
import { canHappen, COMPLAINT_EVENTS, COMPLAINT_STATUSES, nextStatus } from "../../../src/domain/complaint/states";
import { DomainError } from "../../../src/domain/errors";

describe("the complaint state machine", () => {
  it("runs the whole path: submitted → accepted → assigned → investigating → answered → closed", () => {
    let s = nextStatus("submitted", "accept");
    expect(s).toBe("accepted");
    s = nextStatus(s, "assign");
    expect(s).toBe("assigned");
    s = nextStatus(s, "draft_answer");
    expect(s).toBe("investigating");
    s = nextStatus(s, "approve_answer");
    expect(s).toBe("answered");
    expect(nextStatus(s, "rate")).toBe("closed");
  });
  it("ends a not-accepted case there", () => {
    const s = nextStatus("submitted", "not_accept");
    expect(s).toBe("not_accepted");
    for (const e of COMPLAINT_EVENTS) expect(canHappen(s, e), e).toBe(false);
  });
  it("reopens an answered or closed case on review, and triage assigns it again", () => {
    expect(nextStatus("answered", "request_review")).toBe("under_review");
    expect(nextStatus("closed", "request_review")).toBe("under_review");
    expect(nextStatus("under_review", "assign")).toBe("assigned");
  });
  it("refuses an answer that triage has not approved from a draft, and a second acceptance", () => {
    expect(() => nextStatus("assigned", "approve_answer")).toThrow(DomainError);
    expect(() => nextStatus("accepted", "accept")).toThrow(/当前状态为“已受理，待分派”/);
  });
  it("keeps the status on bookkeeping events and never lets a closed case be extended", () => {
    expect(nextStatus("investigating", "extend")).toBe("investigating");
    expect(nextStatus("submitted", "recategorise")).toBe("submitted");
    expect(canHappen("closed", "extend")).toBe(false);
    expect(COMPLAINT_STATUSES.every((s) => typeof canHappen(s, "merge") === "boolean")).toBe(true);
  });
});
