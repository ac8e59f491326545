/**
 * Opening and re-sealing one sealed item under the key ring: the contexts are tried in order
 * (a legacy binding comes second), and the re-sealed value keeps the context that opened it.
 */
import { openBytes, openField, sealBytes, sealField, type FieldKeys } from "../../../platform/field-crypto";
import type { SealedItem } from "./sealed-sources";

export type Opened = { plain: string | Uint8Array; context: string };

export async function openItem(keys: FieldKeys, item: SealedItem): Promise<Opened> {
  let last: unknown;
  for (const context of item.contexts) {
    try {
      const plain = typeof item.sealed === "string" ? await openField(keys, context, item.sealed) : await openBytes(keys, context, item.sealed);
      return { plain, context };
    } catch (error) {
      last = error;
    }
  }
  throw last instanceof Error ? last : new Error("sealed value does not open");
}

export async function resealItem(keys: FieldKeys, item: SealedItem): Promise<string | Uint8Array> {
  const { plain, context } = await openItem(keys, item);
  return typeof plain === "string" ? sealField(keys, context, plain) : sealBytes(keys, context, plain);
}
