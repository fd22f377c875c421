"use client";
// A client object holds functions, so it is made on the client side of the boundary.
import { TraceLensProvider, createLocalClient } from "tracelens";

export function Providers({ traces, children }) {
  const client = createLocalClient({ traces });
  return <TraceLensProvider client={client}>{children}</TraceLensProvider>;
}
