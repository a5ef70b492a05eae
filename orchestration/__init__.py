"""Orchestration: Dagster assets, checks, jobs and the gongkai CLI (thin adapters over transforms/)."""
