#!/usr/bin/env python3
"""Turns the raw figures bench/run.sh collected (one directory) into bench/results/<time>.md, with the issue 8
targets and each figure's ratio to its target. Usage: bench/report.py RAW_DIR OUT.md"""
import collections
import gzip
import json
import os
import re
import sys

raw, out = sys.argv[1], sys.argv[2]


def read(name, default=None):
    path = os.path.join(raw, name)
    if not os.path.exists(path):
        return default
    with open(path) as f:
        return f.read().strip()


def run(label):
    text = read(label + ".json")
    return json.loads(text) if text else None


def samples(name):
    text = read(name)
    if not text:
        return []
    lines = text.splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, map(int, line.split("\t")))) for line in lines[1:] if line.count("\t") == len(head) - 1]


machine = dict(line.split("=", 1) for line in read("machine.txt", "").splitlines() if "=" in line)
mode = read("mode", "?")
octokit, noop = run("octokit-ceiling"), run("noop-ceiling")
steady, ceiling, soak = run("intake-steady"), run("intake-ceiling"), run("intake-soak")
pgbench_text = read("pgbench.txt", "")
tps_match = re.search(r"tps = ([\d.]+) \(without initial connection time\)", pgbench_text)
pg_tps = float(tps_match.group(1)) if tps_match else None
pg_latency = re.search(r"latency average = ([\d.]+) ms", pgbench_text)
pg_clients = re.search(r"number of clients: (\d+)", pgbench_text)
steady_samples, soak_samples = samples("steady-samples.tsv"), samples("soak-samples.tsv")

lines = []
w = lines.append
w(f"# Intake benchmark, {os.path.basename(out)[:-3]} ({mode} mode)")
w("")
w("Produced by `bench/run.sh" + (" --quick" if mode == "quick" else "") + "`; raw figures in "
  f"[{os.path.basename(raw)}]({os.path.basename(raw)}/). Every HTTP figure comes from the same open-model generator "
  "(fixed arrival rate, latency from each request's due time, "
  f"{(steady or ceiling or {}).get('connections', '?')} keep-alive connections, the same signed "
  f"{(steady or ceiling or {}).get('bodyBytes', '?')}-byte GitHub `issue_comment` body), running on the same "
  "machine as the servers it measures.")
w("")
w("## Machine")
w("")
w(f"- {machine.get('cores')} cores ({machine.get('cpu')}), {machine.get('ram')} RAM, Linux {machine.get('kernel')}")
w(f"- {machine.get('java')}; Payara Server {machine.get('payara')}; PostgreSQL {machine.get('postgresql')}; "
  f"Node {machine.get('node')} with @octokit/webhooks {machine.get('octokit')}; {machine.get('pgbench')}")
w(f"- Switchboard commit {machine.get('commit')}; load average before {machine.get('load_before')}, "
  f"after {machine.get('load_after')} (other engineers share the machine)")
w("")


def ms(value):
    return "–" if value is None else f"{value:,.1f}" if value >= 10 else f"{value:.2f}"


w("## Runs")
w("")
w("| run | offered | acknowledged 2xx/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors | not sent | in the DB afterwards |")
w("|---|---|---|---|---|---|---|---|---|---|---|")
for label, r in [("octokit receiver (Node, no persistence)", octokit), ("no-op JAX-RS on Payara", noop),
                 ("Switchboard intake, steady", steady), ("Switchboard intake, soak", soak),
                 ("Switchboard intake, ceiling", ceiling)]:
    if not r:
        continue
    key = {"Switchboard intake, steady": "intake-steady", "Switchboard intake, soak": "intake-soak",
           "Switchboard intake, ceiling": "intake-ceiling"}.get(label)
    db = read(key + ".statuses", "") if key else ""
    lat = r["latencyMs"]
    took_all = r["okPerS"] >= 0.98 * r["targetRate"] and r["notSent"] == 0
    w(f"| {label} | {r['targetRate']:,}/s × {r['due'] // r['targetRate']} s | **{r['okPerS']:,.0f}**{' (all offered)' if took_all else ''} ({r['ok2xx']:,}) | "
      f"{ms(lat['p50'])} | {ms(lat['p90'])} | {ms(lat['p99'])} | {ms(lat['p999'])} | {ms(lat['max'])} | "
      f"{r['errors']:,} | {r['notSent']:,} | {db or '–'} |")
