#!/usr/bin/env python3
"""Seeds a running `webhook-admin-cli serve` with N configs through its own API, waits until
their test tasks are done, and writes them (as the API shows them) to a json-server db.json, so
that both sides of the benchmark hold the same 10,000 configs. Standard library only."""

import argparse
import http.client
import json
import sys
import time
import urllib.parse


def request(conn, method, path, token, body=None):
    headers = {"Authorization": "Token " + token}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    payload = response.read()
    if response.status >= 300:
        sys.exit(f"seed: {method} {path} answered {response.status}: {payload[:300]!r}")
    return json.loads(payload)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True, help="http://127.0.0.1:<port> of serve")
    parser.add_argument("--token", required=True)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--hook", required=True, help="receiver URL prefix (a closed port)")
    parser.add_argument("--db-json", required=True, help="json-server database to write")
    args = parser.parse_args()

    base = urllib.parse.urlsplit(args.base)
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=60)

    started = time.monotonic()
    for n in range(args.count):
        request(conn, "POST", "/configs/webhook", args.token, {"url": f"{args.hook}/{n}"})
    print(f"seed: created {args.count} configs in {time.monotonic() - started:.1f} s",
          file=sys.stderr, flush=True)

    # Let every test delivery end (refused at once) so that the benchmark measures the API only.
    for _ in range(600):
        busy = sum(request(conn, "GET", f"/tasks?state={state}&limit=1", args.token)["total_count"]
                   for state in ("pending", "processing"))
        if busy == 0:
            break
        time.sleep(0.5)
    else:
        sys.exit("seed: test tasks still running after 300 s")

    configs = []
    after = None
    while True:
        query = "state=new,valid,invalid,deactivated&limit=1000"
        if after:
            query += "&after_id=" + urllib.parse.quote(after)
        page = request(conn, "GET", "/configs/webhook?" + query, args.token)
        configs.extend(page["data"])
        if not page["has_more"]:
            break
        after = page["data"][-1]["id"]
    if len(configs) != args.count:
        sys.exit(f"seed: expected {args.count} configs, the list has {len(configs)}")
    with open(args.db_json, "w", encoding="utf-8") as out:
        json.dump({"configs": configs}, out)
    print(configs[len(configs) // 2]["id"])


if __name__ == "__main__":
    main()
