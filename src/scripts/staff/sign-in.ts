/** Sign-in page island: the password step, then on to the second factor. */
import { apiError, staffApi } from "./api";
import { clearErrors, showErrors } from "../../forms/staff/error-summary";

const form = document.querySelector<HTMLFormElement>("#sign-in-form")!;
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const button = form.querySelector("button")!;
  button.disabled = true;
  try {
    const res = await staffApi.auth["sign-in"].$post({ json: { email: String(data.get("email")), password: String(data.get("password")) } });
    if (res.ok) {
      clearErrors(form);
      location.assign("/staff/second-factor/");
      return;
    }
    showErrors(form, await apiError(res));
  } finally {
    button.disabled = false;
  }
});
