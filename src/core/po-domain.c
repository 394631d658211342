/* po-domain.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "po-domain.h"

/* 规定 二: the nine kinds of administrative power. */
static const PoEnumEntry item_types[] = {
  { "license",        "行政许可",               N_("Administrative licence") },
  { "other-approval", "非行政许可行政审批",     N_("Non-licence approval") },
  { "penalty",        "行政处罚",               N_("Administrative penalty") },
  { "confirmation",   "行政确认",               N_("Administrative confirmation") },
  { "payment",        "行政给付",               N_("Administrative payment") },
  { "adjudication",   "行政裁决",               N_("Administrative adjudication") },
  { "levy",           "行政征收",               N_("Administrative levy") },
  { "coercion",       "行政强制",               N_("Administrative coercion") },
  { "other",          "其他行政执法权力",       N_("Other enforcement power") },
};

static const PoEnumEntry item_statuses[] = {
  { "draft",     "草稿",       N_("Draft") },
  { "in-review", "合法性审核中", N_("Under legality review") },
  { "approved",  "已审核",     N_("Approved") },
  { "published", "已公布",     N_("Published") },
  { "adjusting", "调整审核中", N_("Adjustment under review") },
  { "abolished", "已取消",     N_("Abolished") },
};

static const PoEnumEntry review_kinds[] = {
  { "create",     "新设",         N_("New item") },
  { "modify",     "调整",         N_("Change to an item") },
  { "abolish",    "取消",         N_("Abolition") },
  { "discretion", "裁量基准调整", N_("Discretion benchmark adjustment") },
  { "flowchart",  "流程图调整",   N_("Flowchart adjustment") },
};

static const PoEnumEntry review_states[] = {
  { "open",                  "待审核",     N_("Awaiting review") },
  { "approved",              "审核通过",   N_("Approved") },
  { "approved-with-changes", "修改后通过", N_("Approved with changes") },
  { "returned",              "退回修改",   N_("Returned for revision") },
  { "rejected",              "不予通过",   N_("Rejected") },
  { "withdrawn",             "已撤回",     N_("Withdrawn") },
};

static const PoEnumEntry alert_rules[] = {
  { "late-entry",           "现场执法后逾期录入", N_("Entered late after on-site enforcement") },
  { "late-report",          "数据逾期报送",       N_("Case data reported late") },
  { "overdue-case",         "案件超期未办结",     N_("Case not decided in time") },
  { "overdue-consultation", "咨询逾期未回复",     N_("Consultation not answered in time") },
  { "overdue-complaint",    "投诉逾期未答复",     N_("Complaint not answered in time") },
  { "process-deviation",    "未按流程办理",       N_("Steps deviate from the flowchart") },
  { "discretion-breach",    "未执行裁量基准",     N_("Fine outside the discretion benchmark") },
  { "unapproved-item",      "行使未经审核事项",   N_("Item not approved") },
  { "incomplete-record",    "办理信息不完整",     N_("Incomplete record") },
  { "late-filing",          "逾期申报",           N_("Review request filed late") },
  { "overdue-review",       "审核逾期未回复",     N_("Review not answered in time") },
  { "overdue-order",        "督办逾期未反馈",     N_("Supervision order not answered in time") },
};

/* 规定 十一(二): the actions taken. */
static const PoEnumEntry alert_levels[] = {
  { "yellow", "黄色", N_("Yellow") },
  { "red",    "红色", N_("Red") },
};

static const PoEnumEntry alert_states[] = {
  { "open",       "待处理", N_("Open") },
  { "explained",  "已说明", N_("Explained") },
  { "ordered",    "已督办", N_("Order issued") },
  { "closed",     "已关闭", N_("Closed") },
  { "resolved",   "已消除", N_("Resolved") },
  { "superseded", "已升级", N_("Superseded") },
};

static const PoEnumEntry alert_subjects[] = {
  { "case",     "案件",     N_("Case") },
  { "petition", "咨询投诉", N_("Consultation or complaint") },
  { "review",   "审核申请", N_("Review request") },
  { "order",    "督办单",   N_("Supervision order") },
};

/* Time the law excludes from a case's limit, and approved extensions. */
static const PoEnumEntry suspension_kinds[] = {
  { "hearing",       "听证",     N_("Hearing") },
  { "testing",       "检验",     N_("Testing") },
  { "inspection",    "检测",     N_("Inspection") },
  { "appraisal",     "鉴定",     N_("Appraisal") },
  { "expert-review", "专家评审", N_("Expert review") },
  { "correction",    "补正",     N_("Correction of materials") },
  { "extension",     "延期",     N_("Approved extension") },
};

static const PoEnumEntry petition_kinds[] = {
  { "consultation", "咨询", N_("Consultation") },
  { "complaint",    "投诉", N_("Complaint") },
};

static const PoEnumEntry accountability_actions[] = {
  { "notice-of-criticism",     "通报批评",         N_("Notice of criticism") },
  { "efficiency-warning",      "效能告诫",         N_("Efficiency warning") },
  { "rectify-within-deadline", "责令限期整改",     N_("Ordered to rectify within a deadline") },
  { "suspend-certificate",     "暂扣执法证",       N_("Enforcement certificate suspended") },
  { "revoke-certificate",      "吊销执法证",       N_("Enforcement certificate revoked") },
  { "refer-discipline",        "移送纪检监察机关", N_("Referred to the discipline inspection organs") },
  { "refer-judiciary",         "移送司法机关",     N_("Referred to the judicial organs") },
};

#define DEFINE_TABLE(func, table)          \
  const PoEnumEntry *                      \
  func (guint *n)                          \
  {                                        \
    if (n)                                 \
      *n = G_N_ELEMENTS (table);           \
    return table;                          \
  }

DEFINE_TABLE (po_item_types, item_types)
DEFINE_TABLE (po_item_statuses, item_statuses)
DEFINE_TABLE (po_review_kinds, review_kinds)
DEFINE_TABLE (po_review_states, review_states)
DEFINE_TABLE (po_alert_rules, alert_rules)
DEFINE_TABLE (po_accountability_actions, accountability_actions)
DEFINE_TABLE (po_alert_levels, alert_levels)
DEFINE_TABLE (po_alert_states, alert_states)
DEFINE_TABLE (po_alert_subjects, alert_subjects)
DEFINE_TABLE (po_suspension_kinds, suspension_kinds)
DEFINE_TABLE (po_petition_kinds, petition_kinds)

/**
 * po_enum_lookup:
 * @key_or_name: a stable key or the fixed Chinese name
 *
 * Returns: (nullable): the entry, or %NULL when nothing matches
 */
const PoEnumEntry *
po_enum_lookup (const PoEnumEntry *entries,
                guint              n,
                const char        *key_or_name)
{
  if (key_or_name == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (entries[i].key, key_or_name) || g_str_equal (entries[i].zh, key_or_name))
      return &entries[i];
  return NULL;
}

/**
 * po_enum_label:
 *
 * Returns: the translated label of @key, or @key itself when unknown
 */
const char *
po_enum_label (const PoEnumEntry *entries,
               guint              n,
               const char        *key)
{
  const PoEnumEntry *e = po_enum_lookup (entries, n, key);

  return e ? g_dgettext (GETTEXT_PACKAGE, e->label) : key;
}