if pg_tps is not None:
    w(f"| pgbench: single-row insert of a delivery row ({read('row-bytes', '?')} bytes), {pg_clients.group(1) if pg_clients else '?'} clients | as fast as it goes | **{pg_tps:,.0f}** commits/s | "
      f"avg {pg_latency.group(1) if pg_latency else '?'} | | | | | | | |")
w("")
w("`acknowledged 2xx/s` counts successful answers over the time from the first due time to the last answer; "
  "`not sent` are requests still waiting for a free connection 10 s after the last one was due (the server "
  "had fallen that far behind). A run whose offered rate is above what the receiver takes measures its ceiling; "
  "its latencies are then queueing in front of a saturated server, not service times. A ceiling run marked "
  "`all offered` took everything: its real ceiling is at least that (the generator shares the machine).")
w("")

w("## Against the targets (issue 8)")
w("")
w("| target | measured | ratio to target | met? |")
w("|---|---|---|---|")


def row(target, measured, ratio, met):
    w(f"| {target} | {measured} | {ratio} | {'**yes**' if met else 'no'} |")


intake_rate = ceiling["okPerS"] if ceiling else None
if intake_rate is not None:
    row("intake ≥ 2,000 deliveries/s acknowledged 202 after commit", f"{intake_rate:,.0f}/s",
        f"{intake_rate / 2000:.3g}×", intake_rate >= 2000)
if steady:
    p99 = steady["latencyMs"]["p99"]
    kept = steady["okPerS"] >= 0.98 * steady["targetRate"] and steady["notSent"] == 0
    row(f"p99 ack latency ≤ 25 ms at a steady 500/s ({steady['due'] // steady['targetRate']} s)",
        f"p99 {ms(p99)} ms at {steady['okPerS']:,.0f}/s acknowledged",
        f"{25 / p99:.3g}× (25 ms / p99)" if p99 else "–", p99 <= 25 and kept)
if intake_rate is not None and pg_tps:
    row("≥ 70 % of pgbench's single-row insert commits at the same concurrency",
        f"{intake_rate:,.0f} / {pg_tps:,.0f} = {100 * intake_rate / pg_tps:.1f} %",
        f"{intake_rate / pg_tps / 0.7:.3g}×", intake_rate >= 0.7 * pg_tps)
if pg_tps is None:
    w("| ≥ 70 % of pgbench's single-row insert commits at the same concurrency | not measured in this run | – | – |")
if intake_rate is not None and octokit:
    row("≥ the octokit receiver's rate, same machine, same run",
        f"{intake_rate:,.0f} / {octokit['okPerS']:,.0f} = {100 * intake_rate / octokit['okPerS']:.1f} %",
        f"{intake_rate / octokit['okPerS']:.3g}×" + (" at most (octokit took all offered)"
            if octokit["okPerS"] >= 0.98 * octokit["targetRate"] else ""), intake_rate >= octokit["okPerS"])
if steady_samples:
    sending = steady["due"] / steady["targetRate"] if steady else 1e9
    during = [s for s in steady_samples if s["t_s"] <= sending]
    first, last = during[0], during[-1]
    grown = last["waiting"] - first["waiting"]
    kept = steady and steady["okPerS"] >= 0.98 * steady["targetRate"]
    row(f"processing keeps pace: at 500/s for 5 minutes the queue does not grow (this run: {last['t_s']} s)",
        f"deliveries waiting: {first['waiting']:,} at {first['t_s']} s → {last['waiting']:,} at {last['t_s']} s"
        + ("" if kept else f"; but intake itself took only {steady['okPerS']:,.0f}/s"),
        f"+{grown / max(1, last['t_s'] - first['t_s']):.1f} waiting/s",
        grown <= steady["targetRate"] if kept else False)
    rss = max(s["rss_mib"] for s in steady_samples + soak_samples)
    row("server RSS ≤ 1 GiB under that load", f"max {rss:,} MiB", f"{1024 / rss:.2f}× (1 GiB / max)", rss <= 1024)
