// `npm start`: installs what is missing, builds the package, and serves the
// demo page (www/ at /, pkg/ at /pkg/) on http://localhost:8080.

import { build } from "./build.mjs";
import { isMain, say } from "./lib.mjs";
import { serve } from "./serve.mjs";
import { ensureBuildTools } from "./setup.mjs";

if (isMain(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  try {
    say("checking the toolchain");
    const bin = await ensureBuildTools();
    say("building the WebAssembly package");
    await build({ bin });
    const { url } = await serve({ port, host: process.env.HOST });
    say(`the demo page is on ${url} (pkg/ at ${url}pkg/) — Ctrl+C to stop`);
  } catch (error) {
    const hint = error.code === "EADDRINUSE" ? ` (port ${port} is taken: PORT=8081 npm start)` : "";
    console.error(`seatquote: ${error.message}${hint}`);
    process.exit(1);
  }
}
