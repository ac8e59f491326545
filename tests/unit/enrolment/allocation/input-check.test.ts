import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../../../src/domain/errors";
import { allocate, AllocationInput, PublishedAllocation, rerunFromPublished, toPublished } from "../../../../src/domain/enrolment/allocation";
import { checkInput, checkPublished } from "../../../../src/domain/enrolment/allocation/input-check";
import { smallMarket } from "./market-helpers";

/** A copy of `value` with one thing broken at a random place, the way a bad file or form would be. */
const broken = (value: unknown) =>
  fc.tuple(fc.nat(), fc.constantFrom<unknown>(undefined, null, -1, 1.5, NaN, Infinity, "", "x:y", "a".repeat(65), "A0", "P0", "other", [], {}, "学", 0.999999, 2 ** 53)).map(([at, bad]) => {
    const copy = JSON.parse(JSON.stringify(value)) as unknown;
    const spots: [Record<string, unknown> | unknown[], string | number][] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach((child, i) => (spots.push([node, i]), walk(child)));
      else if (typeof node === "object" && node !== null) for (const [k, child] of Object.entries(node)) spots.push([node as Record<string, unknown>, k]), walk(child);
    };
    walk(copy);
    if (spots.length === 0) return copy;
    const [parent, key] = spots[at % spots.length]!;
    if (at % 7 === 3 && !Array.isArray(parent)) (parent as Record<string, unknown>).extra = bad; // an unknown key
    else if (at % 7 === 5) delete (parent as Record<string | number, unknown>)[key]; // a missing key or a hole
    else (parent as Record<string | number, unknown>)[key] = bad;
    return copy;
  });

describe("the hand-written check of the allocation's input", () => {
  it("accepts every valid input and file it is given (so runs take the fast path)", () => {
    fc.assert(
      fc.property(smallMarket, (input) => {
        expect(checkInput(input)?.value).toBe(input);
        const file = JSON.parse(JSON.stringify(toPublished(allocate(input))));
        expect(checkPublished(file)?.value).toBe(file);
      }),
      { numRuns: 100 },
    );
  });

  it("never accepts what the schema refuses: inputs and published files broken anywhere", () => {
    const inputs = smallMarket.chain((m) => broken(m));
    const files = smallMarket.chain((m) => broken(toPublished(allocate(m))));
    let refused = 0;
    fc.assert(
      fc.property(inputs, files, (input, file) => {
        const checked = checkInput(input);
        const parsed = AllocationInput.safeParse(input);
        if (checked !== null) expect(parsed.success ? parsed.data : parsed.error.issues).toEqual(checked.value);
        if (!parsed.success) refused += 1;
        const checkedFile = checkPublished(file);
        const parsedFile = PublishedAllocation.safeParse(file);
        if (checkedFile !== null) expect(parsedFile.success ? parsedFile.data : parsedFile.error.issues).toEqual(checkedFile.value);
      }),
      { numRuns: 400 },
    );
    expect(refused).toBeGreaterThan(100); // the breakage really breaks most of them
  }, 30_000);

  it("leaves refusals to the schema, which names the field in Chinese", () => {
    const input = { seed: "s", programs: [{ id: "P1", label: "一小", seats: 1 }], applicants: [{ id: "A1", points: 0, choices: [{ program: "P9", tier: "other" }] }] };
    expect(checkInput(input)).toBeNull();
    expect(() => allocate(input as never)).toThrowError(DomainError);
    try {
      allocate(input as never);
    } catch (e) {
      expect((e as DomainError).fields).toContainEqual({ path: "applicants.0.choices.0.program", message: "志愿中的学位项目P9不存在" });
    }
    const file = JSON.parse(JSON.stringify(toPublished(allocate({ ...input, applicants: [{ id: "A1", points: 0, choices: [] }] }))));
    file.applicants.push({ ...file.applicants[0], lottery: 0.5 });
    expect(checkPublished(file)).toBeNull();
    expect(() => rerunFromPublished(file)).toThrowError(/申请编号A1重复/);
  });

  it("hands class instances and objects with inherited keys to the schema", () => {
    class Input {
      seed = "s";
      programs = [];
      applicants = [];
    }
    expect(checkInput(new Input())).toBeNull();
    expect(allocate(new Input() as never).applicants).toEqual([]);
    expect(checkInput(Object.assign(Object.create({ extra: 1 }), { seed: "s", programs: [], applicants: [] }))).toBeNull();
  });
});
