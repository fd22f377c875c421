export { TextReprView, type TextReprViewProps } from "./TextReprView";
export { textReprCopyText } from "./TextReprViewToolbar";
export {
  buildTextReprRows,
  selectionRanges,
  type TextReprLineSelection,
  type TextReprPiece,
  type TextReprRow,
  type TextReprExpansion,
} from "./textReprViewModel";
