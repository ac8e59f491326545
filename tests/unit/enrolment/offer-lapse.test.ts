import { describe, expect, it } from "vitest";
import { answerAfterDeadlineMessage, lapsedMessage, offerHasLapsed, offerIsLive } from "../../../src/domain/enrolment/offer-lapse";
import { canTransition, transition } from "../../../src/domain/enrolment/states";

const deadline = "2027-05-31T15:59:59.999Z";
const offered = { state: "offered" as const, offerDeadline: deadline };

describe("an offer lapses at its deadline", () => {
  it("holds its seat up to the last millisecond of the deadline and lapses one millisecond later", () => {
    expect(offerIsLive(offered, new Date(deadline))).toBe(true);
    expect(offerHasLapsed(offered, new Date(deadline))).toBe(false);
    const after = new Date(Date.parse(deadline) + 1);
    expect(offerIsLive(offered, after)).toBe(false);
    expect(offerHasLapsed(offered, after)).toBe(true);
  });

  it("applies to offers only, and a written lapse stays lapsed", () => {
    const later = new Date("2027-07-01T00:00:00Z");
    expect(offerHasLapsed({ state: "accepted", offerDeadline: deadline }, later)).toBe(false);
    expect(offerHasLapsed({ state: "waitlisted", offerDeadline: null }, later)).toBe(false);
    expect(offerHasLapsed({ state: "offered", offerDeadline: null }, later)).toBe(true);
    expect(offerHasLapsed({ state: "lapsed", offerDeadline: deadline }, new Date(0))).toBe(true);
  });

  it("is a state the machine reaches only from an offer, and leaves nothing to do after", () => {
    expect(transition("offered", "lapse")).toBe("lapsed");
    expect(canTransition("accepted", "lapse")).toBe(false);
    expect(canTransition("lapsed", "accept")).toBe(false);
    expect(canTransition("lapsed", "offer")).toBe(false);
  });

  it("tells the family the deadline in Beijing time", () => {
    expect(answerAfterDeadlineMessage("2027-06-25T02:00:00.000Z", "0570-8800 1235")).toContain("答复期限2027年6月25日10:00（北京时间）已过");
  });

  it("prints the enquiry number wherever it says 请致电 (docs/style.md)", () => {
    for (const message of [answerAfterDeadlineMessage(deadline, "0570-8800 1235"), lapsedMessage(deadline, "0570-8800 1235"), lapsedMessage(null, "0570-8800 1235")]) {
      expect(message).toMatch(/请致电招生咨询电话0570-8800 1235。$/);
    }
  });
});
