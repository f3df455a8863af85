import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import { callsTo, startBackend } from "../../test/backend";
import { ExhibitorDetail } from "./ExhibitorDetail";
import { Exhibitors } from "./Exhibitors";

const keys = () => screen.getAllByTestId("exhibitor-row").map((r) => r.dataset.key);

describe("exhibitors", () => {
  test("the search box finds names and products in either language; filters narrow the list", async () => {
    await startBackend();
    render(<Exhibitors />);
    await screen.findByTestId("exhibitor-list");
    expect(keys()).toHaveLength(6);
    fireEvent.input(screen.getByTestId("exhibitor-search"), { target: { value: "日日新" } });
    await waitFor(() => expect(keys()).toEqual(["e-sensetime"]));
    fireEvent.input(screen.getByTestId("exhibitor-search"), { target: { value: "" } });
    fireEvent.change(screen.getByTestId("exhibitor-filter-category"), { target: { value: "Robotics 机器人" } });
    fireEvent.change(screen.getByTestId("exhibitor-filter-country"), { target: { value: "CN" } });
    await waitFor(() => expect(keys()).toEqual(["e-unitree", "e-agibot"]));
    fireEvent.change(screen.getByTestId("exhibitor-filter-country"), { target: { value: "DE" } });
    expect((await screen.findByTestId("empty-state")).textContent).toContain("Nothing matches");
  });

  test("the detail marks illustrative booths and saves the visited toggle", async () => {
    const backend = await startBackend();
    render(<ExhibitorDetail exhibitorKey="e-huawei" />);
    await screen.findByTestId("exhibitor-detail");
    expect(screen.getByTestId("illustrative-marker").textContent).toContain("hall, booths");
    expect(screen.getByTestId("exhibitor-booths").textContent).toContain("H1-A01");
    expect(screen.getAllByTestId("product-item")[0]!.textContent).toContain("昇腾384超节点");
    // Reminders are for sessions only.
    expect(screen.queryByTestId("bookmark-reminder")).toBeNull();
    fireEvent.click(screen.getByTestId("exhibitor-visited"));
    await waitFor(() =>
      expect(callsTo(backend, "set_bookmark")).toEqual([{ change: { conference: "waic-2025", kind: "exhibitor", key: "e-huawei", visited: true } }]),
    );
  });
});
