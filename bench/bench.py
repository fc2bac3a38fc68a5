#!/usr/bin/env python3
# bench.py: runs Sodo's benchmark and its peers and writes the table (bench/README.md).
#
# Called by bench/run once everything is built and generated:
#   bench.py --build BUILD_DIR --out OUT_DIR [--sizes 1000,10000,...] [--startup-runs N]
#
# Each Sodo size runs in a process of its own (sodo-bench), so that the peak memory of one
# size is not mixed with another's. Times are medians of 5 runs; the
# process's CPU time is shown beside the wall time, because on a shared machine the wall time
# also counts the time other programs had the processor.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import os
import platform
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DOT_TIME_LIMIT = 60.0
STARTUP_TIME_LIMIT = 180.0

# The targets of the benchmark issue.
TARGET_LAYOUT_MS = 100.0
TARGET_LAYOUT_RATIO = 15.0
TARGET_FRAME_MS = 8.0
TARGET_OPEN_100K_MS = 500.0
TARGET_PEAK_MB = 1536.0
TARGET_STARTUP_MS = 300.0


def runs_for(size):
    # 5 at every size: at 1,000,000 units a run now and then pays for memory the machine
    # (a virtual one) hands over slowly, and 3 runs left the median to that luck.
    return 5


def command_output(args):
    try:
        return subprocess.run(args, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def machine_info():
    cpu = "?"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as info:
        ram_kb = int(info.readline().split()[1])
    osname = platform.platform()
    if os.path.exists("/etc/os-release"):
        with open("/etc/os-release", encoding="utf-8") as release:
            for line in release:
                if line.startswith("PRETTY_NAME="):
                    osname = line.split("=", 1)[1].strip().strip('"')
    versions = {name: command_output(["pkg-config", "--modversion", module])
                for name, module in [("GTK", "gtk4"), ("libadwaita", "libadwaita-1"),
                                     ("GLib", "glib-2.0"), ("json-glib", "json-glib-1.0"),
                                     ("cairo", "cairo"), ("Pango", "pango")]}
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": ram_kb / 1024 / 1024,
        "os": osname,
        "kernel": platform.release(),
        "compiler": command_output(["cc", "--version"]).splitlines()[0]
        if shutil.which("cc") else "?",
        "versions": versions,
        "node": command_output(["node", "--version"]),
        "d3": d3_version(),
        "dot": command_output(["dot", "-V"]) or subprocess.run(
            ["dot", "-V"], capture_output=True, text=True, check=False).stderr.strip(),
    }


def d3_version():
    try:
        with open(os.path.join(HERE, "node_modules", "d3-hierarchy", "package.json"),
                  encoding="utf-8") as package:
            return json.load(package)["version"]
    except OSError:
        return "?"


def load_average():
    return os.getloadavg()


def run_json(args, timeout):
    done = subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(args)} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def chart_path(out, size):
    return os.path.join(out, f"orgchart-{size}.json")


def run_sodo(build, out, size):
    exe = os.path.join(build, "bench", "sodo-bench")
    runs = runs_for(size)
    print(f"bench: Sodo, {size} units, {runs} runs", flush=True)
    return run_json([exe, "--runs", str(runs), "--json-glib-runs", "1",
                     chart_path(out, size)], timeout=3600)


def run_d3(out, size):
    runs = runs_for(size)
    print(f"bench: d3-hierarchy, {size} units, {runs} runs", flush=True)
    return run_json(["node", "--max-old-space-size=16384", os.path.join(HERE, "d3-bench.mjs"),
                     "--runs", str(runs), chart_path(out, size)], timeout=3600)


