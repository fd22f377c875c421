import { act, fireEvent, render } from "@testing-library/react";
import { recycledRowKeys } from "../../src/components/ui/virtualRowKeys";
import { CopyButton } from "../../src/components/ui/CopyButton";

const minter = () => {
  let n = 0;
  return () => `k${n++}`;
};

describe("recycledRowKeys", () => {
  it("keeps the key of a row that stays, and gives a row coming into view the key of one that left", () => {
    const mint = minter();
    const first = recycledRowKeys(["a", "b", "c"], new Map(), mint);
    expect([...first.values()]).toEqual(["k0", "k1", "k2"]);
    const scrolled = recycledRowKeys(["b", "c", "d"], first, mint);
    expect(scrolled.get("b")).toBe("k1");
    expect(scrolled.get("c")).toBe("k2");
    expect(scrolled.get("d")).toBe("k0");
  });

  it("after a jump draws every new row into an old key, minting keys only for rows beyond them", () => {
    const mint = minter();
    const before = recycledRowKeys(["a", "b"], new Map(), mint);
    const after = recycledRowKeys(["x", "y", "z"], before, mint);
    expect(after.get("x")).toBe("k0");
    expect(after.get("y")).toBe("k1");
    expect(after.get("z")).toBe("k2");
    expect(new Set(after.values()).size).toBe(3);
  });
});

describe("CopyButton reused for other text", () => {
  it("drops the old text's Copied", async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const { container, rerender } = render(<CopyButton value="trace-a" />);
    const button = container.querySelector("button")!;
    await act(async () => fireEvent.click(button));
    expect(button).toHaveAttribute("data-state", "copied");
    rerender(<CopyButton value="trace-a" />);
    expect(button).toHaveAttribute("data-state", "copied");
    rerender(<CopyButton value="trace-b" />);
    expect(button).toHaveAttribute("data-state", "idle");
  });

  it("reads a lazy value only when clicked, not while rendering (it may be a whole trace's JSON)", async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const value = vi.fn(() => "the whole trace");
    const { container, rerender } = render(<CopyButton value={value} />);
    rerender(<CopyButton value={value} />);
    expect(value).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(container.querySelector("button")!));
    expect(value).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith("the whole trace");
  });
});
