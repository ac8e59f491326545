/**
 * Outbox viewer island (`outbox.read`): lists the newest messages with masked recipients
 * and their delivery status, and shows the development banner when the transport is the
 * log one. Every value is set with textContent, so message text is never parsed as HTML.
 */
import { apiError, staffApi } from "./api";
import { requirePage } from "./shell";

const section = document.querySelector<HTMLElement>("#outbox-section")!;
const tbody = document.querySelector<HTMLTableSectionElement>("#outbox-body")!;
const count = document.querySelector<HTMLElement>("#outbox-count")!;
const banner = document.querySelector<HTMLElement>("#outbox-dev-banner")!;

const CHANNEL = { sms: "短信", email: "电子邮件" } as const;
const STATUS = { pending: "待发送", sending: "发送中", sent: "已发送", failed: "发送失败" } as const;
const ABOUT = { application: "入学申请", complaint: "投诉" } as const;
const time = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 19) : "—");

async function start() {
  if (!(await requirePage("outbox.read", section))) return;
  const res = await staffApi.outbox.$get();
  if (!res.ok) {
    count.textContent = (await apiError(res)).message;
    return;
  }
  const { developmentTransport, messages } = await res.json();
  banner.hidden = !developmentTransport;
  tbody.replaceChildren(
    ...messages.map((m) => {
      const tr = document.createElement("tr");
      const cells = [time(m.createdAt), CHANNEL[m.channel], m.recipient, m.subject, m.body, `${ABOUT[m.aboutKind]} ${m.aboutId}`, STATUS[m.status], String(m.attempts), time(m.sentAt)];
      for (const text of cells) {
        const td = document.createElement("td");
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    }),
  );
  count.textContent = messages.length ? `共显示 ${messages.length} 条（最多 200 条，最新的在前）。` : "还没有消息。";
}
void start();
