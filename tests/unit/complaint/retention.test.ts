/** Calendar arithmetic behind the retention periods: whole months, month ends, and the complaint erasure day. */
import { describe, expect, it } from "vitest";
import { erasedOn, erasureCutoff } from "../../../src/domain/complaint/retention";
import { addDays } from "../../../src/domain/complaint/time";
import { retainUntil } from "../../../src/domain/enrolment/intake";
import { addCalendarMonths, monthsBefore, RETENTION } from "../../../src/domain/privacy-notice";

describe("retention calendar", () => {
  it("moves dates by whole calendar months, clamping to the target month's last day", () => {
    expect(addCalendarMonths("2026-09-10", 24)).toBe("2028-09-10");
    expect(addCalendarMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addCalendarMonths("2024-02-29", 24)).toBe("2026-02-28");
    expect(addCalendarMonths("2026-01-15", -13)).toBe("2024-12-15");
    expect(monthsBefore(new Date("2027-03-31T10:20:30.456Z"), 1)).toBe("2027-02-28T10:20:30.456Z");
  });

  it("erases a complaint's details on the day its period ends, and the cutoff agrees with that day on every date of a leap period", () => {
    expect(RETENTION.complaintMonths).toBe(24);
    expect(erasedOn("2026-09-10")).toBe("2028-09-10");
    expect(erasureCutoff("2026-02-28")).toBe("2024-02-29");
    // For every day of four years: a case finished on f is due exactly when erasedOn(f) <= today.
    for (let today = "2026-01-01"; today < "2030-01-01"; today = addDays(today, 1)) {
      const cutoff = erasureCutoff(today);
      expect(erasedOn(cutoff) <= today && erasedOn(addDays(cutoff, 1)) > today, today).toBe(true);
    }
  });

  it("keeps an application until the intake's end plus the notice's months", () => {
    const intake = { school_year_start: "2027-08-31" } as Parameters<typeof retainUntil>[0];
    expect(retainUntil(intake, RETENTION.applicationMonths)).toBe("2028-08-31T00:00:00.000Z");
    expect(retainUntil({ school_year_start: "2027-01-31" } as typeof intake, 1)).toBe("2027-02-28T00:00:00.000Z");
  });
});
