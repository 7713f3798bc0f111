"""Time the issue's three CEL expressions in the Python CEL packages, for comparison with
Docket's own CEL benchmark (Benchmarks/Benchmarks/CELBenchmarks) measured in the same run.

  cel-expr-python  Google's C++ CEL through a Python binding
  cel-python       a pure-Python implementation (module `celpy`)

For cel-expr-python the evaluation time includes the binding's call overhead; we measure
that overhead as the time of evaluating the constant `true` and report both the raw time and
the time minus overhead (the C++ evaluator's own cost), as the issue asks.
Run through ./run_peers.sh, which installs the packages into a venv.
"""
import datetime
import json
import sys
import time

EXPRESSIONS = {
    "a_guard": 'plan_ok && kind == "minor" && fee > 0.0',
    "b_exists_100": "items.exists(i, i.price > 100.0)",
    "c_timestamp": 'now - created_at > duration("24h")',
}
NOW = datetime.datetime(2026, 3, 3, 12, 0, tzinfo=datetime.timezone.utc)
CREATED = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.timezone.utc)
ITEMS = [{"name": "item-%d" % i, "price": float(i % 100)} for i in range(100)]
DATA = {"plan_ok": True, "kind": "minor", "fee": 12.5, "items": ITEMS, "now": NOW, "created_at": CREATED}


def best_per_call(fn, min_seconds=0.5, rounds=5):
    """Median over rounds of the mean time per call, in nanoseconds."""
    n = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        dt = time.perf_counter() - t0
        if dt > 0.05:
            break
        n *= 4
    per_round = max(1, int(n * (min_seconds / rounds) / dt))
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(per_round):
            fn()
        samples.append((time.perf_counter() - t0) / per_round * 1e9)
    samples.sort()
    return samples[len(samples) // 2]


def bench_cel_expr_python():
    from cel_expr_python import cel

    variables = {
        "plan_ok": cel.Type.BOOL, "kind": cel.Type.STRING, "fee": cel.Type.DOUBLE,
        "items": cel.Type.List(cel.Type.Map(cel.Type.STRING, cel.Type.DYN)),
        "now": cel.Type.TIMESTAMP, "created_at": cel.Type.TIMESTAMP,
    }
    env = cel.NewEnv(variables=variables)
    activation = env.Activation(DATA)
    trivial = env.compile("true")
    overhead = best_per_call(lambda: trivial.eval(activation))
    out = {"call_overhead_ns": overhead}
    for name, expr in EXPRESSIONS.items():
        compile_ns = best_per_call(lambda: env.compile(expr), min_seconds=0.3)
        program = env.compile(expr)
        result = program.eval(activation).value()
        raw = best_per_call(lambda: program.eval(activation))
        out[name] = {"result": result, "compile_ns": compile_ns, "eval_ns": raw,
                     "eval_minus_overhead_ns": max(0.0, raw - overhead)}
    return out


def bench_cel_python():
    import celpy

    env = celpy.Environment()
    activation = {k: celpy.json_to_cel(v) if not isinstance(v, datetime.datetime)
                  else celpy.celtypes.TimestampType(v) for k, v in DATA.items()}
    out = {}
    for name, expr in EXPRESSIONS.items():
        compile_ns = best_per_call(lambda: env.program(env.compile(expr)), min_seconds=0.3, rounds=3)
        program = env.program(env.compile(expr))
        result = program.evaluate(activation)
        raw = best_per_call(lambda: program.evaluate(activation), min_seconds=0.5, rounds=3)
        out[name] = {"result": bool(result), "compile_ns": compile_ns, "eval_ns": raw}
    return out


def main():
    results = {"python": sys.version.split()[0]}
    for label, fn in (("cel-expr-python", bench_cel_expr_python), ("cel-python", bench_cel_python)):
        try:
            results[label] = fn()
        except Exception as e:  # a missing package is reported, not fatal
            results[label] = {"error": repr(e)}
    json.dump(results, sys.stdout, indent=2, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
