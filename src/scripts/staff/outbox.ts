/**
 * Outbox viewer island (`outbox.read`): lists the newest messages with masked recipients
 * and their delivery status, and shows the development banner when the transport is the
 * log one. Every value is set with textContent, so message text is never parsed as HTML.
 * A role holding `outbox.resend` gets a 重新发送 button on each failed message, which queues it
 * again (the provider sees the same dedupe id, so nothing already delivered is sent twice).
 */
import { apiError, staffApi } from "./api";
import { requirePage } from "./shell";
import { beijingDateTime } from "../../domain/complaint/time";

const section = document.querySelector<HTMLElement>("#outbox-section")!;
const tbody = document.querySelector<HTMLTableSectionElement>("#outbox-body")!;
const count = document.querySelector<HTMLElement>("#outbox-count")!;
const banner = document.querySelector<HTMLElement>("#outbox-dev-banner")!;

const CHANNEL = { sms: "短信", email: "电子邮件" } as const;
const STATUS = { pending: "待发送", sending: "发送中", sent: "已发送", failed: "发送失败" } as const;
const ABOUT = { application: "入学申请", complaint: "投诉" } as const;
const time = (iso: string | null) => (iso ? beijingDateTime(iso, "seconds") : "—");

type Message = { id: string; status: keyof typeof STATUS };

/** The button that queues a failed message again, or an empty cell. */
function resendCell(m: Message, statusCell: HTMLTableCellElement): HTMLTableCellElement {
  const td = document.createElement("td");
  if (m.status !== "failed") return td;
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "重新发送";
  button.addEventListener("click", async () => {
    button.disabled = true;
    const res = await staffApi.outbox[":id"].resend.$post({ param: { id: m.id } });
    if (!res.ok) {
      count.textContent = `${(await apiError(res)).message}请刷新页面后重试。`;
      button.disabled = false;
      return;
    }
    statusCell.textContent = STATUS.pending;
    button.remove();
    count.textContent = "已重新排队，稍后发送。";
  });
  td.append(button);
  return td;
}

async function start() {
  const me = await requirePage("outbox.read", section);
  if (!me) return;
  const mayResend = me.actions.some((a) => a.action === "outbox.resend");
  const res = await staffApi.outbox.$get();
  if (!res.ok) {
    count.textContent = (await apiError(res)).message;
    return;
  }
  const { developmentTransport, messages } = await res.json();
  banner.hidden = !developmentTransport;
  document.querySelector<HTMLElement>("#outbox-resend-col")!.hidden = !mayResend;
  tbody.replaceChildren(
    ...messages.map((m) => {
      const tr = document.createElement("tr");
      const cells = [time(m.createdAt), CHANNEL[m.channel], m.recipient, m.subject, m.body, `${ABOUT[m.aboutKind]} ${m.aboutId}`, STATUS[m.status], String(m.attempts), time(m.sentAt)];
      const tds = cells.map((text) => {
        const td = document.createElement("td");
        td.textContent = text;
        return td;
      });
      tr.append(...tds);
      if (mayResend) tr.append(resendCell(m, tds[6]!));
      return tr;
    }),
  );
  count.textContent = messages.length ? `共显示${messages.length}条（最多200条，最新的在前）。` : "还没有消息。";
}
void start();
