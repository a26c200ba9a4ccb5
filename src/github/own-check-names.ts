import { CONFIG_CHECK_NAME } from "../domain/render-config-check.js";
import { GATE_CHECK_NAME } from "../domain/check-run/render-gate-check.js";
import { PR_CHECK_NAME } from "../domain/check-run/render-pr-check.js";

/** The check runs the app writes itself: never CI, even when a branch requires one of them. */
export const OWN_CHECK_NAMES: readonly string[] = [PR_CHECK_NAME, GATE_CHECK_NAME, CONFIG_CHECK_NAME];
