/**
 * The receipt's copy and save-as-image buttons (issue 16 item 7, issue 22 item 4), for the
 * enrolment confirmation the application script shows and the complaint receipt the app
 * renders into the page shell (src/pages/shell wires every page it serves); the buttons'
 * markup is src/forms/receipt-code.ts. Copy writes "受理编号 … 查询码 …" to the clipboard; save draws
 * the same on a canvas and downloads it as a PNG (no library: the 2D context is enough).
 * The code goes only to the clipboard and into the image, never into a URL: the download is
 * a blob: URL, which names the image, not its content.
 */

function receiptText(reference: string, code: string): string {
  return `受理编号：${reference}\n查询码：${code}`;
}

/** Draws the receipt on a canvas big enough to read on a phone's photo album. */
function receiptCanvas(title: string, reference: string, code: string): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = 720;
  canvas.height = 360;
  const g = canvas.getContext("2d")!;
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = "#1a1a1a";
  g.font = "28px sans-serif";
  g.fillText(title, 40, 64);
  g.fillText(`受理编号：${reference}`, 40, 140);
  g.font = "bold 44px monospace";
  g.fillText(code, 40, 220);
  g.font = "22px sans-serif";
  g.fillText("请妥善保管，不要把查询码告诉他人。", 40, 300);
  return canvas;
}

export function wireAccessCode(root: ParentNode): void {
  for (const box of root.querySelectorAll<HTMLElement>("[data-code-actions]")) {
    // Wired once: the application script and the shell page may both reach the same box.
    if (box.dataset.wired) continue;
    box.dataset.wired = "1";
    const reference = box.dataset.reference ?? "";
    const code = box.dataset.code ?? "";
    const title = box.dataset.title ?? "回执";
    const status = box.querySelector<HTMLElement>("[data-code-status]");
    const say = (words: string) => void (status && (status.textContent = words));
    box.hidden = false;
    box.querySelector("[data-copy-code]")?.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(receiptText(reference, code));
        say("已复制受理编号和查询码。");
      } catch {
        say("无法自动复制，请手动抄下查询码。");
      }
    });
    box.querySelector("[data-save-code]")?.addEventListener("click", () => {
      receiptCanvas(title, reference, code).toBlob((blob) => {
        if (!blob) return say("无法生成图片，请手动抄下查询码。");
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = `${title}-${reference}.png`;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
        say("图片已保存。");
      }, "image/png");
    });
  }
}
