// Every shared vector through the installed npm package (Node entry):
// (1) the vector's own expectation, by the same subset rule as the native
// runner, and (2) the *whole* answer deep-equal to the native answer that
// `cargo test` wrote to target/vector-outputs.json — native and WebAssembly
// give the same result, field for field, for every case.

import assert from "node:assert/strict";
import { test } from "node:test";
import * as seatquote from "seatquote";
import { loadVectors, nativeOutputs, runCase, vectorProblems } from "./support.mjs";

const vectors = loadVectors();
const native = nativeOutputs();

for (const { file, cases } of vectors) {
  test(`vectors/${file}`, async (t) => {
    for (const vector of cases) {
      await t.test(vector.name, () => {
        const output = runCase(seatquote, vector);
        const problems = vectorProblems(vector, output);
        assert.deepEqual(problems, [], `${vector.why}\n${problems.join("\n")}`);
        const key = `${file}/${vector.name}`;
        assert.ok(key in native, `${key} is not in target/vector-outputs.json (stale? rerun cargo test)`);
        assert.deepStrictEqual(output, native[key], "the WebAssembly answer equals the native one");
      });
    }
  });
}

test("the native outputs cover exactly these vectors", () => {
  const names = vectors.flatMap(({ file, cases }) => cases.map((c) => `${file}/${c.name}`));
  assert.equal(new Set(names).size, names.length, "vector names are unique");
  assert.deepEqual(names.toSorted(), Object.keys(native).toSorted());
  assert.ok(names.length >= 100, `only ${names.length} vectors`);
});
