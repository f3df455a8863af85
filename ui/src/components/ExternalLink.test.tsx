import { render, screen } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import { ExternalLink } from "./Provenance";
import "../test/backend";

describe("ExternalLink", () => {
  test("http, https and mailto URLs become links", () => {
    render(
      <>
        <ExternalLink url="https://example.org/" testId="a" />
        <ExternalLink url="mailto:info@example.org" testId="b" />
      </>,
    );
    expect(screen.getByTestId("a").getAttribute("href")).toBe("https://example.org/");
    expect(screen.getByTestId("b").tagName).toBe("A");
  });

  test.each(["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>x</script>", "/etc/passwd", "file:///etc/passwd"])(
    "%s is shown as text, never as a link",
    (url) => {
      render(<ExternalLink url={url} testId="refused" />);
      const el = screen.getByTestId("refused");
      expect(el.tagName).toBe("SPAN");
      expect(el.hasAttribute("href")).toBe(false);
      expect(el.dataset.refused).toBe("true");
      expect(el.textContent).toBe(url);
    },
  );
});
