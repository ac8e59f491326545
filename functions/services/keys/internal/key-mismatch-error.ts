/** The configured keys are not the ones this database's data was sealed with; the message names the setting or file, never a key. */
export class KeyMismatchError extends Error {
  override name = "KeyMismatchError";
}
