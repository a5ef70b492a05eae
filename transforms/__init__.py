"""Pure transforms for gongkai: no Dagster imports here, only strings and polars frames."""