def write_dot(out, size):
    """The chart as a DOT graph: one fixed-size box per unit (a Sodo card, 200 × 60 points),
    one edge per parent link. Labels are left out: dot then only places boxes."""
    path = os.path.join(out, f"orgchart-{size}.dot")
    source = chart_path(out, size)
    if os.path.exists(path) and os.path.getmtime(path) >= os.path.getmtime(source):
        return path
    with open(source, encoding="utf-8") as chart_file:
        units = json.load(chart_file)["units"]
    with open(path + ".tmp", "w", encoding="utf-8") as dot:
        dot.write("digraph orgchart {\n  node [shape=box, fixedsize=true, width=2.78, "
                  "height=0.83, label=\"\"];\n  nodesep=0.28;\n  ranksep=0.67;\n")
        for unit in units:
            dot.write(f'  "{unit["id"]}";\n')
        for unit in units:
            if unit["parent"] is not None:
                dot.write(f'  "{unit["parent"]}" -> "{unit["id"]}";\n')
        dot.write("}\n")
    os.replace(path + ".tmp", path)
    return path


def run_dot(out, size):
    """One run of dot, stopped at the time limit; wall time and peak memory."""
    path = write_dot(out, size)
    print(f"bench: Graphviz dot, {size} units (limit {DOT_TIME_LIMIT:.0f} s)", flush=True)
    start = time.perf_counter()
    process = subprocess.Popen(["dot", "-Tplain", "-o", os.devnull, path],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        elapsed = time.perf_counter() - start
        if pid != 0:
            ok = os.waitstatus_to_exitcode(status) == 0
            return {"ms": elapsed * 1000, "peak_rss_mb": usage.ru_maxrss / 1024,
                    "cpu_ms": (usage.ru_utime + usage.ru_stime) * 1000,
                    "finished": ok, "timed_out": False}
        if elapsed > DOT_TIME_LIMIT:
            process.kill()
            process.wait()
            return {"ms": None, "finished": False, "timed_out": True}
        time.sleep(0.05)


# ---- Start-up, inside Xvfb and a D-Bus session (bench.py --startup-inner) ----

def startup_once(build, home, renderer, chart):
    env = dict(os.environ)
    env.update({
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_DATA_HOME": os.path.join(home, "data"),
        "XDG_CACHE_HOME": os.path.join(home, "cache"),
        "XDG_STATE_HOME": os.path.join(home, "state"),
        "GSETTINGS_BACKEND": "memory",
        "GSETTINGS_SCHEMA_DIR": os.path.join(build, "data"),
        "SODO_QUIT_AFTER_FIRST_FRAME": "1",
        "SODO_PRINT_STARTUP_TIME": "1",
    })
    if renderer:
        env["GSK_RENDERER"] = renderer
    else:
        env.pop("GSK_RENDERER", None)
    args = [os.path.join(build, "src", "sodo")] + ([chart] if chart else [])
    start = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    first_frame = own = None
    while first_frame is None:
        remaining = STARTUP_TIME_LIMIT - (time.perf_counter() - start)
        ready, _, _ = select.select([process.stderr], [], [], max(remaining, 0))
        if not ready:
            process.kill()
            break
        line = process.stderr.readline()
        if not line:
            break
        match = re.search(r"first frame with the chart (-?\d+) ms", line)
        if match:
            first_frame = (time.perf_counter() - start) * 1000
            own = float(match.group(1))
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0
    return first_frame, own, (usage.ru_utime + usage.ru_stime) * 1000


def startup_inner(build, runs, configs):
    results = []
    with tempfile.TemporaryDirectory(prefix="sodo-bench-") as home:
        for name, renderer, chart in configs:
            startup_once(build, home, renderer, chart)   # warm-up: caches, D-Bus services
            times, own, cpu = [], [], []
            for _ in range(runs):
                first_frame, own_ms, cpu_ms = startup_once(build, home, renderer, chart)
                if first_frame is None:
                    break
                times.append(first_frame)
                own.append(own_ms)
                cpu.append(cpu_ms)
            results.append({"name": name, "renderer": renderer or "default", "runs": len(times),
                             "median": statistics.median(times) if times else None,
                             "min": min(times) if times else None,
                             "own_median": statistics.median(own) if own else None,
                             "cpu_median": statistics.median(cpu) if cpu else None})
    print(json.dumps(results))


def run_startup(build, out, runs, sizes):
    configs = [("bundled sample", None, None), ("bundled sample", "cairo", None)]
    for size in (100000, 1000000):
        if size in sizes:
            configs.append((f"{size:,}-unit file", "cairo", chart_path(out, size)))
    print(f"bench: start-up under Xvfb, {runs} runs each", flush=True)
    inner = [sys.executable, os.path.abspath(__file__), "--startup-inner", "--build", build,
             "--startup-runs", str(runs), "--configs", json.dumps(configs)]
    done = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24",
                           "dbus-run-session", "--"] + inner,
                          capture_output=True, text=True, timeout=3600, check=False)
    lines = [l for l in done.stdout.splitlines() if l.startswith("[")]
    if done.returncode != 0 or not lines:
        print(f"bench: start-up run failed:\n{done.stderr[-3000:]}", file=sys.stderr)
        return []
    return json.loads(lines[-1])


