import { openExternal } from "../ipc";

/**
 * HTML that core sanitised with ammonia (abstracts, descriptions, bios): the only HTML the UI
 * puts into the page. Links in it open outside the app, never in the webview.
 */
export function SafeHtml({ html, class: cls, testId }: { html: string; class?: string; testId?: string }) {
  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.("a[href]");
    if (!link) return;
    event.preventDefault();
    void openExternal(link.getAttribute("href") ?? "").catch(() => {});
  };
  return <div class={`prose ${cls ?? ""}`} data-testid={testId} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}
