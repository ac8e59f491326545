/**
 * Second-factor page island. First sign-in: shows the QR code (drawn locally from the
 * otpauth URI by @paulmillr/qr, so the secret never leaves for a QR service) and the secret
 * as text, then confirms a first code. Later sign-ins: asks for the current code.
 */
import encodeQR from "@paulmillr/qr";
import { apiError, staffApi, SIGN_IN_PAGE } from "./api";
import { showErrors } from "../../forms/staff/error-summary";

const enrol = document.querySelector<HTMLElement>("#enrol")!;
const verify = document.querySelector<HTMLElement>("#verify-intro")!;
const form = document.querySelector<HTMLFormElement>("#code-form")!;
const loading = document.querySelector<HTMLElement>("#loading")!;

async function start() {
  const res = await staffApi.auth["second-factor"].start.$post();
  if (!res.ok) {
    location.replace(SIGN_IN_PAGE);
    return;
  }
  const state = await res.json();
  loading.hidden = true;
  if (state.mode === "enrol") {
    const svg = encodeQR(state.uri, "svg");
    // Created here, not in the shell: an <img> without a src is invalid HTML.
    const img = Object.assign(document.createElement("img"), { id: "qr", className: "qr", alt: "用于绑定验证器应用的二维码", width: 200, height: 200 });
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    document.querySelector("#qr-slot")!.replaceChildren(img);
    document.querySelector("#secret")!.textContent = state.secret.replace(/(.{4})/g, "$1 ").trim();
    document.querySelector("#account")!.textContent = state.account;
    enrol.hidden = false;
  } else {
    verify.hidden = false;
  }
  form.hidden = false;
  form.querySelector<HTMLInputElement>("#code")!.focus();
}
void start();

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const code = String(new FormData(form).get("code"));
  const answer = await staffApi.auth["second-factor"].$post({ json: { code } });
  if (answer.ok) {
    const { next } = await answer.json();
    location.replace(next === "change_password" ? "/staff/password/" : "/staff/");
    return;
  }
  showErrors(form, await apiError(answer));
});
