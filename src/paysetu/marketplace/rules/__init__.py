"""Pure marketplace rules: records, splits, commission, tax withheld, identity numbers."""
