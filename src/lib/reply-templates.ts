/** The reply templates (content/reply-templates.yaml), read once per build for the case page. */
import { contentRoot } from "../content-data/district";
import { readReplyTemplates } from "../content-data/reply-templates";
import type { ReplyTemplates } from "../domain/complaint/reply-templates";

let cached: Promise<ReplyTemplates> | undefined;

export function getReplyTemplates(): Promise<ReplyTemplates> {
  if (import.meta.env.DEV) return readReplyTemplates(contentRoot());
  cached ??= readReplyTemplates(contentRoot());
  return cached;
}
