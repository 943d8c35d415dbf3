#!/usr/bin/env python3
"""Writes a .tc circuit of N threshold gates (docs/circuit-format.md) with fmul's words at p = 4
(x, y, z: 10-bit floats), to check that large files load fast and that too large ones fail with
one error line:  python3 scripts/gen-big-circuit.py 1000000 > big.tc
                 verify --component fmul --p 4 --circuit big.tc --stats-only"""
import sys

n = int(sys.argv[1])
out = sys.stdout
out.write("input x 10 float 4 5\ninput y 10 float 4 5\n")
inputs = [f"x[{i}]" for i in range(10)] + [f"y[{i}]" for i in range(10)]
for i in range(n):
    a = f"g{i - 1}" if i >= 1 else inputs[0]
    b = f"g{i // 2}" if i >= 2 else inputs[1]
    c = inputs[i % 20]
    out.write(f"g{i} = {i % 5 + 1}*{a} + 2*!{b} + {c} >= {i % 3 + 2}\n")
out.write("output z 10 float 4 5 = " + " ".join(f"g{n - 1 - k}" for k in range(10)) + "\n")
