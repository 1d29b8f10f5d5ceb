"""Cryptography adapters: keys and signatures, always through the maintained ``cryptography``."""
