// The cell context moved to ui (both tables share it); this path stays for SentimentOverview's imports.
export * from "../ui/tableCellContext";
