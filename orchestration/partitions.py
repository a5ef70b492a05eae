"""Year partitions, defined once: the landing manifest adds every report year it finds."""

from dagster import DynamicPartitionsDefinition

YEAR_PARTITIONS = DynamicPartitionsDefinition(name="report_year")
