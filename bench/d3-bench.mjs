// d3-bench.mjs: d3-hierarchy's tree() on a Sodo org chart file, for comparison with Sodo.
//
//   node d3-bench.mjs [--runs N] FILE
//
// Each run reads the file, parses it (JSON.parse), builds the hierarchy from the parent
// links (stratify) and lays it out (tree() with a node size of a Sodo card plus its gap,
// 220 × 120 points). Prints one JSON object with the median, min and max of each stage in
// ms, the median CPU time of the process for each, and the peak resident memory. As for
// Sodo (sodo-bench.c), one run comes first and is not counted.
//
// SPDX-License-Identifier: GPL-3.0-or-later
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { stratify, tree } from "d3-hierarchy";

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const args = process.argv.slice(2);
let runs = 5;
if (args[0] === "--runs") {
  runs = Number(args[1]);
  args.splice(0, 2);
}
const file = args[0];
if (!file || !(runs >= 1)) {
  console.error("usage: node d3-bench.mjs [--runs N] FILE");
  process.exit(2);
}

const stages = { read: [], parse: [], stratify: [], layout: [], total: [] };
// CPU time of the process (all its threads, the garbage collector's included), in ms.
const cpu = { read: [], parse: [], stratify: [], layout: [], total: [] };
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
let units = 0;
let depth = 0;
for (let run = -1; run < runs; run++) {
  const c0 = cpuMs(), t0 = performance.now();
  const text = readFileSync(file, "utf8");
  const c1 = cpuMs(), t1 = performance.now();
  const chart = JSON.parse(text);
  const c2 = cpuMs(), t2 = performance.now();
  const root = stratify()
    .id((unit) => unit.id)
    .parentId((unit) => unit.parent)(chart.units);
  const c3 = cpuMs(), t3 = performance.now();
  tree().nodeSize([220, 120])(root);
  const c4 = cpuMs(), t4 = performance.now();

  units = chart.units.length;
  depth = root.height;
  if (run < 0)
    continue;   // the warm-up run
  cpu.read.push(c1 - c0);
  cpu.parse.push(c2 - c1);
  cpu.stratify.push(c3 - c2);
  cpu.layout.push(c4 - c3);
  cpu.total.push(c4 - c0);

  stages.read.push(t1 - t0);
  stages.parse.push(t2 - t1);
  stages.stratify.push(t3 - t2);
  stages.layout.push(t4 - t3);
  stages.total.push(t4 - t0);
}

const out = { file: file.split("/").pop(), units, depth, runs,
              peak_rss_mb: process.resourceUsage().maxRSS / 1024 };
for (const [name, values] of Object.entries(stages))
  out[name] = { median: median(values), min: Math.min(...values), max: Math.max(...values),
                cpu_median: median(cpu[name]) };
console.log(JSON.stringify(out));
