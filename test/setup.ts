import "@testing-library/jest-dom/vitest";
import { configure } from "@testing-library/react";

// findBy*/waitFor wait for behaviour, not speed: on a busy 2-core CI box 1 s is too short.
configure({ asyncUtilTimeout: 10_000 });
