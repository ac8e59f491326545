/**
 * A PDF document drawn on canvases beside the answers it proves (issue 19 item 4), loaded by
 * the application page (detail.ts) with a dynamic import only when an application has a
 * PDF, so no other page ever loads pdf.js. The bytes come from the audited view route with
 * `fetch` (served as an attachment under a sandbox CSP: the PDF is never navigated to or
 * embedded), and pdf.js parses them in its worker, served from our own origin like every
 * file it may need (`/pdfjs/`: CMaps for Chinese text in fonts the file does not embed,
 * standard-font data, the JPEG 2000 and JBIG2 decoders as plain JavaScript: the staff CSP
 * has no 'wasm-unsafe-eval', so WebAssembly is off). pdf.js 6 has no eval path left
 * (`isEvalSupported` is gone) and runs PDF JavaScript only in its viewer's scripting
 * sandbox, which this module never loads (no viewer, no annotation layer); the console's
 * CSP (no 'unsafe-eval') would refuse either anyway. The first pages are drawn at once and
 * the rest on request, one after another, so a 20-page scan does not hold a cheap laptop.
 * Anything that fails (damaged, encrypted, empty, not a PDF) becomes one Chinese sentence;
 * the download link beside the preview stays.
 */
import { getDocument, GlobalWorkerOptions, PDFWorker, type PDFDocumentLoadingTask, type PDFDocumentProxy } from "pdfjs-dist";
import workerSrc from "pdfjs-dist/build/pdf.worker.min.mjs?url";

/** Pages drawn before the reviewer asks for the rest. */
export const FIRST_PAGES = 3;
/** Where the build copies pdf.js's data files (astro.config.mjs, `pdfjs-assets`). */
const ASSETS = "/pdfjs/";
/** The widest a page is drawn, in CSS pixels, and the most device pixels per CSS pixel. */
const MAX_WIDTH = 900;
const MAX_PIXEL_RATIO = 2;
/** A scanned A4 page at 600 dpi is 35 million pixels; anything larger is not drawn. */
const MAX_IMAGE_PIXELS = 50_000_000;

export const PDF_FAILED = "无法预览此文件，请下载后查看。";

GlobalWorkerOptions.workerSrc = workerSrc;
let worker: PDFWorker | null = null;
/** Open documents (their loading tasks, which destroy them) with the box they draw into; a reload of the page's data drops the old boxes. */
const open = new Map<PDFDocumentLoadingTask, HTMLElement>();

function closeDetached() {
  for (const [task, box] of open) if (!box.isConnected) close(task);
}

function close(task: PDFDocumentLoadingTask) {
  open.delete(task);
  void task.destroy();
}

function line(message: string, className: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.className = className;
  p.textContent = message;
  return p;
}

async function drawPage(doc: PDFDocumentProxy, number: number, box: HTMLElement, label: string) {
  const page = await doc.getPage(number);
  const base = page.getViewport({ scale: 1 });
  const cssWidth = Math.min(MAX_WIDTH, box.clientWidth || 480);
  const ratio = Math.min(MAX_PIXEL_RATIO, window.devicePixelRatio || 1);
  const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
  const canvas = document.createElement("canvas");
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", `${label}，第${number}页，共${doc.numPages}页`);
  canvas.dataset.page = String(number);
  box.append(canvas);
  await page.render({ canvas, viewport }).promise;
  page.cleanup();
}

async function drawPages(doc: PDFDocumentProxy, from: number, to: number, box: HTMLElement, label: string) {
  for (let n = from; n <= to; n += 1) {
    if (!box.isConnected) return;
    await drawPage(doc, n, box, label);
  }
}

/** Draws the PDF at `url` into `box` (emptied first), naming each page after `label` (the document's kind). */
export async function renderPdf(box: HTMLElement, url: string, label: string): Promise<void> {
  closeDetached();
  let task: PDFDocumentLoadingTask | null = null;
  try {
    const res = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/pdf" } });
    if (!res.ok) throw new Error(`preview answered ${res.status}`);
    const data = new Uint8Array(await res.arrayBuffer());
    worker ??= new PDFWorker();
    task = getDocument({
      data,
      worker,
      cMapUrl: `${ASSETS}cmaps/`,
      cMapPacked: true,
      standardFontDataUrl: `${ASSETS}standard_fonts/`,
      wasmUrl: `${ASSETS}wasm/`,
      useWasm: false,
      enableXfa: false,
      maxImageSize: MAX_IMAGE_PIXELS,
      disableWorkerRendering: true,
      verbosity: 0,
    });
    open.set(task, box);
    const doc = await task.promise;
    if (doc.numPages < 1) throw new Error("no pages");
    const pages = document.createElement("div");
    pages.className = "pdf-pages";
    box.replaceChildren(pages);
    const first = Math.min(FIRST_PAGES, doc.numPages);
    await drawPages(doc, 1, first, pages, label);
    if (first < doc.numPages) box.append(theRest(task, doc, first, pages, label));
    else close(task);
  } catch {
    if (task) close(task);
    if (box.isConnected) box.replaceChildren(line(PDF_FAILED, "notice pdf-failed"));
  }
}

/** "显示全部N页": the remaining pages, drawn one after another; then the focus on a line saying so. */
function theRest(task: PDFDocumentLoadingTask, doc: PDFDocumentProxy, shown: number, pages: HTMLElement, label: string): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button-secondary pdf-more";
  button.textContent = `显示全部${doc.numPages}页（已显示前${shown}页）`;
  button.addEventListener("click", async () => {
    button.disabled = true;
    button.textContent = "正在显示其余页面……";
    try {
      await drawPages(doc, shown + 1, doc.numPages, pages, label);
      const done = line(`已显示全部${doc.numPages}页。`, "pdf-status");
      done.tabIndex = -1;
      button.replaceWith(done);
      done.focus();
    } catch {
      button.replaceWith(line(PDF_FAILED, "notice pdf-failed"));
    } finally {
      close(task);
    }
  });
  return button;
}
