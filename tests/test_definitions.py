"""The Dagster definitions load, and their asset keys, groups, jobs and checks stay as intended."""

from dagster import AssetKey

from orchestration.definitions import defs
from orchestration.partitions import YEAR_PARTITIONS

EXPECTED_GROUPS = {
    "raw": {"landing_manifest", "raw_reports", "raw_findings"},
    "staging": {"normalised_reports", "normalised_findings"},
    "sections": {"report_sections", "sections_findings"},
    "typed": {"request_handling_cells", "active_disclosure_cells", "review_litigation_cells", "typed_findings"},
    "marts": {"marts/dim_report", "marts/fact_request_handling", "marts/fact_active_disclosure",
              "marts/fact_review_litigation", "marts/report_sections", "marts/dq_findings", "marts/unassigned_findings",
              "marts/dim_applicant_type", "marts/dim_request_outcome", "marts/dim_disclosure_item",
              "marts/dim_disclosure_metric", "marts/dim_review_litigation", "marts/cross_year_continuity"},
}
UNPARTITIONED = {"landing_manifest", "marts/unassigned_findings", "marts/dim_applicant_type", "marts/dim_request_outcome",
                 "marts/dim_disclosure_item", "marts/dim_disclosure_metric", "marts/dim_review_litigation",
                 "marts/cross_year_continuity"}


def _specs():
    graph = defs.resolve_asset_graph()
    return {k.to_user_string(): graph.get(k) for k in graph.get_all_asset_keys()}


def test_asset_keys_and_groups_are_stable():
    groups: dict[str, set[str]] = {}
    for key, node in _specs().items():
        groups.setdefault(node.group_name, set()).add(key)
    assert groups == EXPECTED_GROUPS


def test_every_layer_is_partitioned_by_year_except_the_manifest_and_dimensions():
    for key, node in _specs().items():
        if key in UNPARTITIONED:
            assert node.partitions_def is None, key
        else:
            assert node.partitions_def == YEAR_PARTITIONS, key


def test_every_asset_has_a_description():
    assert all(node.description for node in _specs().values())


def test_jobs():
    assert {j.name for j in defs.resolve_all_job_defs() if not j.name.startswith("__")} == {"intake", "year_pipeline", "continuity"}


def test_contract_checks_are_blocking_on_every_layer():
    graph = defs.resolve_asset_graph()
    checks = {(k.asset_key.to_user_string(), k.name) for k in graph.asset_check_keys}
    for asset in ("landing_manifest", "raw_reports", "normalised_reports", "report_sections", "request_handling_cells",
                  "marts/dim_report", "marts/fact_request_handling", "marts/dq_findings"):
        assert (asset, "pandera_contract") in checks
    assert ("normalised_reports", "gx_normalised_suite") in checks
    assert ("marts/dim_report", "gx_marts_suite") in checks
    for key in graph.asset_check_keys:
        assert graph.get_check_spec(key).blocking, key
