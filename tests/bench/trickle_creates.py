#!/usr/bin/env python3
"""Creates webhook configs at a steady rate (default 50 a second) until killed: the "other
process writing to the same database" of the benchmark. Standard library only."""

import argparse
import http.client
import json
import time
import urllib.parse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True, help="http://127.0.0.1:<port>")
    parser.add_argument("--token", default="")
    parser.add_argument("--hook", required=True, help="the configs' URL")
    parser.add_argument("--rate", type=float, default=50.0)
    args = parser.parse_args()

    base = urllib.parse.urlparse(args.base)
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
    headers = {"Content-Type": "application/json"}
    if args.token:
        headers["Authorization"] = "Token " + args.token
    body = json.dumps({"url": args.hook + "/trickle"}).encode()
    interval = 1.0 / args.rate
    next_at = time.monotonic()
    while True:
        conn.request("POST", "/configs/webhook", body=body, headers=headers)
        conn.getresponse().read()
        next_at += interval
        pause = next_at - time.monotonic()
        if pause > 0:
            time.sleep(pause)


if __name__ == "__main__":
    main()