# ---- The report ----

def fmt_ms(value):
    if value is None:
        return "–"
    if value >= 10000:
        return f"{value / 1000:.1f} s"
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def stage(result, key, cpu=True):
    entry = result.get(key)
    if entry is None:
        return "–"
    text = fmt_ms(entry["median"])
    if cpu and "cpu_median" in entry:
        text += f" ({fmt_ms(entry['cpu_median'])})"
    return text


def ratio(ours, theirs):
    if not ours or not theirs:
        return "–"
    return f"{theirs / ours:.1f}×"


def verdict(ok):
    return "yes" if ok else "**no**"


def make_report(info, sodo, d3, dot, startup, loads, sizes):
    lines = []
    add = lines.append
    header = "| | " + " | ".join(f"{size:,}" for size in sizes) + " |"
    rule = "|---|" + "---:|" * len(sizes)

    add("## Machine")
    add("")
    add(f"- CPU: {info['cpu']}, {info['cores']} cores; RAM: {info['ram_gb']:.0f} GB")
    add(f"- OS: {info['os']}, Linux {info['kernel']}; compiler: {info['compiler']}")
    add("- " + ", ".join(f"{k} {v}" for k, v in info["versions"].items()))
    add(f"- Peers: Node.js {info['node']} with d3-hierarchy {info['d3']}; {info['dot']}")
    add(f"- Load average (1 min) at the start and the end of the run: {loads[0]:.1f}, "
        f"{loads[1]:.1f}")
    add("")
    add("## Sodo, stage by stage")
    add("")
    add("Milliseconds, median of 5 runs; in brackets the process's CPU "
        "time for the same stage. Each size runs in a process of its own.")
    add("")
    add(header)
    add(rule)
    rows = [
        ("read the file", "read"),
        ("parse + build the model (loader)", "load"),
        ("json-glib tree parse alone (reference, 1 run)", "json_glib_parse"),
        ("measure the cards", "measure"),
        ("layout (scene: layout + overview)", "layout"),
        ("layout alone (sodo_layout_compute)", "layout_only"),
        ("first frame, fitted, 1920×1080", "frame_fit"),
        ("next frames, fitted", "frame_fit_warm"),
        ("first frame at 100 %, busiest place", "frame_100"),
        ("next frames at 100 %", "frame_100_warm"),
        ("**file to first fitted frame**", "file_to_frame"),
        ("PDF, fitted on one A4 page", "pdf_fit"),
        ("PDF, tiled on 4 × 4 A4 sheets", "pdf_tiled"),
    ]
    for label, key in rows:
        add(f"| {label} | " + " | ".join(stage(sodo[size], key) for size in sizes) + " |")
    add("| peak memory (MB, whole process) | " +
        " | ".join(f"{sodo[size]['peak_rss_mb']:.0f}" for size in sizes) + " |")
    add("")
    add("## Peers on the same files")
    add("")
    add("d3-hierarchy `tree()` in Node.js (median, ms; in brackets the CPU time of the Node.js "
        "process, its garbage collector's threads included):")
    add("")
    add(header)
    add(rule)
    for label, key in [("read", "read"), ("JSON.parse", "parse"), ("stratify", "stratify"),
                       ("tree() layout", "layout")]:
        add(f"| {label} | " + " | ".join(stage(d3[size], key) for size in sizes) + " |")
    add("| **parse + stratify + layout** | " + " | ".join(
        f"{fmt_ms(d3_pipeline(d3[size]))} ({fmt_ms(d3_pipeline(d3[size], 'cpu_median'))})"
        for size in sizes) + " |")
    add("| peak memory (MB) | " + " | ".join(f"{d3[size]['peak_rss_mb']:.0f}" for size in sizes)
        + " |")
    add("")
    add(f"Graphviz `dot -Tplain` (one run, stopped after {DOT_TIME_LIMIT:.0f} s):")
    add("")
    add(header)
    add(rule)
    add("| layout | " + " | ".join(
        fmt_ms(dot[size]["ms"]) if dot[size]["finished"]
        else (f"> {DOT_TIME_LIMIT:.0f} s" if dot[size]["timed_out"] else "failed")
        for size in sizes) + " |")
    add("| peak memory (MB) | " + " | ".join(
        f"{dot[size]['peak_rss_mb']:.0f}" if dot[size]["finished"] else "–" for size in sizes) + " |")
    add("")
    add("Ratios (peer's time / Sodo's time; above 1× Sodo is faster):")
    add("")
    add(header)
    add(rule)
    add("| layout alone vs d3 tree() | " + " | ".join(
        ratio(sodo[size]["layout_only"]["median"], d3[size]["layout"]["median"])
        for size in sizes) + " |")
    add("| layout alone vs dot | " + " | ".join(
        ratio(sodo[size]["layout_only"]["median"], dot[size]["ms"]) if dot[size]["finished"]
        else ("> " + ratio(sodo[size]["layout_only"]["median"], DOT_TIME_LIMIT * 1000)
              if dot[size]["timed_out"] else "–") for size in sizes) + " |")
    add("| layout alone vs d3 tree(), CPU time | " + " | ".join(
        ratio(sodo[size]["layout_only"]["cpu_median"], d3[size]["layout"]["cpu_median"])
        for size in sizes) + " |")
    add("| file to first frame vs d3 read + parse + stratify + layout | " + " | ".join(
        ratio(sodo[size]["file_to_frame"]["median"], d3[size]["total"]["median"])
        for size in sizes) + " |")
    add("| the same, CPU time | " + " | ".join(
        ratio(sodo[size]["file_to_frame"]["cpu_median"], d3[size]["total"]["cpu_median"])
        for size in sizes) + " |")
    add("")
    if startup:
        add("## Start-up to the first frame showing the chart (Xvfb, 1920×1080)")
        add("")
        add("From exec until the application reports its first frame with the chart painted "
            "(`SODO_QUIT_AFTER_FIRST_FRAME=1`); one warm-up run, then the median of the runs. "
            "Under Xvfb the default GSK renderer is OpenGL in software (llvmpipe), which a "
            "desktop with a GPU does not pay; the cairo renderer is shown too. The CPU column "
            "is the application's own CPU time until it exits (quitting included).")
        add("")
        add("| what is opened | renderer | runs | median (ms) | fastest (ms) | "
            "CPU of the whole run, median (ms) |")
        add("|---|---|---:|---:|---:|---:|")
        for entry in startup:
            add(f"| {entry['name']} | {entry['renderer']} | {entry['runs']} | "
                f"{fmt_ms(entry['median'])} | {fmt_ms(entry['min'])} | "
                f"{fmt_ms(entry.get('cpu_median'))} |")
        add("")
    add("## Targets")
    add("")
    add("| target | measured (wall; CPU in brackets) | met |")
    add("|---|---|---|")
    big = max(sizes)
    if big >= 1000000:
        layout = sodo[big]["layout_only"]
        add(f"| layout of 1,000,000 units under {TARGET_LAYOUT_MS:.0f} ms | "
            f"{fmt_ms(layout['median'])} ({fmt_ms(layout['cpu_median'])}) | "
            f"{verdict(layout['median'] < TARGET_LAYOUT_MS)} |")
        speedup = d3[big]["layout"]["median"] / layout["median"]
        cpu_speedup = d3[big]["layout"]["cpu_median"] / layout["cpu_median"]
        add(f"| layout of 1,000,000 units ≥ {TARGET_LAYOUT_RATIO:.0f}× faster than d3 | "
            f"{speedup:.1f}× ({cpu_speedup:.1f}×) | {verdict(speedup >= TARGET_LAYOUT_RATIO)} |")
    frames = [(sodo[size][key]["median"], sodo[size][key].get("cpu_median"), size, key)
              for size in sizes for key in ("frame_fit", "frame_100")]
    worst = max(frames)
    add(f"| a first frame under {TARGET_FRAME_MS:.0f} ms at any zoom and size | worst "
        f"{fmt_ms(worst[0])} ({fmt_ms(worst[1])}), {worst[3].replace('_', ' ')} at "
        f"{worst[2]:,} units | {verdict(worst[0] < TARGET_FRAME_MS)} |")
    if 100000 in sizes:
        open_100k = sodo[100000]["file_to_frame"]
        add(f"| 100,000-unit file to fitted first frame under {TARGET_OPEN_100K_MS:.0f} ms | "
            f"{fmt_ms(open_100k['median'])} ({fmt_ms(open_100k['cpu_median'])}) | "
            f"{verdict(open_100k['median'] < TARGET_OPEN_100K_MS)} |")
    if big >= 1000000:
        ours = sodo[big]["file_to_frame"]
        theirs = d3_pipeline(d3[big])
        add(f"| 1,000,000 units: file to first frame faster than d3's parse + stratify + "
            f"layout | {fmt_ms(ours['median'])} ({fmt_ms(ours['cpu_median'])}) vs "
            f"{fmt_ms(theirs)} ({fmt_ms(d3_pipeline(d3[big], 'cpu_median'))}) | "
            f"{verdict(ours['median'] < theirs)} |")
        peak = sodo[big]["peak_rss_mb"]
        add(f"| peak memory at 1,000,000 units under 1.5 GB | {peak:.0f} MB | "
            f"{verdict(peak < TARGET_PEAK_MB)} |")
    for entry in startup:
        if entry["name"] == "bundled sample" and entry["median"] is not None:
            add(f"| start-up to first frame under {TARGET_STARTUP_MS:.0f} ms "
                f"({entry['renderer']} renderer) | {fmt_ms(entry['median'])} "
                f"({fmt_ms(entry.get('cpu_median'))}) | "
                f"{verdict(entry['median'] < TARGET_STARTUP_MS)} |")
    add("")
    return "\n".join(lines)


