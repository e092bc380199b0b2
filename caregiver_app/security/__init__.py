"""The vault's data key and the slots that wrap it (passphrase, recovery code, OS keyring).

This package is the only place that imports ``keyring``.
"""
