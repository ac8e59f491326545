/**
 * Reads and validates `content/reply-templates.yaml` (the case page's reply templates,
 * src/domain/complaint/reply-templates.ts), naming the file and line of a problem.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ReplyTemplates } from "../domain/complaint/reply-templates";
import { readYaml, validateYaml } from "./yaml-file";

export const REPLY_TEMPLATES_FILE = "content/reply-templates.yaml";

export function parseReplyTemplates(text: string): ReplyTemplates {
  return validateYaml(readYaml(text, REPLY_TEMPLATES_FILE), ReplyTemplates);
}

export async function readReplyTemplates(root: string): Promise<ReplyTemplates> {
  return parseReplyTemplates(await readFile(path.join(root, REPLY_TEMPLATES_FILE), "utf8"));
}
