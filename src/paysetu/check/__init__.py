"""Reliability checks (``paysetu check ...``): rerunnable proofs that no money is lost."""
