/**
 * An audio worklet (no window, no fetch, no Headers): the client must still see a browser scope and
 * refuse an API key. The processor reports through its port when the page creates it.
 */
import { createPostHogClient } from "../../src/client/clientPostHog";
import { detectRuntimeScope } from "../../src/client/clientRuntimeScope";

declare const registerProcessor: (name: string, processor: unknown) => void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

function attempt(): { refused: boolean; message: string } {
  try {
    createPostHogClient({ host: "https://posthog.example", projectId: 1, apiKey: "phx_worklet_secret_0123456789", fetch: (() => undefined) as never });
    return { refused: false, message: "" };
  } catch (error) {
    return { refused: (error as Error).name === "BrowserCredentialError", message: String((error as Error).message) };
  }
}

registerProcessor(
  "tracelens-credentials",
  class extends AudioWorkletProcessor {
    constructor() {
      super();
      this.port.postMessage({ scope: detectRuntimeScope(), ...attempt() });
    }
    process() {
      return false;
    }
  },
);
