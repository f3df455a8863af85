// The start-up benchmark (docs/benchmarks.md) reads when this module's body began to run, once
// the modules it imports have been evaluated.
performance.mark("script:start");
import { render } from "preact";
import { App } from "./features/shell/App";
import { applyToDocument } from "./state/settings";
import { firstRenderDone, prepareFirstView } from "./state/startup";
import "./styles/theme.css";
import "./styles/base.css";
import "./styles/views.css";
import "./styles/print.css";

async function start() {
  // Mock mode serves fixture data through mockIPC so the UI runs in a plain browser. It is only
  // compiled in for `vite` (dev, with ?mock) and `vite build --mode mock`.
  const params = new URLSearchParams(location.search);
  if (import.meta.env.VITE_MOCK === "1" || (import.meta.env.DEV && params.has("mock"))) {
    const { installMocks } = await import("./mocks/install");
    installMocks(params);
  }
  applyToDocument();
  // The first frame shows the first view with its data (state/startup.ts), unless that takes
  // longer than a glance, when the app shows its shell and loads as usual.
  await Promise.race([prepareFirstView(), new Promise((done) => setTimeout(done, 300))]);
  render(<App />, document.getElementById("app")!);
  firstRenderDone();
}

void start();
