/** The credential scenarios in a shared worker: another browser scope without `window`. */
import { detectRuntimeScope } from "../../src/client/clientRuntimeScope";
import { runCredentialScenarios } from "./credentialScenarios";

(self as unknown as { onconnect: (event: MessageEvent) => void }).onconnect = (event) => {
  const port = event.ports[0]!;
  port.onmessage = async () => {
    try {
      port.postMessage({ scope: detectRuntimeScope(), outcomes: await runCredentialScenarios({ allow: false }) });
    } catch (error) {
      port.postMessage({ failure: String(error) });
    }
  };
};
