/**
 * The blind index of a named filer's phone (issue 19, SECURITY.md item 13's kind): a keyed
 * HMAC of the normalised number under its own purpose, written by the submission's batch and
 * compared, exactly, by the queue's search. The phone itself stays sealed in `contactSealed`.
 */
import { normalisePhone } from "../../../../src/domain/enrolment/typed-input";
import { searchedPhone } from "../../../../src/domain/complaint/phone-search";
import { blindIndex, type FieldKeys } from "../../../platform/field-crypto";

const PURPOSE = "complaint-phone";

export const phoneIndexOf = (keys: FieldKeys, phone: string): Promise<string> => blindIndex(keys, PURPOSE, normalisePhone(phone));

/** The index a queue search looks up, or null when the search text is not a phone number. */
export async function searchPhoneIndex(keys: FieldKeys, q: string | undefined): Promise<string | null> {
  const phone = q ? searchedPhone(q) : null;
  return phone ? phoneIndexOf(keys, phone) : null;
}
