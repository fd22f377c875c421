import { decideMedia, originOf, MEDIA_DATA_URL_MAX_CHARS } from "../../src/components/ui/mediaPolicy";

const PNG = "data:image/png;base64,iVBORw0KGgo=";

describe("decideMedia", () => {
  it("asks before any remote load by default, naming the host (port kept, IDN in punycode)", () => {
    expect(decideMedia("https://images.example/a.png", "image")).toEqual({ action: "ask", url: "https://images.example/a.png", host: "images.example" });
    expect(decideMedia(" http://images.example:8080/a.png ", "image")).toMatchObject({ action: "ask", host: "images.example:8080" });
    expect(decideMedia("https://exаmple.com/x.png", "image")).toMatchObject({ action: "ask", host: "xn--exmple-4nf.com" });
  });

  it("loads data: media inline, only of the kind's raster types and under the size cap", () => {
    expect(decideMedia(PNG, "image")).toEqual({ action: "load", url: PNG, remote: false });
    expect(decideMedia("data:image/svg+xml;base64,PHN2Zz4=", "image")).toMatchObject({ action: "refuse", reason: "not-allowed" });
    expect(decideMedia("data:text/html;base64,PHNjcmlwdD4=", "image")).toMatchObject({ action: "refuse", reason: "not-allowed" });
    expect(decideMedia("data:audio/wav;base64,UklGRg==", "audio")).toMatchObject({ action: "load" });
    expect(decideMedia("data:audio/wav;base64,UklGRg==", "image")).toMatchObject({ action: "refuse" });
    expect(decideMedia("data:video/mp4;base64,AAAA", "video")).toMatchObject({ action: "load" });
    const big = `data:image/png;base64,${"A".repeat(200)}`;
    expect(decideMedia(big, "image", { maxDataUrlChars: 100 })).toEqual({ action: "refuse", reason: "too-large", chars: big.length });
    expect(MEDIA_DATA_URL_MAX_CHARS).toBeGreaterThan(1_000_000);
  });

  it("refuses what is not http(s) or data:, whatever the policy", () => {
    for (const raw of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "vbscript:x", "file:///etc/passwd", "blob:https://a/1", "/relative.png", "//cdn.example/x.png", "gs://bucket/x.png", "", 42, null, undefined, {}, `https://a.example/${"x".repeat(9000)}`]) {
      for (const policy of ["ask", "allow", { allowOrigins: ["https://a.example"] }] as const) {
        expect(decideMedia(raw, "image", policy)).toMatchObject({ action: "refuse", reason: "not-allowed" });
      }
    }
  });

  it('loads allowed origins at once (scheme, host and port must all match), everything under "allow", nothing under "block"', () => {
    const policy = { allowOrigins: ["https://cdn.example", "http://localhost:6006/any/path", "not a url"] };
    expect(decideMedia("https://cdn.example/a.png", "image", policy)).toMatchObject({ action: "load", remote: true });
    expect(decideMedia("http://localhost:6006/x.png", "image", policy)).toMatchObject({ action: "load" });
    expect(decideMedia("http://cdn.example/a.png", "image", policy)).toMatchObject({ action: "ask" });
    expect(decideMedia("https://cdn.example:444/a.png", "image", policy)).toMatchObject({ action: "ask" });
    expect(decideMedia("https://evil.cdn.example/a.png", "image", policy)).toMatchObject({ action: "ask" });
    expect(decideMedia("https://a.example/x.png", "audio", "allow")).toMatchObject({ action: "load" });
    expect(decideMedia("https://a.example/x.png", "image", "block")).toEqual({ action: "refuse", reason: "remote-off", host: "a.example" });
    expect(decideMedia("https://cdn.example/a.png", "image", { ...policy, remote: "block" })).toMatchObject({ action: "load" });
    expect(decideMedia(PNG, "image", "block")).toMatchObject({ action: "load" });
  });

  it("treats a malformed policy as the default", () => {
    for (const policy of [null, 42, "nonsense", { remote: "sometimes", allowOrigins: "https://a.example" }] as unknown[]) {
      expect(decideMedia("https://a.example/x.png", "image", policy as never)).toMatchObject({ action: "ask" });
    }
    expect(originOf("https://a.example:443/x")).toBe("https://a.example");
    expect(originOf("mailto:a@b.c")).toBeNull();
  });
});
