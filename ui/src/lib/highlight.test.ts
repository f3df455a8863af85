import { expect, test } from "vitest";
import { highlightSegments } from "./highlight";

test("ranges count characters, so astral characters are never split", () => {
  // 𠮷 is outside the BMP: two UTF-16 units, one char in Rust's count.
  expect(highlightSegments("𠮷野家 robot", [[1, 3], [4, 9]])).toEqual([
    { text: "𠮷", hit: false },
    { text: "野家", hit: true },
    { text: " ", hit: false },
    { text: "robot", hit: true },
  ]);
});

test("overlapping and out-of-range ranges are tolerated", () => {
  expect(highlightSegments("智能机器人", [[3, 9], [0, 2], [1, 2]])).toEqual([
    { text: "智能", hit: true },
    { text: "机", hit: false },
    { text: "器人", hit: true },
  ]);
});
