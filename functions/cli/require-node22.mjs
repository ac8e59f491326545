// Fails fast when a script runs on a Node older than 22.12: Astro 7, wrangler and vitest 5
// need it. `npm run` puts node_modules/.bin first on PATH, where the `node` devDependency
// installs Node 22, so this only trips when a tool is called from a plain shell.
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `This project needs Node >= 22.12, but this is Node ${process.versions.node}.\n` +
      "Run it through npm (npm start, npm test, npx …) so the pinned Node 22 from node_modules is used.",
  );
  process.exit(1);
}
