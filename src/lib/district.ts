/**
 * The demo district for pages: read and validated once per build (on every request in
 * `astro dev`, so edits show at once). Pages are prerendered in Node, which reads the files.
 */
import { contentRoot, readDistrict, type District } from "../content-data/district";

let cached: Promise<District> | undefined;

export function getDistrict(): Promise<District> {
  if (import.meta.env.DEV) return readDistrict(contentRoot());
  cached ??= readDistrict(contentRoot());
  return cached;
}
