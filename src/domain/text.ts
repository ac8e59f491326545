/**
 * The character rule for everything a person types into a public form, written once. Every
 * text field of the public schemas is built from one of four helpers, each a `z.string()` the
 * caller then bounds as before (`.trim().min().max()`, its own messages):
 *
 * - `plainText()`: one line of text (a code, an employer's name). The value is NFC-normalised;
 *   control characters (C0, DEL, C1), lone surrogates, the replacement character U+FFFD (what
 *   a lone surrogate or a broken UTF-8 byte becomes on the way) and bidirectional controls (U+061C,
 *   U+200E/F, U+202A–U+202E, U+2066–U+2069) are refused; so is a value made only of spaces,
 *   zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and such controls.
 * - `longText()`: the same, but newlines and tabs are allowed (a textarea; CR LF and a lone CR
 *   become LF first, as browsers send CR LF).
 * - `personName()`: legal names (children, guardians): plain text made only of letters and
 *   combining marks of any script, spaces and the 间隔号 of minority and foreign names
 *   (· U+00B7, • U+2022, ‧ U+2027, ・ U+30FB, ･ U+FF65): "买买提·艾力" passes, "张三1" or
 *   "<b>" does not. A complaint filer's name is how they wish to be addressed: plain text.
 * - `addressText()`: plain text made of letters, marks, digits, spaces and the punctuation of
 *   addresses: - – — # ( ) （ ） , ， 、 . 。 · / ／ : ： (号, 室, 栋 are letters already).
 *
 * Messages say what to do. `textProblem` is exported for tests and for code that checks a
 * string outside zod.
 */
import { z } from "./zod";

export type TextKind = "plain" | "long" | "name" | "address";

export const TEXT_MESSAGES = {
  control: "内容包含无法显示的控制字符（常见于从别处复制的文字），请删除后重新输入。",
  unreadable: "内容包含无法识别的字符（可能是乱码），请删除后重新输入。",
  bidi: "内容包含改变文字方向的隐藏字符，请删除后重新输入。",
  invisible: "内容只有看不见的字符，请填写实际内容。",
  name: "姓名只能包含文字、间隔号和空格，请检查后重新输入。",
  address: "地址只能包含文字、数字、空格和常用标点（- # （ ） ， 、 。 /），请检查后重新输入。",
} as const;
export type TextProblem = keyof typeof TEXT_MESSAGES;

/** C0 controls, DEL and C1 controls; newline and tab are let through for long text below. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** What a value may not consist of only: white space, zero-width characters. */
const INVISIBLE_ONLY = /^[\s\u200b-\u200d\u2060\ufeff]*$/u;
const NAME = /^[\p{L}\p{M} \u00b7\u2022\u2027\u30fb\uff65]*$/u;
const ADDRESS = /^[\p{L}\p{M}\p{N} \-\u2013\u2014#()（）,，、.。\u00b7/／:：]*$/u;

/** The value as stored: NFC, and (for long text) LF line ends. */
export function normaliseText(value: string, kind: TextKind): string {
  const lines = kind === "long" ? value.replace(/\r\n?/g, "\n") : value;
  return LONE_SURROGATE.test(lines) ? lines : lines.normalize("NFC");
}

/** The first rule a (normalised) value breaks, or null. An empty value breaks none: emptiness is the caller's `min`. */
export function textProblem(value: string, kind: TextKind): TextProblem | null {
  if (LONE_SURROGATE.test(value) || value.includes("\ufffd")) return "unreadable";
  if ((kind === "long" ? CONTROL_BUT_LINES : CONTROL).test(value)) return "control";
  if (BIDI.test(value)) return "bidi";
  if (value !== "" && INVISIBLE_ONLY.test(value) && value.trim() !== "") return "invisible";
  if (kind === "name" && !NAME.test(value)) return "name";
  if (kind === "address" && !ADDRESS.test(value)) return "address";
  return null;
}

function textOf(kind: TextKind, params?: Parameters<typeof z.string>[0]) {
  return z
    .string(params)
    .overwrite((v) => normaliseText(v, kind))
    .superRefine((v, ctx) => {
      const problem = textProblem(v, kind);
      if (problem) ctx.addIssue({ code: "custom", message: TEXT_MESSAGES[problem] });
    });
}

type StringParams = Parameters<typeof z.string>[0];
export const plainText = (params?: StringParams) => textOf("plain", params);
export const longText = (params?: StringParams) => textOf("long", params);
export const personName = (params?: StringParams) => textOf("name", params);
export const addressText = (params?: StringParams) => textOf("address", params);
