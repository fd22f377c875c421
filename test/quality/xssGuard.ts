/**
 * Tripwires for the XSS suite: any payload that runs calls `window.__tlXss`; dialogs, window.open and
 * navigation are recorded instead of happening; and the rendered DOM is checked for anything that
 * could run or navigate later (script-bearing elements, event-handler attributes, unsafe URLs).
 */
const SAFE_HREF = /^(?:https?:|mailto:|#)/i;
const SAFE_IMG = /^(?:https?:|data:image\/(?:png|jpe?g|gif|webp|avif|bmp);)/i;
const FORBIDDEN = "script, iframe, frame, frameset, object, embed, base, meta, form, link, style, svg foreignObject";

export interface XssGuard {
  /** Everything that went wrong so far, readable. */
  incidents: string[];
  /** Adds DOM findings under `root` to the incidents and returns them all. */
  check(root: Element): string[];
  restore(): void;
}

export function installXssGuard(): XssGuard {
  const incidents: string[] = [];
  const w = window as unknown as Record<string, unknown>;
  const saved = { alert: window.alert, confirm: window.confirm, prompt: window.prompt, open: window.open, print: window.print };
  const href = location.href;
  w.__tlXss = (tag: string) => incidents.push(`payload ran: ${tag}`);
  window.alert = (message?: unknown) => void incidents.push(`alert(${String(message)})`);
  window.confirm = (message?: string) => (incidents.push(`confirm(${message})`), false);
  window.prompt = (message?: string) => (incidents.push(`prompt(${message})`), null);
  window.print = () => void incidents.push("print()");
  window.open = ((url?: string | URL) => (incidents.push(`window.open(${String(url)})`), null)) as typeof window.open;
  const onUnload = () => incidents.push("navigation started (beforeunload)");
  window.addEventListener("beforeunload", onUnload);

  return {
    incidents,
    check(root) {
      if (location.href !== href) incidents.push(`navigated to ${location.href}`);
      for (const element of root.querySelectorAll(FORBIDDEN)) incidents.push(`<${element.localName}> in the DOM`);
      for (const element of root.querySelectorAll("*")) {
        for (const attribute of element.attributes) {
          const name = attribute.name.toLowerCase();
          if (name.startsWith("on")) incidents.push(`${name} attribute on <${element.localName}>`);
          if (name === "srcdoc" || name === "formaction" || name === "xlink:href") incidents.push(`${name} on <${element.localName}>`);
        }
        const anchorHref = element.localName === "a" ? element.getAttribute("href") : null;
        if (anchorHref !== null && !SAFE_HREF.test(anchorHref.trim())) incidents.push(`unsafe link ${anchorHref.slice(0, 80)}`);
        if (element.localName === "a" && element.getAttribute("target") === "_blank" && !/noopener/.test(element.getAttribute("rel") ?? "")) {
          incidents.push("target=_blank without noopener");
        }
        const src = element.localName === "img" ? element.getAttribute("src") : null;
        if (src !== null && !SAFE_IMG.test(src.trim())) incidents.push(`unsafe image ${src.slice(0, 80)}`);
      }
      return incidents;
    },
    restore() {
      Object.assign(window, saved);
      window.removeEventListener("beforeunload", onUnload);
      delete w.__tlXss;
    },
  };
}

/** Lets pending image loads, errors and microtasks settle so a payload that would run, runs. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
