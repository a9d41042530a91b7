"""The Python peers of the loop-core JMH benchmarks, for ratios measured in the same session.

Runs the operations of YieldNowBenchmark, FutureHandOffBenchmark and SpawnAwaitBenchmark on
asyncio and, when installed, uvloop, and prints nanoseconds per operation: the best of REPEATS
batches plus one (the best favours the peer, against JMH's averages).

Usage: /usr/bin/python3 asyncigo.bench/peers/asyncio_core.py (Debian's Python, which has the
python3-uvloop package)
"""
import asyncio
import time

OPS = 100_000
REPEATS = 5
BATCH = 1_000


async def yield_one_task():
    for _ in range(OPS):
        await asyncio.sleep(0)


async def yield_two_tasks():
    async def yielder():
        for _ in range(OPS // 2):
            await asyncio.sleep(0)

    other = asyncio.ensure_future(yielder())
    await yielder()
    await other


async def future_ping_pong():
    loop = asyncio.get_running_loop()
    rally = {"ping": loop.create_future(), "pong": None}

    async def ponger():
        for _ in range(OPS // 2):
            await rally["ping"]
            rally["ping"] = loop.create_future()
            rally["pong"].set_result(None)

    task = asyncio.ensure_future(ponger())
    for _ in range(OPS // 2):
        rally["pong"] = loop.create_future()
        rally["ping"].set_result(None)
        await rally["pong"]
    await task


async def trivial():
    return 1


async def spawn_then_await():
    for _ in range(OPS // 10):
        await asyncio.ensure_future(trivial())


async def gather_batch():
    for _ in range(OPS // 10 // BATCH):
        await asyncio.gather(*[asyncio.ensure_future(trivial()) for _ in range(BATCH)])


CASES = [
    ("yieldNow one task", yield_one_task, OPS),
    ("yieldNow two tasks", yield_two_tasks, OPS),
    ("future ping-pong hand-off", future_ping_pong, OPS),
    ("spawn then await", spawn_then_await, OPS // 10),
    ("spawn batch + gather", gather_batch, OPS // 10),
]


def measure(new_loop):
    for name, case, ops in CASES:
        best = None
        for _ in range(REPEATS + 1):
            loop = new_loop()
            start = time.perf_counter_ns()
            loop.run_until_complete(case())
            elapsed = time.perf_counter_ns() - start
            loop.close()
            best = elapsed if best is None else min(best, elapsed)
        print(f"  {name:28s} {best / ops:8.0f} ns/op")


print("asyncio")
measure(asyncio.new_event_loop)
try:
    import uvloop
except ImportError:
    print("uvloop: not installed")
else:
    print("uvloop", uvloop.__version__)
    measure(uvloop.new_event_loop)
