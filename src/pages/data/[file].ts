/**
 * The open-data files, prerendered as static files under /data/: each year's JSON and CSVs,
 * the column dictionary and `datapackage.json`.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { getBalance } from "../../lib/balance";
import { getDistrict } from "../../lib/district";
import { dataPackage, openDataFiles } from "../../lib/open-data";

export const getStaticPaths = (async () => {
  const [balance, district] = await Promise.all([getBalance(), getDistrict()]);
  const files = openDataFiles(balance, district);
  return [
    ...files.map((f) => ({ params: { file: f.name }, props: { text: f.text, mediaType: f.mediaType } })),
    { params: { file: "datapackage.json" }, props: { text: await dataPackage(files, district, import.meta.env.SITE ?? ""), mediaType: "application/json" } },
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props.text as string, { headers: { "Content-Type": `${props.mediaType as string}; charset=utf-8` } });
