import { describe, expect, it } from "vitest";
import { DomainError } from "../../../src/domain/errors";
import { APPLICATION_EVENTS, APPLICATION_STATES, TRANSITIONS, transition } from "../../../src/domain/enrolment/states";

describe("the application state machine", () => {
  it("follows the path of DOMAIN.md §3 from draft to enrolled", () => {
    let s = transition("draft", "submit");
    for (const e of ["start_review", "request_info", "provide_info", "decide_eligible", "waitlist", "offer", "accept", "enrol"] as const) s = transition(s, e);
    expect(s).toBe("enrolled");
  });

  it("refuses every transition the table does not list, with a conflict error", () => {
    let refused = 0;
    for (const state of APPLICATION_STATES) {
      for (const event of APPLICATION_EVENTS) {
        const to = TRANSITIONS[state][event];
        if (to) {
          expect(transition(state, event)).toBe(to);
        } else {
          refused++;
          expect(() => transition(state, event)).toThrow(DomainError);
          try {
            transition(state, event);
          } catch (error) {
            expect((error as DomainError).code).toBe("conflict");
          }
        }
      }
    }
    expect(refused).toBeGreaterThan(100);
  });

  it("ends for good in ineligible, declined, enrolled and withdrawn", () => {
    for (const end of ["ineligible", "declined", "enrolled", "withdrawn"] as const) {
      for (const event of APPLICATION_EVENTS) expect(() => transition(end, event)).toThrow(DomainError);
    }
  });

  it("never offers a place to an application that was not found eligible", () => {
    for (const state of ["draft", "submitted", "under_review", "more_info_requested", "ineligible"] as const) {
      expect(() => transition(state, "offer")).toThrow(DomainError);
    }
  });
});
