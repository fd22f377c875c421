// Explore data: PostHog's date syntax and property filters, the filter state of an explore screen,
// sessions, error groups, persons, trace neighbours and URL state. Pure functions, no React.
export * from "./filterDates";
export * from "./filterDatesDescribe";
export * from "./filterProperties";
export * from "./filterPropertiesMatch";
export * from "./filterSuggestions";
export * from "./traceFilterState";
export * from "./personDisplay";
export * from "./exploreEvents";
export * from "./sessionRows";
export * from "./errorGroups";
export * from "./errorTrends";
export * from "./traceNeighbours";
export * from "./urlState";
