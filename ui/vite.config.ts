import { defineConfig } from "vitest/config";

// The same policy the Tauri shell sets, applied to `vite preview` so a browser check catches
// anything the real app would refuse (inline scripts, style attributes, remote loads).
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' ipc: http://ipc.localhost",
  "object-src 'none'",
  "base-uri 'none'",
].join("; ");

export default defineConfig({
  // Preact's automatic JSX runtime, compiled by Vite's own Oxc transform: no plugin needed.
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  preview: { headers: { "Content-Security-Policy": CSP } },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
  test: {
    environment: "happy-dom",
    setupFiles: ["src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
