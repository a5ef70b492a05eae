"""Three jobs: `intake` (manifest, code dimensions, year-less findings), `year_pipeline` (one year),
and `continuity` (cross-year checks once the years are written).

With shards (GONGKAI_SHARDS > 1, orchestration/partitions.py) one job cannot hold a year: its layers
have two partitionings. `year_pipeline` is then three jobs, which `gongkai run` runs in turn for each
year: `year_plan` (report_shards[year]), `shard_pipeline` (raw → typed of one year × shard partition,
once per shard) and `marts_pipeline` (the year's marts, reading every shard). In the UI, backfill the year
partitions of the assets (`YEAR`): the backfill runs the plan, every shard, then the marts.
"""

from dagster import AssetKey, AssetSelection, define_asset_job

from orchestration.partitions import SHARDED, YEAR_PARTITIONS

INTAKE = AssetSelection.assets("landing_manifest", AssetKey(["marts", "unassigned_findings"])) | AssetSelection.assets(
    *[AssetKey(["marts", t]) for t in ("dim_applicant_type", "dim_request_outcome", "dim_disclosure_item",
                                       "dim_disclosure_metric", "dim_review_litigation")]
)
CONTINUITY = AssetSelection.assets(AssetKey(["marts", "cross_year_continuity"]))
YEAR = AssetSelection.groups("raw", "staging", "sections", "typed", "marts") - INTAKE - CONTINUITY

intake_job = define_asset_job("intake", selection=INTAKE, description="Scan the input folder and add its years as partitions.")
continuity_job = define_asset_job("continuity", selection=CONTINUITY,
                                  description="Cross-year continuity over every year in the warehouse (run after a backfill).")
if not SHARDED:
    year_job = define_asset_job("year_pipeline", selection=YEAR, partitions_def=YEAR_PARTITIONS,
                                description="All layers for one report year: raw → normalised → sections → typed → marts.")
    JOBS = [intake_job, year_job, continuity_job]
    YEAR_JOBS = ("year_pipeline",)
else:
    PLAN = AssetSelection.assets("report_shards")
    MARTS = AssetSelection.groups("marts") - INTAKE - CONTINUITY
    SHARD_LAYERS = YEAR - PLAN - MARTS
    plan_job = define_asset_job("year_plan", selection=PLAN,
                                description="Assign each file of one report year to its shard (a hash of its path).")
    shard_job = define_asset_job("shard_pipeline", selection=SHARD_LAYERS,
                                 description="The per-report layers of one year × shard: raw → normalised → sections → typed.")
    marts_job = define_asset_job("marts_pipeline", selection=MARTS,
                                 description="The marts of one report year, from every shard of the year.")
    JOBS = [intake_job, plan_job, shard_job, marts_job, continuity_job]
    YEAR_JOBS = ("year_plan", "shard_pipeline", "marts_pipeline")
