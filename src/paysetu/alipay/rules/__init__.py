"""Pure rules: values and decisions with no I/O, no clock, no environment."""
