// Every public export of every React entry, for the gallery and tests only: it is not an entry of
// the package (hosts import `tracelens`, `tracelens/tables`, `tracelens/trace`, … so each pays only for
// what it uses).
export * from "./index";
export * from "./tables";
export * from "./trace";
export * from "./overview";
export * from "./evaluations";
