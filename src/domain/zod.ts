/**
 * The one zod instance of the project, with Chinese default messages.
 *
 * Every domain schema imports `z` from here so that the browser, the build and the API
 * all speak Simplified Chinese when a schema rejects input, including for the rare
 * rule that has no hand-written message.
 */
import { z } from "zod";
import { zhCN } from "zod/locales";

z.config(zhCN());

export { z };
