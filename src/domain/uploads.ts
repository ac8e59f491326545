/**
 * What the portal accepts as an uploaded document (SECURITY.md item 6), shared by the form
 * pages (the `accept` attribute, the size hint, early checks in the browser) and the server,
 * which checks every file again by its content (functions/services/uploads/internal/inspect-upload.ts).
 */
export const UPLOAD_KINDS = ["jpeg", "png", "pdf"] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** For `<input type="file" accept>`: a hint for the picker only, never trusted. */
export const UPLOAD_ACCEPT = "image/jpeg,image/png,application/pdf";

export const UPLOAD_CONTENT_TYPES: Record<UploadKind, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  pdf: "application/pdf",
};

export const UPLOAD_KIND_LABELS: Record<UploadKind, string> = { jpeg: "JPG图片", png: "PNG图片", pdf: "PDF文件" };

/** The messages a family sees; the server and the browser use the same words. */
export const UPLOAD_MESSAGES = {
  wrongType: "只能上传JPG、PNG或PDF文件",
  tooBig: "文件不能超过5 MB，请压缩或拍摄清晰度较低的照片后重新上传",
  empty: "所选文件是空的，请重新选择文件",
  damaged: "文件已损坏或不完整，请重新导出或拍摄后上传",
} as const;
