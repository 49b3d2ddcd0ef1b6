"""Pure-Python core: models, decoding, parsing and analysis; no Qt and no SQL."""
