/**
 * Schema of `content/reply-templates.yaml` (issue 19 item 3): the reply templates a clerk
 * inserts into a draft answer at the cursor on the case page. Templates shared by every
 * category come first, then each category's own; every category must have at least one,
 * so no case opens with an empty list. The text is written with [方括号] where the clerk
 * fills in the facts; it never promises an outcome.
 */
import { z } from "../zod";
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from "./categories";

const ReplyTemplate = z.strictObject({
  /** What the template is for, as the list shows it, e.g. 反映属实，已清退. */
  title: z.string().trim().min(2, "请填写模板名称").max(30, "模板名称不超过30个字"),
  /** The text inserted into the draft; [方括号] marks what the clerk must replace. */
  text: z.string().trim().min(10, "模板内容至少10个字").max(2000, "模板内容不超过2000个字"),
});
export type ReplyTemplate = z.infer<typeof ReplyTemplate>;

export const ReplyTemplates = z.strictObject({
  /** Offered for every category, after the category's own. */
  common: z.array(ReplyTemplate),
  categories: z.strictObject(
    Object.fromEntries(COMPLAINT_CATEGORIES.map((c) => [c, z.array(ReplyTemplate).min(1, `类别${c}至少要有一个模板`)])) as Record<ComplaintCategory, z.ZodArray<typeof ReplyTemplate>>,
  ),
});
export type ReplyTemplates = z.infer<typeof ReplyTemplates>;

/** A category's templates in the order the case page lists them: its own, then the common ones. */
export function templatesFor(templates: ReplyTemplates, category: ComplaintCategory): ReplyTemplate[] {
  return [...templates.categories[category], ...templates.common];
}
