/**
 * Change-password island: current password, then a new one (common passwords refused).
 * Also the forced step after a first sign-in with a one-time initial password, when the
 * session may not open any other page yet, so this page does not ask who is signed in.
 */
import { apiError, staffApi } from "./api";
import { clearErrors, showErrors } from "../../forms/staff/error-summary";

const form = document.querySelector<HTMLFormElement>("#password-form")!;
form.hidden = false;
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const res = await staffApi.auth.password.$post({ json: { currentPassword: String(data.get("currentPassword")), newPassword: String(data.get("newPassword")) } });
  if (!res.ok) return showErrors(form, await apiError(res));
  clearErrors(form);
  location.replace("/staff/");
});
