/**
 * The open-data downloads of this build, rendered once: every CSV and JSON file with its size
 * and SHA-256, and datapackage.json. /data/ lists them and /data/[file] writes them; each used
 * to render every file and hash it itself, work that grows with the number of school sections
 * (the site-build benchmark found it the largest cost of the build's own code). Cached per
 * build like getBalance; recomputed on every request in `astro dev`.
 */
import { getBalance } from "./balance";
import { getDistrict } from "./district";
import { checksum, dataPackage, openDataFiles, withChecksums, type PublishedFile } from "./open-data";

export type OpenData = { files: PublishedFile[]; datapackage: PublishedFile };

let cached: Promise<OpenData> | undefined;

async function load(): Promise<OpenData> {
  const [balance, district] = await Promise.all([getBalance(), getDistrict()]);
  const files = await withChecksums(openDataFiles(balance, district));
  const text = dataPackage(files, district);
  const datapackage: PublishedFile = { name: "datapackage.json", title: "数据包描述（Frictionless Data Package）", format: "json", mediaType: "application/json", text, ...(await checksum(text)) };
  return { files, datapackage };
}

export function getOpenData(): Promise<OpenData> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}
