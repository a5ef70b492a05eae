"""Contracts: pandera models and great-expectations suites, no Dagster import."""
