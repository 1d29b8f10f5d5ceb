"""The shared kernel: money, ids, clock, the error base, invariants; pure and tiny."""
