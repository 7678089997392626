#!/usr/bin/env python3
"""Soak load for `serve`: keep-alive HTTP/1.1 clients mixing reads and writes for a while,
reporting every interval the requests, errors, p99 latency, the server's resident memory and
the database's size on disk. Standard library only.

    soak.py --url http://127.0.0.1:PORT --token TOKEN --pid PID --database FILE
            [--seconds 180] [--interval 10] [--connections 16]
"""
import argparse
import asyncio
import json
import os
import random
import time


def resident_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def database_bytes(path):
    return sum(os.path.getsize(p) for p in (path, path + "-wal", path + "-shm") if os.path.exists(p))


class Stats:
    def __init__(self):
        self.requests = 0
        self.errors = 0
        self.latencies = []


async def client(host, port, token, stats, deadline, ids, writes):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.monotonic() < deadline:
            roll = random.random()
            body = b""
            reads = 1.0 - writes  # 70:15 list:get among reads, 2:1 create:test among writes
            if roll < reads * 0.82 or (roll < reads and not ids):
                method, path = "GET", "/configs/webhook?limit=10"
            elif roll < reads:
                method, path = "GET", "/configs/webhook/" + random.choice(ids)
            elif roll < reads + writes * 2 / 3 or not ids:
                method, path = "POST", "/configs/webhook"
                body = json.dumps({"url": "http://127.0.0.1:9/soak/%d" % random.randrange(10**9)}).encode()
            elif ids:
                method, path = "POST", "/configs/webhook/%s/test" % random.choice(ids)
                body = b"null"
            else:
                continue
            head = (f"{method} {path} HTTP/1.1\r\nHost: soak\r\nAuthorization: Token {token}\r\n"
                    f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
            started = time.monotonic()
            writer.write(head.encode() + body)
            status_line = await reader.readline()
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            payload = await reader.readexactly(length) if length else b""
            stats.latencies.append(time.monotonic() - started)
            stats.requests += 1
            status = int(status_line.split()[1]) if status_line else 0
            if not 200 <= status < 300:
                stats.errors += 1
            elif method == "POST" and path == "/configs/webhook" and len(ids) < 5000:
                ids.append(json.loads(payload)["id"])
    except (ConnectionError, asyncio.IncompleteReadError, ValueError):
        stats.errors += 1
    finally:
        writer.close()


def p99(values):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--seconds", type=int, default=180)
    parser.add_argument("--interval", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--writes", type=float, default=15,
                        help="percent of requests that write (creates and tests)")
    args = parser.parse_args()
    host, port = args.url.split("//")[1].split(":")
    port = int(port.rstrip("/"))

    total = Stats()
    ids = []
    if args.writes == 0:  # a few configs to read
        await asyncio.gather(*(client(host, port, args.token, Stats(), time.monotonic() + 1, ids,
                                      1.0) for _ in range(2)))
    start = time.monotonic()
    print(f"{'t (s)':>6} {'requests':>9} {'req/s':>7} {'errors':>7} {'p99 ms':>7} "
          f"{'RSS MiB':>8} {'DB MiB':>7}")
    print(f"{0:>6} {0:>9} {0:>7} {0:>7} {0:>7} {resident_kib(args.pid) / 1024:>8.1f} "
          f"{database_bytes(args.database) / 2**20:>7.1f}")
    elapsed = 0
    while elapsed < args.seconds:
        stats = Stats()
        deadline = time.monotonic() + args.interval
        await asyncio.gather(*(client(host, port, args.token, stats, deadline, ids,
                                      args.writes / 100)
                               for _ in range(args.connections)))
        elapsed = round(time.monotonic() - start)
        total.requests += stats.requests
        total.errors += stats.errors
        total.latencies += stats.latencies
        print(f"{elapsed:>6} {stats.requests:>9} {stats.requests / args.interval:>7.0f} "
              f"{stats.errors:>7} {p99(stats.latencies) * 1000:>7.1f} "
              f"{resident_kib(args.pid) / 1024:>8.1f} {database_bytes(args.database) / 2**20:>7.1f}",
              flush=True)
    print(f"total: {total.requests} requests, {total.errors} errors, "
          f"p99 {p99(total.latencies) * 1000:.1f} ms, "
          f"{total.requests / max(1, elapsed):.0f} req/s over {elapsed} s")


asyncio.run(main())
