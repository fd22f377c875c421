import { writeFileSync } from "node:fs";
import { buildThemeCss } from "../src/styles/themeCss";

writeFileSync(new URL("../src/styles/theme.css", import.meta.url), buildThemeCss());
