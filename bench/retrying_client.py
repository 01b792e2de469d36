"""A client that never gives up on an answer it has not got: every submission carries an
Idempotency-Key and is retried (on any instance) until it gets a 201 or a refusal.

usage: retrying_client.py PORTS SLUG COUNT THREADS OUT [DEADLINE_SECONDS]
  PORTS  comma-separated ports of Viche instances (requests alternate between them)
  OUT    file receiving one JSON line per acknowledged submission: key, id, region, arrangement
Some acknowledged submissions are sent again on purpose (as a client that lost the answer
would): the service must give back the same id. Prints a summary; exit code 1 on any
contradiction (a retry that got a different id, or a submission never acknowledged).
"""
import http.client
import json
import random
import sys
import threading
import time
import uuid

from submissions import submission

ports = [int(p) for p in sys.argv[1].split(",")]
slug, count, threads, out_path = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
deadline_seconds = float(sys.argv[6]) if len(sys.argv) > 6 else 180
path = f"/api/v1/surveys/{slug}/responses"
lock = threading.Lock()
stats = {"acknowledged": 0, "retries": 0, "resent": 0, "contradictions": 0, "abandoned": 0}
acknowledged = []


def post(port, key, body):
    # Each submission comes from its own client address (believed from a proxy on this machine),
    # so the per-address rate limit does not throttle the run; anonymous idempotency keys are
    # scoped to the survey, so a retry is recognised from any address.
    client = "2001:db8:%s::1" % key[:4]
    conn = http.client.HTTPConnection("localhost", port, timeout=10)
    try:
        conn.request("POST", path, body=body, headers={"Content-Type": "application/json", "Idempotency-Key": key,
                                                         "X-Forwarded-For": client})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def deliver(key, body, first_port):
    """Sends until a definite answer; returns (status, id)."""
    started, attempt = time.time(), 0
    while time.time() - started < deadline_seconds:
        port = ports[(first_port + attempt) % len(ports)]
        attempt += 1
        try:
            status, data = post(port, key, body)
            if status == 201:
                return 201, json.loads(data)["id"]
            if status < 500 and status != 429:
                return status, None
        except (OSError, http.client.HTTPException):
            pass
        with lock:
            stats["retries"] += 1
        time.sleep(0.2)
    return None, None


def worker(index, items):
    rng = random.Random(index)
    for i in range(items):
        key = str(uuid.uuid4())
        sub = submission(rng)
        body = json.dumps(sub)
        status, rid = deliver(key, body, i % len(ports))
        if status != 201:
            with lock:
                stats["abandoned"] += 1
            continue
        if rng.random() < 0.2:  # lost the answer: send again, maybe to the other instance
            again, rid2 = deliver(key, body, (i + 1) % len(ports))
            with lock:
                stats["resent"] += 1
                if again != 201 or rid2 != rid:
                    stats["contradictions"] += 1
        with lock:
            stats["acknowledged"] += 1
            acknowledged.append({"key": key, "id": rid, "region": sub["region"],
                                 "arrangement": sub["answers"]["arrangement"]})


per_thread = [count // threads + (1 if t < count % threads else 0) for t in range(threads)]
pool = [threading.Thread(target=worker, args=(t, n)) for t, n in enumerate(per_thread)]
for t in pool:
    t.start()
for t in pool:
    t.join()
with open(out_path, "w") as out:
    for a in acknowledged:
        out.write(json.dumps(a) + "\n")
print("client: " + ", ".join(f"{k}={v}" for k, v in stats.items()))
sys.exit(1 if stats["contradictions"] or stats["abandoned"] else 0)
