"""The warehouse vocabulary: stable English codes and their Chinese labels, in template order.

This is the one place where Chinese labels live next to their codes (see CONTRACT.md).
Matching aliases (OCR variants, older wording) live in the table parsers that use them.
"""

from __future__ import annotations

APPLICANT_TYPES: list[tuple[str, str]] = [
    ("natural_person", "自然人"),
    ("commercial_enterprise", "商业企业"),
    ("research_institution", "科研机构"),
    ("social_welfare_org", "社会公益组织"),
    ("legal_service_org", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
]
APPLICANT_CODES = [c for c, _ in APPLICANT_TYPES]
APPLICANT_PARTS = APPLICANT_CODES[:-1]  # the six columns whose sum is `total`

REQUEST_OUTCOMES: list[tuple[str, str]] = [
    ("new_received", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "二、上年结转政府信息公开申请数量"),
    ("granted", "（一）予以公开"),
    ("partially_granted", "（二）部分公开"),
    ("withheld_state_secret", "（三）不予公开 1.属于国家秘密"),
    ("withheld_prohibited_by_law", "（三）不予公开 2.其他法律行政法规禁止公开"),
    ("withheld_three_safeties", "（三）不予公开 3.危及“三安全一稳定”"),
    ("withheld_third_party", "（三）不予公开 4.保护第三方合法权益"),
    ("withheld_internal_affairs", "（三）不予公开 5.属于三类内部事务信息"),
    ("withheld_process_info", "（三）不予公开 6.属于四类过程性信息"),
    ("withheld_enforcement_file", "（三）不予公开 7.属于行政执法案卷"),
    ("withheld_admin_query", "（三）不予公开 8.属于行政查询事项"),
    ("unavailable_not_held", "（四）无法提供 1.本机关不掌握相关政府信息"),
    ("unavailable_needs_creation", "（四）无法提供 2.没有现成信息需要另行制作"),
    ("unavailable_unclear", "（四）无法提供 3.补正后申请内容仍不明确"),
    ("not_processed_petition", "（五）不予处理 1.信访举报投诉类申请"),
    ("not_processed_duplicate", "（五）不予处理 2.重复申请"),
    ("not_processed_publication", "（五）不予处理 3.要求提供公开出版物"),
    ("not_processed_excessive", "（五）不予处理 4.无正当理由大量反复申请"),
    ("not_processed_confirmation", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息"),
    ("other", "（六）其他处理"),
    ("other_no_correction", "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_unpaid_fee", "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_misc", "（六）其他处理 3.其他"),
    ("total_processed", "（七）总计"),
    ("carried_forward", "四、结转下年度继续办理"),
]
OUTCOME_CODES = [c for c, _ in REQUEST_OUTCOMES]
# Rows whose sum is (七)总计, per template. `other` and its 2021 split are alternatives.
RESULT_ROWS_COMMON = OUTCOME_CODES[2:20]
OTHER_SPLIT = ["other_no_correction", "other_unpaid_fee", "other_misc"]

DISCLOSURE_ITEMS: list[tuple[str, str]] = [
    ("rules", "规章"),
    ("normative_documents", "规范性文件"),
    ("admin_licensing", "行政许可"),
    ("other_admin_services", "其他对外管理服务事项"),
    ("admin_penalty", "行政处罚"),
    ("admin_coercion", "行政强制"),
    ("admin_fees", "行政事业性收费"),
    ("centralized_procurement", "政府集中采购"),
]
DISCLOSURE_ITEM_CODES = [c for c, _ in DISCLOSURE_ITEMS]

DISCLOSURE_METRICS: list[tuple[str, str]] = [
    ("new_made", "本年新制作数量"),
    ("new_published", "本年新公开数量"),
    ("total_published", "对外公开总数量"),
    ("prev_year_items", "上一年项目数量"),
    ("change", "本年增/减"),
    ("decisions", "处理决定数量"),
    ("procurement_items", "采购项目数量"),
    ("procurement_amount_wan_yuan", "采购总金额（万元）"),
    ("issued", "本年制发件数"),
    ("repealed", "本年废止件数"),
    ("in_force", "现行有效件数"),
    ("fee_amount_wan_yuan", "本年收费金额（万元）"),
]
DISCLOSURE_METRIC_CODES = [c for c, _ in DISCLOSURE_METRICS]

REVIEW_CASE_TYPES: list[tuple[str, str]] = [
    ("admin_review", "行政复议"),
    ("litigation_direct", "行政诉讼 未经复议直接起诉"),
    ("litigation_after_review", "行政诉讼 复议后起诉"),
]
REVIEW_RESULTS: list[tuple[str, str]] = [
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
]
CASE_TYPE_CODES = [c for c, _ in REVIEW_CASE_TYPES]
REVIEW_RESULT_CODES = [c for c, _ in REVIEW_RESULTS]

CELL_SOURCES = ["printed", "blank", "derived", "narrative", "missing"]
TEMPLATES = ["2019", "2021", "legacy", "unknown"]
ADMIN_LEVELS = ["province", "prefecture", "county", "township", "department"]
SOURCE_SCRIPTS = ["simplified", "traditional"]
PARSE_STATUSES = ["ok", "partial", "quarantined"]
SEVERITIES = ["error", "warning"]

SECTION_TITLES: dict[int, str] = {
    1: "总体情况",
    2: "主动公开政府信息情况",
    3: "收到和处理政府信息公开申请情况",
    4: "政府信息公开行政复议、行政诉讼情况",
    5: "存在的主要问题及改进情况",
    6: "其他需要报告的事项",
}
