import { register } from "node:module";

register("./no-highs-hooks.mjs", import.meta.url);
