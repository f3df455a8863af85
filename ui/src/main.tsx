import { render } from "preact";
import { App } from "./features/shell/App";
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
  render(<App />, document.getElementById("app")!);
}

void start();