oom = int(read("server-oom-count", "0") or 0)
if soak_samples:
    a, b = soak_samples[0]["rss_mib"], soak_samples[-1]["rss_mib"]
    row(f"no RSS growth over a 10-minute soak at 500/s ({soak_samples[-1]['t_s']} s)",
        f"{a:,} MiB → {b:,} MiB" + (f"; but the server logged {oom} `OutOfMemoryError: Java heap space` (RSS is "
                                     "bounded by the heap limit, the heap itself ran out)" if oom else ""),
        f"{b - a:+,} MiB", b - a <= 0.05 * a and not oom)
else:
    w("| no RSS growth over a 10-minute soak | not run in quick mode | – | – |")
if noop and intake_rate is not None:
    w("")
    w(f"For scale: the no-op JAX-RS endpoint on the same Payara took {noop['okPerS']:,.0f}/s, so Switchboard's "
      f"intake runs at {100 * intake_rate / noop['okPerS']:.1f} % of the server's own ceiling.")
w("")

for title, rows, every in [("Steady run: queue depth and server RSS", steady_samples, 1),
                           ("Soak: queue depth and server RSS", soak_samples, 1)]:
    if not rows:
        continue
    step = max(1, len(rows) // 20)
    w(f"### {title}")
    w("")
    w("| t (s) | waiting (QUEUED/PROCESSING/FAILED) | PROCESSED or IGNORED | other | RSS MiB |")
    w("|---|---|---|---|---|")
    for s in rows[::step] + ([rows[-1]] if (len(rows) - 1) % step else []):
        w(f"| {s['t_s']} | {s['waiting']:,} | {s['processed_or_ignored']:,} | {s['other']:,} | {s['rss_mib']:,} |")
    w("")

profile = os.path.join(raw, "steady-samples.txt.gz")
if os.path.exists(profile):
    top, inclusive, threads = collections.Counter(), collections.Counter(), collections.Counter()
    calls = collections.Counter()
    total = 0
    thread, frames, in_stack = None, [], False
    with gzip.open(profile, "rt", errors="replace") as f:
        for line in f:
            s = line.strip()
            if s.startswith("sampledThread"):
                thread = re.sub(r"\d+", "N", s.split('"')[1]) if '"' in s else s
            elif s.startswith("stackTrace = ["):
                in_stack, frames = True, []
            elif in_stack and s == "]":
                in_stack = False
                if frames:
                    total += 1
                    top[frames[0]] += 1
                    threads[thread] += 1
                    for fr in set(frames):
                        inclusive[fr] += 1
                    own = [k for k, fr in enumerate(frames) if fr.startswith("dev.switchboard")
                           and "$Proxy$" not in fr and "__EJB31_Generated__" not in fr]
                    if own:
                        k = own[0]
                        calls[(frames[k], frames[k - 1] if k > 0 else "(itself)")] += 1
            elif in_stack and s and s != "...":
                frames.append(re.sub(r"\s+line:.*$", "", s))
    if total:
        w("## Profile of the steady run (JFR execution samples, top frames)")
        w("")
        w(f"{total:,} samples of running Java threads in the server during the steady run.")
        w("")
        w("| threads | share |")
        w("|---|---|")
        for name, n in threads.most_common(8):
            w(f"| `{name}` | {100 * n / total:.1f} % |")
        w("")
        w("| top (self) frame | share |")
        w("|---|---|")
        for name, n in top.most_common(15):
            w(f"| `{name}` | {100 * n / total:.1f} % |")
        w("")
        w("| Switchboard method on the stack (inclusive) | share |")
        w("|---|---|")
        for name, n in [(k, v) for k, v in inclusive.most_common() if k.startswith("dev.switchboard")][:15]:
            w(f"| `{name}` | {100 * n / total:.1f} % |")
        w("")

        w("| innermost Switchboard method | what it was running | share |")
        w("|---|---|---|")
        for (mine, callee), n in calls.most_common(15):
            w(f"| `{mine}` | `{callee}` | {100 * n / total:.1f} % |")
        w("")

with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
print("\n".join(lines))
