"""Where the service's CPU goes, from async-profiler's collapsed stacks (one line per distinct
stack: "thread;frame;...;frame count", outermost frame first, the thread's name in front).

Prints the time by thread (the I/O event loops, the worker pool, the group committers...) and
by layer: each sample is charged to the innermost frame that belongs to a known layer, so time
spent in the JDK (a HashMap, a String) counts for whoever called it.
"""
import collections
import re
import sys

LAYERS = [
    ("JSON (Jackson)", ("com/fasterxml/jackson",)),
    ("JDBC driver and pool", ("org/postgresql", "io/agroal")),
    ("Qute templates", ("io/quarkus/qute",)),
    ("bean validation", ("org/hibernate/validator", "io/quarkus/hibernate/validator")),
    ("transactions (JTA)", ("io/quarkus/narayana", "com/arjuna")),
    ("security and CSRF", ("io/quarkus/security", "io/quarkus/vertx/http/runtime/security", "io/quarkus/csrf")),
    ("REST layer (RESTEasy Reactive)", ("org/jboss/resteasy", "io/quarkus/resteasy")),
    ("reactive and CDI plumbing", ("io/smallrye/mutiny", "io/smallrye/context", "io/quarkus/arc")),
    ("Viche's own code", ("org/viche",)),
    ("HTTP server and sockets (Vert.x, Netty, NIO)", ("io/vertx", "io/netty", "sun/nio", "io/quarkus/vertx")),
]
SERVICE_THREADS = ("executor-thread", "vert.x-eventloop", "viche-commit")


def layer(frames):
    for frame in reversed(frames):
        for name, prefixes in LAYERS:
            if frame.startswith(prefixes):
                return name
    return "JVM, JDK and kernel, not under any of these"


def main(path):
    by_thread, by_layer, viche = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for line in open(path):
        stack, count = line.rstrip().rsplit(" ", 1)
        frames = stack.split(";")
        count = int(count)
        name = frames[0].strip("[]").split(" tid=")[0]
        thread = re.sub(r"-\d+$", "-N", name)
        by_thread[thread] += count
        if not name.startswith(SERVICE_THREADS):
            continue
        total += count
        by_layer[layer(frames[1:])] += count
        own = [f for f in frames[1:] if f.startswith("org/viche")]
        if own:
            viche[own[-1].split("(")[0]] += count
    all_samples = sum(by_thread.values())
    print(f"{all_samples} samples of 1 ms CPU; by thread:")
    for name, n in by_thread.most_common(8):
        print(f"  {100 * n / all_samples:5.1f}%  {name}")
    print("the request and commit threads' time by layer:")
    for name, n in by_layer.most_common():
        print(f"  {100 * n / total:5.1f}%  {name}")
    print("innermost Viche method on the stack (inclusive of what it calls):")
    for name, n in viche.most_common(10):
        print(f"  {100 * n / total:5.1f}%  {name.replace('/', '.')}")


if __name__ == "__main__":
    main(sys.argv[1])
