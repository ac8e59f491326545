// The site's own Astro config with the output redirected, so the benchmark never touches dist/.
import config from "../../astro.config.mjs";

export default { ...config, outDir: process.env.BENCH_OUT_DIR };
