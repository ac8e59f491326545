/** `addNote`: the department handling a case writes an internal note in its history. */
import type { NoteInput } from "../../../src/domain/complaint/schemas";
import { caseChange } from "./internal/staff-case";

export const addNote = caseChange<NoteInput>("complaints.answer", "note", async (input) => ({ event: { visibility: "internal", text: input.text } }));
