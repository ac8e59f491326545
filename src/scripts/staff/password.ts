/** Change-password island: current password, then a new one (common passwords refused). */
import { apiError, staffApi } from "./api";
import { clearErrors, showErrors } from "./error-summary";
import { requirePage } from "./shell";

async function start() {
  const form = document.querySelector<HTMLFormElement>("#password-form")!;
  if (!(await requirePage("console.home", form))) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const res = await staffApi.auth.password.$post({ json: { currentPassword: String(data.get("currentPassword")), newPassword: String(data.get("newPassword")) } });
    if (!res.ok) return showErrors(form, await apiError(res));
    clearErrors(form);
    form.reset();
    const done = document.querySelector<HTMLElement>("#password-done")!;
    done.hidden = false;
    done.focus();
  });
}
void start();
