"""Times N single submissions against one N-item batch, over one keep-alive connection each.

usage: batch_client.py PORT SLUG TOKEN N ROUNDS
Prints one line per round and a summary with medians and the single/batch ratio.
"""
import http.client
import json
import random
import statistics
import sys
import time
import uuid

from submissions import submission

port, slug, token, n, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
headers = {"Content-Type": "application/json", "Authorization": "Bearer " + token}
rng = random.Random(42)


def post(conn, path, body, extra=None):
    conn.request("POST", path, body=json.dumps(body), headers={**headers, **(extra or {})})
    response = conn.getresponse()
    data = response.read()
    return response.status, data


def singles(conn):
    accepted = 0
    start = time.perf_counter()
    for _ in range(n):
        status, _ = post(conn, f"/api/v1/surveys/{slug}/responses", submission(rng),
                         {"Idempotency-Key": str(uuid.uuid4())})
        accepted += status == 201
    return time.perf_counter() - start, accepted


def batch(conn):
    items = [dict(submission(rng), idempotencyKey=str(uuid.uuid4())) for _ in range(n)]
    start = time.perf_counter()
    status, data = post(conn, f"/api/v1/surveys/{slug}/responses/batch", {"items": items})
    elapsed = time.perf_counter() - start
    accepted = sum(1 for r in json.loads(data)["results"] if r["status"] == 201) if status == 200 else 0
    return elapsed, accepted


conn = http.client.HTTPConnection("localhost", int(port), timeout=120)
singles(conn)  # warm-up: JIT, connection pool, prepared statements
batch(conn)
single_times, batch_times, total = [], [], 0
for r in range(rounds):
    s, a1 = singles(conn)
    b, a2 = batch(conn)
    single_times.append(s)
    batch_times.append(b)
    total += a1 + a2
    print(f"round {r + 1}: {n} single requests {s * 1000:8.0f} ms ({a1} accepted) | "
          f"one batch of {n} {b * 1000:7.0f} ms ({a2} accepted) | ratio {s / b:5.1f}x")
ms, mb = statistics.median(single_times), statistics.median(batch_times)
print(f"median: singles {ms * 1000:.0f} ms ({n / ms:.0f}/s), batch {mb * 1000:.0f} ms ({n / mb:.0f}/s); "
      f"batch is {ms / mb:.1f}x faster")
print(f"accepted in timed rounds: {total}")
