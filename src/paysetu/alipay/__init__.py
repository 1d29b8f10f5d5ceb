"""The Alipay-compatible gateway (``/gateway.do``): apps, signed calls, trades, refunds,
notifications.
"""
