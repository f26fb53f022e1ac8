"""Azure Monitor metrics (Microsoft.Insights/metrics) of online endpoints and deployments,
computed from what really happened: the requests the scoring server served (DIR/requests.jsonl)
and CPU and memory of each deployment's process group, sampled from /proc. Minutes appear only
--metrics-delay-seconds after they end, like Azure Monitor's ingestion delay."""
from __future__ import annotations

import json
import math
import os
import re
import threading
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from .cloud import ArmError
from .common import group_members, iso_minute, parse_duration

AGGREGATIONS = ("average", "minimum", "maximum", "total", "count")
SAMPLE_SECONDS = 5.0
RETENTION_SECONDS = 2 * 86400
# vCPUs and memory (GiB) of the SKU catalogue: utilisation is relative to one instance.
SKU_SIZES = {"Standard_DS1_v2": (1, 3.5), "Standard_DS2_v2": (2, 7), "Standard_DS3_v2": (4, 14),
             "Standard_DS4_v2": (8, 28), "Standard_F2s_v2": (2, 4), "Standard_F4s_v2": (4, 8),
             "Standard_F8s_v2": (8, 16), "Standard_E4s_v3": (4, 32)}
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


def metric(unit: str, label: str, description: str, dimensions: tuple, source: str, arg=None) -> dict:
    return {"unit": unit, "label": label, "description": description, "dimensions": dimensions,
            "source": source, "arg": arg}


LATENCY = "The P{p} request latency aggregated by all request latency values collected over a period of 60 seconds"
ENDPOINT_METRICS = {
    "RequestsPerMinute": metric("Count", "Requests Per Minute", "The number of requests sent to online endpoint "
                                "within a minute", ("deployment", "statusCode", "statusCodeClass", "modelStatusCode"),
                                "requests"),
    "RequestLatency": metric("MilliSeconds", "Request Latency", "The complete interval of time taken for a request "
                             "to be responded", ("deployment",), "latency", None),
    **{f"RequestLatency_P{p}": metric("MilliSeconds", f"Request Latency P{p}", LATENCY.format(p=p),
                                      ("deployment",), "latency", p) for p in (50, 90, 95, 99)},
    "ConnectionsActive": metric("Count", "Active connection count", "The total number of concurrent TCP "
                                "connections active from clients", (), "connections"),
}
DEPLOYMENT_METRICS = {
    "CpuUtilizationPercentage": metric("Percent", "CPU Utilization Percentage", "Percentage of CPU utilization "
                                       "on an instance. Utilization is reported at one minute intervals.",
                                       ("instanceId",), "usage", "cpu"),
    "CpuMemoryUtilizationPercentage": metric("Percent", "CPU Memory Utilization Percentage", "Percentage of memory "
                                             "utilization on an instance. Utilization is reported at one minute "
                                             "intervals.", ("instanceId",), "usage", "memory"),
    "DeploymentCapacity": metric("Count", "Deployment Capacity", "The number of instances in the deployment.",
                                 ("instanceId", "State"), "usage", "capacity"),
    "RequestsPerMinute": metric("Count", "Requests Per Minute", "The number of requests sent to online deployment "
                                "within a minute", ("envoy_response_code",), "requests"),
    **{f"RequestLatency_P{p}": metric("MilliSeconds", f"Request Latency P{p}", LATENCY.format(p=p), (),
                                      "latency", p) for p in (50, 90, 95, 99)},
}
CLAUSE = re.compile(r"^\s*([A-Za-z_]+)\s+(eq|ne)\s+'([^']*)'\s*$", re.IGNORECASE)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    rank = max(0, math.ceil(p / 100 * len(ordered)) - 1)  # nearest rank
    return ordered[rank]


def parse_time(text: str) -> float:
    return datetime.fromisoformat(text.strip().replace("Z", "+00:00")).timestamp()


def parse_filter(text: str | None) -> list[tuple[str, str, list[str]]]:
    """'a eq 'x' and (b eq 'y' or b eq 'z') and c ne '2xx'' -> [(dim, op, values)]."""
    clauses = []
    for part in re.split(r"\s+and\s+", text or "", flags=re.IGNORECASE):
        if not part.strip():
            continue
        alternatives = [CLAUSE.match(a) for a in re.split(r"\s+or\s+", part.strip().strip("()"), flags=re.IGNORECASE)]
        if not all(alternatives) or len({m.group(1).lower() for m in alternatives}) != 1 \
                or len({m.group(2).lower() for m in alternatives}) != 1:
            raise ArmError(400, "BadRequest", f"Invalid $filter clause: {part.strip()}")
        first = alternatives[0]
        clauses.append((first.group(1), first.group(2).lower(), [m.group(3) for m in alternatives]))
    return clauses


