/**
 * Runs the credential scenarios inside a module worker (a browser scope without `window`) and
 * posts the outcomes back to the page.
 */
import { detectRuntimeScope } from "../../src/client/clientRuntimeScope";
import { runCredentialScenarios, runLeakScenarios } from "./credentialScenarios";

self.onmessage = async (event: MessageEvent<{ allow: boolean }>) => {
  try {
    const outcomes = await runCredentialScenarios({ allow: event.data.allow });
    const leaks = await runLeakScenarios();
    self.postMessage({ scope: detectRuntimeScope(), hasWindow: typeof window !== "undefined", outcomes, leaks });
  } catch (error) {
    self.postMessage({ failure: String(error) });
  }
};
