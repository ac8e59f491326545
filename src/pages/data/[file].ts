/**
 * The open-data files, prerendered as static files under /data/: each year's JSON and CSVs,
 * the column dictionary and `datapackage.json`.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { getOpenData } from "../../lib/open-data-build";

export const getStaticPaths = (async () => {
  const { files, datapackage } = await getOpenData();
  return [...files, datapackage].map((f) => ({ params: { file: f.name }, props: { text: f.text, mediaType: f.mediaType } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props.text as string, { headers: { "Content-Type": `${props.mediaType as string}; charset=utf-8` } });
