/**
 * The staff console's keyboard shortcuts (issue 19 item 5) as one table: the help dialog
 * (components/staff/ShortcutHelp.astro) prints it and the console's script
 * (scripts/staff/shortcuts.ts) follows it through `shortcutFor`. A shortcut names a
 * `data-shortcut` target, so any page offers one by marking an element: a link or button
 * is followed or pressed, anything else takes the focus (its first control, for a form).
 * Single keys never fire while the user types in a field or holds Ctrl, Alt or Meta, so
 * they cannot swallow text or a browser's own shortcut.
 */

export type ShortcutTarget = "help" | "next" | "previous" | "assign" | "search";

export type Shortcut = { target: ShortcutTarget; keys: string[]; description: string };

export const SHORTCUTS: readonly Shortcut[] = [
  { target: "next", keys: ["j", "]"], description: "下一件（队列中的下一件案件或申请）" },
  { target: "previous", keys: ["k", "["], description: "上一件" },
  { target: "assign", keys: ["a"], description: "分派（转到分派表单或按钮）" },
  { target: "search", keys: ["/"], description: "转到搜索框" },
  { target: "help", keys: ["?"], description: "打开本帮助；按Esc关闭" },
];

const BY_KEY = new Map(SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.target] as const)));

/** What a keydown means: the key, its modifiers and whether the focus is in something one types into. */
export type KeyPress = { key: string; ctrlKey: boolean; altKey: boolean; metaKey: boolean; typing: boolean };

/** The shortcut a key press asks for, or null when it is ordinary typing or not a shortcut. */
export function shortcutFor(press: KeyPress): ShortcutTarget | null {
  if (press.typing || press.ctrlKey || press.altKey || press.metaKey) return null;
  return BY_KEY.get(press.key) ?? null;
}
