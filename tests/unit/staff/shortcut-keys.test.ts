/**
 * The console's keyboard shortcuts (issue 19 item 5): each documented key maps to its target,
 * and no key fires while the user types in a field or holds a modifier.
 */
import { describe, expect, it } from "vitest";
import { SHORTCUTS, shortcutFor, type KeyPress } from "../../../src/lib/staff-shortcuts";

const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, altKey: false, metaKey: false, typing: false, ...over });

describe("the console's keyboard shortcuts", () => {
  it("maps j and ] to next, k and [ to previous, a to assign, / to search and ? to help", () => {
    expect(["j", "]", "k", "[", "a", "/", "?"].map((k) => shortcutFor(press(k)))).toEqual(["next", "next", "previous", "previous", "assign", "search", "help"]);
  });

  it("never fires while typing in a field, or with Ctrl, Alt or Meta held", () => {
    for (const { keys } of SHORTCUTS) {
      for (const key of keys) {
        expect(shortcutFor(press(key, { typing: true }))).toBeNull();
        expect(shortcutFor(press(key, { ctrlKey: true }))).toBeNull();
        expect(shortcutFor(press(key, { altKey: true }))).toBeNull();
        expect(shortcutFor(press(key, { metaKey: true }))).toBeNull();
      }
    }
  });

  it("ignores other keys, capitals included (Shift+J is not j)", () => {
    expect(["J", "A", "x", "Enter", " ", "Escape"].map((k) => shortcutFor(press(k)))).toEqual([null, null, null, null, null, null]);
  });

  it("gives every shortcut a description and no key to two targets", () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(SHORTCUTS.every((s) => s.description.length > 0)).toBe(true);
  });
});
