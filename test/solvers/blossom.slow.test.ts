import { describe, it } from "vitest";
import { bruteForceProperties } from "../support/blossom-oracle.js";

// The full-size brute-force runs; test/solvers/blossom.test.ts runs the same properties small.
describe("maxWeightMatching against brute force (full size)", () => {
  it("equals brute force on random integer graphs (n ≤ 10)", () => {
    bruteForceProperties.integer(400);
  });

  it("equals brute force on sparse graphs (n 10–14)", () => {
    bruteForceProperties.sparse(2500, 14);
  });

  it("equals brute force with many ties (weights 0..3)", () => {
    bruteForceProperties.ties(400);
  });

  it("equals brute force on fractional and negative weights", () => {
    bruteForceProperties.fractional(300);
  });
});
