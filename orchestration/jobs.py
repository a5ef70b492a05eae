"""Three jobs: `intake` (manifest, code dimensions, year-less findings), `year_pipeline` (one year),
and `continuity` (cross-year checks once the years are written)."""

from dagster import AssetKey, AssetSelection, define_asset_job

from orchestration.partitions import YEAR_PARTITIONS

INTAKE = AssetSelection.assets("landing_manifest", AssetKey(["marts", "unassigned_findings"])) | AssetSelection.assets(
    *[AssetKey(["marts", t]) for t in ("dim_applicant_type", "dim_request_outcome", "dim_disclosure_item",
                                       "dim_disclosure_metric", "dim_review_litigation")]
)
CONTINUITY = AssetSelection.assets(AssetKey(["marts", "cross_year_continuity"]))
YEAR = AssetSelection.groups("raw", "staging", "sections", "typed", "marts") - INTAKE - CONTINUITY

intake_job = define_asset_job("intake", selection=INTAKE, description="Scan the input folder and add its years as partitions.")
year_job = define_asset_job("year_pipeline", selection=YEAR, partitions_def=YEAR_PARTITIONS,
                            description="All layers for one report year: raw → normalised → sections → typed → marts.")
continuity_job = define_asset_job("continuity", selection=CONTINUITY,
                                  description="Cross-year continuity over every year in the warehouse (run after a backfill).")
JOBS = [intake_job, year_job, continuity_job]