class Metrics:
    def __init__(self, fake):
        self.fake = fake
        self.lock = threading.Lock()
        self.usage: dict[tuple[str, str], list[tuple]] = defaultdict(list)  # (endpoint, deployment) -> samples
        self.previous: dict[tuple[str, str], tuple[float, int]] = {}

    # --- sampling of the deployments' processes -------------------------------------------

    def sample_forever(self) -> None:
        while not self.fake.cloud.stopping.wait(SAMPLE_SECONDS):
            self.sample()

    def sample(self) -> None:
        cloud = self.fake.cloud
        with cloud.lock:
            running = [(e.name.lower(), d.name.lower(), d.server.pgid(), d.instance_type, d.capacity, d.state)
                       for e in cloud.endpoints.values() for d in e.deployments.values() if d.server]
        now = time.time()
        for endpoint, deployment, pgid, sku, capacity, state in running:
            if pgid is None:
                continue
            ticks, rss = 0, 0
            for pid in group_members(pgid):
                try:
                    stat = Path(f"/proc/{pid}/stat").read_text()
                except OSError:
                    continue
                fields = stat[stat.rfind(")") + 2:].split()
                ticks += int(fields[11]) + int(fields[12])
                rss += int(fields[21]) * PAGE_BYTES
            key = (endpoint, deployment)
            vcpus, memory = SKU_SIZES.get(sku, (4, 8))
            last = self.previous.get(key)
            self.previous[key] = (now, ticks)
            # CPU needs two readings; memory and capacity are known from the first.
            cpu = None if last is None else min(100.0, max(0.0, (ticks - last[1]) / CLOCK_TICKS / (now - last[0])
                                                                / vcpus * 100))
            with self.lock:
                samples = self.usage[key]
                samples.append((now, cpu, min(100.0, rss / (memory * 2 ** 30) * 100), capacity, state))
                while samples and samples[0][0] < now - RETENTION_SECONDS:
                    samples.pop(0)

    # --- the query -------------------------------------------------------------------------

    def answer(self, handler, rest: list[str]) -> None:
        cloud = self.fake.cloud
        low = [s.lower() for s in rest]
        if len(rest) == 2 and low[0] == "onlineendpoints":
            catalogue, namespace = ENDPOINT_METRICS, "Microsoft.MachineLearningServices/workspaces/onlineEndpoints"
        elif len(rest) == 4 and low[0] == "onlineendpoints" and low[2] == "deployments":
            catalogue = DEPLOYMENT_METRICS
            namespace = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments"
        else:
            raise ArmError(404, "ResourceNotFound", f"Metrics are offered for online endpoints and deployments, "
                                                   f"not for {'/'.join(rest)}.")
        with cloud.lock:
            ep = cloud.require_endpoint(rest[1])
            resource = f"{cloud.ws_id}/onlineEndpoints/{ep.name}"
            if len(rest) == 4:
                dep = ep.deployments.get(low[3])
                if dep is None:
                    raise cloud.not_found(f"onlineEndpoints/{rest[1]}/deployments/{rest[3]}")
                resource += f"/deployments/{dep.name}"
        names = [n.strip() for n in (handler.param("metricnames") or next(iter(catalogue))).split(",") if n.strip()]
        resolved = []
        for name in names:
            match = next((m for m in catalogue if m.lower() == name.lower()), None)
            if match is None:
                raise ArmError(400, "BadRequest", f"Failed to find metric configuration for provider: "
                                                  f"Microsoft.MachineLearningServices, resource Type: "
                                                  f"{namespace.split('/', 1)[1]}, metric: {name}, Valid metrics: "
                                                  f"{','.join(catalogue)}")
            resolved.append(match)
        start, end, timespan = self.timespan(handler.param("timespan"))
        interval = handler.param("interval") or "PT1M"
        grain = parse_duration(interval)
        if grain is None or grain < 60 or grain % 60:
            raise ArmError(400, "BadRequest", f"Invalid interval {interval}: use a whole number of minutes "
                                              "such as PT1M, PT5M or PT1H.")
        aggregations = [a.strip().lower() for a in (handler.param("aggregation") or "average").split(",") if a.strip()]
        if not set(aggregations) <= set(AGGREGATIONS):
            raise ArmError(400, "BadRequest", f"Invalid aggregation {handler.param('aggregation')}: use "
                                              "Average, Minimum, Maximum, Total or Count.")
        clauses = parse_filter(handler.param("$filter"))
        top = int(handler.param("top") or 10)
        ready = time.time() - self.fake.config.metrics_delay_seconds  # end of the last ingested minute
        endpoint_name, deployment_name = low[1], (low[3] if len(rest) == 4 else None)
        requests = self.requests(endpoint_name, deployment_name, start, end)
        value = []
        for name in resolved:
            spec = catalogue[name]
            for clause in clauses:
                if clause[0].lower() not in (d.lower() for d in spec["dimensions"]):
                    raise ArmError(400, "BadRequest", f"Metric: {name} does not support requested dimension "
                                                      f"combination: {clause[0]}, supported ones are: "
                                                      f"{','.join(spec['dimensions']) or 'none'}")
            records = self.records(spec, requests, endpoint_name, deployment_name, start, end)
            series = self.series(spec, records, clauses, start, end, grain, ready, aggregations)
            value.append({"id": f"{resource}/providers/Microsoft.Insights/metrics/{name}",
                          "type": "Microsoft.Insights/metrics", "name": {"value": name, "localizedValue": spec["label"]},
                          "displayDescription": spec["description"], "unit": spec["unit"],
                          "timeseries": series[:top] if clauses else series, "errorCode": "Success"})
        handler.send_json(200, {"cost": 0, "timespan": timespan, "interval": interval, "value": value,
                                "namespace": namespace, "resourceregion": self.fake.config.region})

    @staticmethod
    def timespan(text: str | None) -> tuple[float, float, str]:
        if not text:
            end = time.time() // 60 * 60
            start = end - 3600
        else:
            try:
                first, _, second = text.partition("/")
                start = parse_time(first)
                length = parse_duration(second)
                end = start + length if length is not None else parse_time(second)
            except ValueError as error:
                raise ArmError(400, "BadRequest", f"Invalid timespan {text}: use start/end in ISO 8601.") from error
            if end <= start:
                raise ArmError(400, "BadRequest", f"Invalid timespan {text}: the end is not after the start.")
        return start, end, f"{iso_minute(start)}/{iso_minute(end)}"

    def requests(self, endpoint: str, deployment: str | None, start: float, end: float) -> list[dict]:
        rows = []
        try:
            with open(self.fake.config.state_dir / "requests.jsonl", encoding="utf-8") as handle:
                for line in handle:
                    try:
                        row = json.loads(line)
                    except ValueError:
                        continue
                    if row.get("endpoint") != endpoint or not start <= row.get("time", 0) < end:
                        continue
                    if deployment is not None and str(row.get("deployment", "")).lower() != deployment:
                        continue
                    if row.get("mirrored") and deployment is None:
                        continue  # a shadow copy is no request to the endpoint
                    rows.append(row)
        except OSError:
            pass
        return rows

    def records(self, spec: dict, requests: list[dict], endpoint: str, deployment: str | None,
                start: float, end: float) -> list[tuple[float, dict, float]]:
        """(time, dimension values, value) observations of one metric."""
        source = spec["source"]
        if source in ("requests", "latency", "connections"):
            result = []
            for row in requests:
                status = int(row.get("status", 0))
                dims = {"deployment": row.get("deployment", ""), "statusCode": str(status),
                        "statusCodeClass": f"{status // 100}xx", "envoy_response_code": str(status),
                        "modelStatusCode": "" if row.get("modelStatus") is None else str(row["modelStatus"])}
                result.append((row["time"], dims, float(row.get("latencyMs", 0.0))))
            return result
        with self.lock:
            samples = list(self.usage.get((endpoint, deployment), []))
        index = {"cpu": 1, "memory": 2, "capacity": 3}[spec["arg"]]
        return [(s[0], {"instanceId": f"{deployment}-instance-0", "State": s[4]}, float(s[index]))
                for s in samples if start <= s[0] < end and s[index] is not None]

    def series(self, spec: dict, records: list, clauses: list, start: float, end: float, grain: float,
               ready: float, aggregations: list[str]) -> list[dict]:
        canonical = {d.lower(): d for d in spec["dimensions"]}
        split = [canonical[c[0].lower()] for c in clauses]
        kept = []
        for moment, dims, value in records:
            matches = True
            for name, op, values in clauses:
                actual = str(dims.get(canonical[name.lower()], "")).lower()
                hit = any(v == "*" or v.lower() == actual for v in values)
                matches &= hit if op == "eq" else not hit
            if matches:
                kept.append((moment, tuple(dims.get(d, "") for d in split), value))
        groups = defaultdict(list)
        for moment, key, value in kept:
            groups[key].append((moment, value))
        if not split:
            groups.setdefault((), [])
        result = []
        for key in sorted(groups):
            data = self.points(spec, groups[key], start, end, grain, ready, aggregations)
            result.append({"metadatavalues": [{"name": {"value": d.lower(), "localizedValue": d.lower()}, "value": v}
                                              for d, v in zip(split, key)], "data": data})
        return result

    @staticmethod
    def points(spec: dict, observations: list, start: float, end: float, grain: float, ready: float,
               aggregations: list[str]) -> list[dict]:
        source, arg = spec["source"], spec["arg"]
        first = start // 60 * 60
        points = []
        bucket = first
        while bucket < end:
            point = {"timeStamp": iso_minute(bucket)}
            points.append(point)
            if bucket + grain > ready:  # not ingested yet
                bucket += grain
                continue
            inside = [(t, v) for t, v in observations if bucket <= t < bucket + grain]
            if source in ("requests", "connections"):
                # One sample per minute: the minute's count (requests) or mean concurrency (Little's law).
                samples = []
                for minute in range(int(grain // 60)):
                    lo = bucket + minute * 60
                    values = [v for t, v in inside if lo <= t < lo + 60]
                    samples.append(float(len(values)) if source == "requests" else sum(values) / 60000.0)
            elif source == "latency":
                values = [v for _, v in inside]
                samples = [(sum(values) / len(values) if arg is None else percentile(values, arg))] if values else []
            else:
                samples = [v for _, v in inside]
            if samples:
                computed = {"average": sum(samples) / len(samples), "minimum": min(samples),
                            "maximum": max(samples), "total": sum(samples), "count": float(len(samples))}
                point.update({a: computed[a] for a in aggregations})
            bucket += grain
        return points