def d3_pipeline(result, field="median"):
    return sum(result[key][field] for key in ("parse", "stratify", "layout"))


def main():
    parser = argparse.ArgumentParser(description="Runs Sodo's benchmark and its peers.")
    parser.add_argument("--build", required=True)
    parser.add_argument("--out", default=os.path.join(HERE, "out"))
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--startup-runs", type=int, default=7)
    parser.add_argument("--startup-inner", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--configs", help=argparse.SUPPRESS)
    args = parser.parse_args()
    build = os.path.abspath(args.build)

    if args.startup_inner:
        startup_inner(build, args.startup_runs, json.loads(args.configs))
        return

    sizes = [int(size) for size in args.sizes.split(",")]
    load_start = load_average()[0]
    info = machine_info()
    sodo, d3, dot = {}, {}, {}
    for size in sizes:
        sodo[size] = run_sodo(build, args.out, size)
        d3[size] = run_d3(args.out, size)
        dot[size] = run_dot(args.out, size)
    startup = run_startup(build, args.out, args.startup_runs, sizes)
    raw = {"machine": info, "sodo": sodo, "d3": d3, "dot": dot, "startup": startup}
    report = make_report(info, sodo, d3, dot, startup, (load_start, load_average()[0]), sizes)

    with open(os.path.join(args.out, "results.json"), "w", encoding="utf-8") as raw_file:
        json.dump(raw, raw_file, indent=1)
    with open(os.path.join(args.out, "results.md"), "w", encoding="utf-8") as md:
        md.write(f"# Sodo benchmark results, {time.strftime('%Y-%m-%d')}\n\n" + report)
    print()
    print(report)
    print(f"bench: wrote {os.path.join(args.out, 'results.md')}")


if __name__ == "__main__":
    main()
