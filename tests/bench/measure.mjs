// Timing helpers shared by the Node and the Chromium benchmark
// (.ci/bench.mjs, tests/bench/page.html). No dependencies, any JS engine.

/** Median and 99th percentile of `samples` (in µs), sorted in place. */
export function summary(samples) {
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(samples.length * q))];
  return { median_us: at(0.5), p99_us: at(0.99), samples: samples.length };
}

/**
 * Times `call` after `warmup` calls (so the engine has tiered the code up):
 * `samples` timings of `batch` calls each, divided by `batch`. With a
 * fine clock (Node) `batch` is 1, so p99 is that of single calls; a browser
 * coarsens `performance.now()` (to 100 µs in Chromium without cross-origin
 * isolation), so there each sample is the mean of a batch that lasts
 * milliseconds, and p99 is that of batch means.
 */
export function time(call, { warmup = 20_000, samples = 20_000, batch = 1, now = () => performance.now() } = {}) {
  for (let i = 0; i < warmup; i++) call();
  const us = new Array(samples);
  for (let s = 0; s < samples; s++) {
    const start = now();
    for (let i = 0; i < batch; i++) call();
    us[s] = ((now() - start) * 1000) / batch;
  }
  return { ...summary(us), batch };
}
