import type { ComponentChildren } from "preact";
import { t } from "../i18n";
import type { IpcError } from "../ipc";

export function Loading({ label }: { label?: string }) {
  return (
    <p class="state state-loading" role="status" data-testid="loading">
      <span class="spinner" aria-hidden="true" />
      {label ?? t("common.loading")}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return (
    <div class="state state-empty" data-testid="empty-state">
      {children}
    </div>
  );
}

export function ErrorNote({ error, children }: { error: IpcError; children?: ComponentChildren }) {
  return (
    <div class="state state-error" role="alert" data-testid="error">
      <p>
        <strong>{t("common.error")}</strong> <code data-testid="error-kind">{error.kind}</code>
      </p>
      <p data-testid="error-message">{error.message}</p>
      {children}
    </div>
  );
}
