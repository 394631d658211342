/* po-demo.c: a realistic synthetic office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A city of municipal departments and the departments of its counties,
 * with power items of all nine types, review requests, cases and
 * petitions spread over the year before `today`. Everything is drawn
 * from one GRand seeded with the options' seed, so the same seed and the
 * same day give the same office. Writes go through the ordinary tables,
 * so the audit log records them like any other.
 */
#define G_LOG_DOMAIN "po-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "po-deadlines.h"
#include "po-demo.h"
#include "po-discretion.h"
#include "po-error.h"
#include "po-flowchart.h"
#include "po-item.h"

typedef struct
{
  const char *code;
  const char *name;
  const char *law;        /* the law its items mostly rest on */
  int         articles;   /* how many articles that law has */
  const char *licences;   /* '|'-separated names of its licences */
  const char *violations; /* '|'-separated violations it punishes */
  const char *others;     /* '|'-separated "TYPE:name" of its other powers */
} DeptTemplate;

/* Each department holds the powers it really holds: a licence of the
 * market regulator, a levy of the water bureau, never the reverse. The
 * type codes in `others` are those of types[] below. */
static const DeptTemplate departments[] = {
  { "SCJG", "市场监督管理局", "中华人民共和国食品安全法", 154,
    "食品经营许可|食品生产许可|特种设备使用登记|食品小作坊登记|计量标准器具核准|检验检测机构资质认定",
    "销售不符合食品安全标准的食品|未取得食品经营许可从事食品经营活动|发布虚假广告|销售过期食品|"
    "使用未经检验的特种设备|短斤缺两|未按规定公示营业执照|生产销售不合格产品|价格欺诈|无照经营",
    "QZ:查封、扣押不符合食品安全标准的食品|QZ:查封违法从事生产经营活动的场所|QR:企业名称自主申报确认|"
    "QT:食品安全监督检查|QT:产品质量监督抽查|QT:举报奖励发放" },
  { "STHJ", "生态环境局", "中华人民共和国环境保护法", 70,
    "排污许可|建设项目环境影响评价文件审批|危险废物经营许可|辐射安全许可",
    "超标排放大气污染物|未批先建|未按规定贮存危险废物|噪声扰民|未安装污染物自动监测设备|"
    "擅自倾倒工业固体废物|篡改监测数据",
    "QZ:查封、扣押造成污染物排放的设施设备|QZ:按日连续处罚|ZS:环境保护税核定协助|"
    "QT:排污单位现场检查|QT:突发环境事件应急处置" },
  { "JTYS", "交通运输局", "中华人民共和国道路运输条例", 110,
    "道路运输经营许可|道路运输从业人员从业资格|出租汽车经营许可|公路超限运输许可|占用挖掘公路许可",
    "未取得道路运输经营许可擅自从事道路运输|超限运输|出租汽车拒载|擅自改装营运车辆|"
    "未按规定维护和检测运输车辆",
    "QZ:暂扣营运车辆|QZ:扣留超限运输车辆|ZS:车辆通行费征收|QT:道路运输企业安全检查|"
    "SP:公路建设项目施工许可审核" },
  { "ZJJ", "住房和城乡建设局", "中华人民共和国建筑法", 85,
    "建筑工程施工许可|商品房预售许可|燃气经营许可|建筑业企业资质核准|城市建筑垃圾处置核准",
    "未取得施工许可证擅自施工|违法发包|未按规定办理竣工验收备案|建筑工地扬尘防治不力|"
    "无证销售商品房|物业服务企业违规收费",
    "ZS:城市基础设施配套费征收|ZS:防空地下室易地建设费征收|QR:房屋登记|CJ:房屋征收补偿决定|"
    "QZ:责令停止施工并查封施工现场|QT:建筑工程质量安全监督检查" },
  { "ZRZY", "自然资源和规划局", "中华人民共和国土地管理法", 87,
    "建设用地规划许可|建设工程规划许可|乡村建设规划许可|采矿许可|临时用地审批",
    "非法占用土地|未取得建设工程规划许可证进行建设|非法采矿|擅自改变土地用途|破坏耕地",
    "ZS:土地闲置费征收|ZS:耕地开垦费征收|CJ:土地权属争议裁决|CJ:林木林地权属争议裁决|"
    "QR:不动产登记|QZ:强制拆除违法建筑物|SP:建设项目用地预审" },
  { "WJW", "卫生健康委员会", "中华人民共和国基本医疗卫生与健康促进法", 110,
    "医疗机构执业许可|公共场所卫生许可|放射诊疗许可|医师执业注册|母婴保健技术服务许可",
    "非医师行医|医疗机构使用非卫生技术人员|公共场所未取得卫生许可证经营|未按规定处置医疗废物|"
    "超出执业范围开展诊疗活动",
    "QR:出生医学证明签发|JF:计划生育家庭特别扶助金发放|QZ:封闭被传染病病原体污染的公共饮用水源|"
    "QT:医疗机构校验|QT:传染病防治监督检查" },
  { "JYJ", "教育局", "中华人民共和国教育法", 86,
    "民办学校办学许可|教师资格认定|校外培训机构设立审批",
    "擅自举办学校|违规收取费用|校外培训机构超范围培训",
    "JF:家庭经济困难学生资助发放|QR:学历证明书核发|QT:民办学校年度检查" },
  { "GAJ", "公安局", "中华人民共和国治安管理处罚法", 119,
    "旅馆业特种行业许可|公章刻制业特种行业许可|大型群众性活动安全许可|剧毒化学品购买许可",
    "扰乱公共秩序|旅馆未按规定登记住宿旅客|违规燃放烟花爆竹|非法携带管制器具|无证驾驶机动车",
    "QZ:扣押涉案物品|QZ:强制传唤|QR:户口登记|QT:治安检查" },
  { "WGLY", "文化广电旅游局", "中华人民共和国旅游法", 112,
    "旅行社业务经营许可|娱乐场所经营许可|营业性演出许可|网吧经营许可",
    "未经许可经营旅行社业务|娱乐场所超时营业|网吧接纳未成年人|擅自举办营业性演出",
    "QZ:暂扣违法经营的专用工具、设备|QT:文化市场综合执法检查|QT:旅游服务质量投诉处理" },
  { "YJGL", "应急管理局", "中华人民共和国安全生产法", 119,
    "危险化学品经营许可|烟花爆竹经营许可|非煤矿山安全生产许可",
    "未按规定对从业人员进行安全生产教育和培训|未如实记录安全隐患排查治理情况|"
    "未取得危险化学品经营许可证经营危险化学品|生产经营单位未设置安全警示标志",
    "QZ:查封、扣押不符合保障安全生产标准的设施设备|QT:安全生产监督检查|CJ:生产安全事故调查处理" },
  { "NYNC", "农业农村局", "中华人民共和国农产品质量安全法", 81,
    "农药经营许可|兽药经营许可|种子生产经营许可|渔业捕捞许可|动物防疫条件合格证核发",
    "经营假劣农药|销售不合格种子|违规使用禁用兽药|非法捕捞水产品|未按规定报告动物疫情",
    "QR:农村土地承包经营权确认|QR:无公害农产品产地认定|JF:耕地地力保护补贴发放|"
    "QZ:查封、扣押假劣农药|CJ:农村土地承包经营纠纷调解" },
  { "RSJ", "人力资源和社会保障局", "中华人民共和国劳动合同法", 98,
    "劳务派遣经营许可|人力资源服务许可|职业技能培训机构设立审批",
    "拖欠劳动者工资|违法招用未满十六周岁未成年人|未依法缴纳社会保险费|未签订书面劳动合同",
    "QR:工伤认定|JF:失业保险金给付|JF:工伤保险待遇给付|CJ:劳动人事争议仲裁|QT:劳动保障监察" },
  { "MZJ", "民政局", "社会团体登记管理条例", 37,
    "社会团体成立登记|民办非企业单位登记|殡葬设施建设审批",
    "社会团体未按规定接受年度检查|擅自开展募捐活动|养老机构未按规定配备护理人员",
    "JF:最低生活保障金给付|JF:特困人员供养金给付|JF:临时救助金给付|JF:高龄津贴发放|"
    "JF:残疾人两项补贴给付|QR:婚姻登记|QT:社会组织年度检查" },
  { "SLJ", "水利局", "中华人民共和国水法", 82,
    "取水许可|河道管理范围内建设项目审批|水土保持方案审批|河道采砂许可",
    "未经批准擅自取水|在河道管理范围内违法建设|非法采砂|未按规定缴纳水资源费",
    "ZS:水资源费征收|ZS:水土保持补偿费征收|CJ:水事纠纷裁决|QZ:强行拆除河道内违法建筑物|"
    "QT:河湖日常巡查" },
  { "CGJ", "城市管理局", "城市市容和环境卫生管理条例", 39,
    "城市道路占用挖掘许可|户外广告设施设置许可|城市绿地占用审批|建筑垃圾运输核准",
    "违法设置户外广告|占道经营|乱倒建筑垃圾|擅自砍伐城市树木|违法搭建建筑物",
    "ZS:污水处理费征收|QZ:暂扣占道经营物品|QZ:代履行清除障碍物|QT:市容环境卫生检查" },
  { "SWJ", "商务局", "中华人民共和国对外贸易法", 70,
    "成品油零售经营资格审批|拍卖企业设立许可|单用途商业预付卡备案",
    "成品油经营企业违规经营|未按规定备案发行预付卡|商业特许经营未备案",
    "SP:外商投资企业设立备案审核|QT:商贸流通企业安全检查|QR:对外贸易经营者备案登记" },
};

/* Counties of the city; each has its own market, environment, transport
 * and urban-management departments. */
static const char *const counties[][2] = {
  { "QJ", "清江区" }, { "DH", "东湖区" }, { "XS", "西山区" }, { "NH", "南湖县" },
  { "BY", "北原县" }, { "LC", "临川市" }, { "YX", "永兴县" }, { "HS", "黄石县" },
};
static const guint county_dept_templates[] = { 0, 1, 2, 14 };

typedef struct
{
  const char *key;
  const char *code;          /* type part of the item code */
  int         statutory;     /* typical statutory limit, working days */
  int         committed;     /* typical committed limit */
} TypeTemplate;

static const TypeTemplate types[] = {
  { "license",        "XK", 20, 10 },
  { "other-approval", "SP", 20, 12 },
  { "penalty",        "CF", 60, 45 },
  { "confirmation",   "QR", 20, 10 },
  { "payment",        "JF", 30, 15 },
  { "adjudication",   "CJ", 60, 40 },
  { "levy",           "ZS", 30, 20 },
  { "coercion",       "QZ", 30, 15 },
  { "other",          "QT", 20, 10 },
};

/* Shares of each type in a catalogue, out of 100: penalties dominate. */
static const int type_weights[] = { 18, 4, 46, 8, 5, 3, 4, 7, 5 };

static const char *const statuses[] = { "published", "approved", "in-review", "draft", "abolished", "adjusting" };
static const int status_weights[] = { 78, 5, 5, 7, 3, 2 };

static const char *const petition_subjects[][2] = {
  { "consultation", "办理食品经营许可需要提交哪些材料" },
  { "consultation", "营业执照变更经营范围的流程" },
  { "consultation", "建筑工程施工许可的办理时限" },
  { "consultation", "道路运输从业资格证到期如何换证" },
  { "consultation", "排污许可证延续需要多长时间" },
  { "consultation", "最低生活保障申请条件" },
  { "consultation", "医师执业注册变更所需材料" },
  { "consultation", "户外广告设置许可的办理地点" },
  { "complaint", "商户短斤缺两，请求查处" },
  { "complaint", "夜间施工噪声扰民" },
  { "complaint", "出租汽车拒载并绕路" },
  { "complaint", "许可申请超过承诺时限仍未办结" },
  { "complaint", "餐馆卫生条件差，疑似使用过期食材" },
  { "complaint", "企业偷排污水污染河道" },
  { "complaint", "窗口工作人员态度恶劣" },
  { "complaint", "罚款金额明显高于同类案件" },
};

static const char *const channels[] = { "网上行政执法大厅", "12345热线", "窗口", "信函", "微信公众号" };

static const char *const penalty_steps[] = { "立案", "调查取证", "审查", "告知", "陈述申辩", "决定", "送达", "执行" };
static const char *const licence_steps[] = { "申请", "受理", "审查", "决定", "准予许可", "送达" };

static const char *const tiers[] = { "不予处罚", "减轻", "从轻", "一般", "从重" };

typedef struct
{
  gint64 id;
  gint64 department_id;
  int    type;
  int    limit;
  char  *code;
} DemoItem;

typedef struct
{
  PoDatabase          *db;
  PoCalendar          *calendar;
  GRand               *rand;
  const PoDemoOptions *options;
  GCancellable        *cancellable;
  PoProgressFunc       progress;
  gpointer             user_data;
  guint                work_done;
  guint                work_total;
  GArray              *department_ids;    /* gint64 */
  GArray              *department_tmpl;   /* guint: index into departments[] */
  GArray              *department_region; /* const char * region code */
  GArray              *items;             /* DemoItem: items in force */
  GArray              *pending;           /* DemoItem: items under review */
  GArray              *pending_status;    /* const char *: their status */
} Demo;

void
po_demo_options_init (PoDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  options->items = 800;
  options->cases = 5000;
  options->petitions = 1200;
  options->seed = 1;
  options->today = po_date_today ();
}

static int
pick_weighted (GRand     *rand,
               const int *weights,
               guint      n)
{
  int total = 0, r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return (int) i;
      r -= weights[i];
    }
  return (int) n - 1;
}

static void
bind_date (sqlite3_stmt *stmt,
           int           col,
           PoDate        date)
{
  char buf[11];

  if (date == PO_DATE_INVALID)
    {
      sqlite3_bind_null (stmt, col);
      return;
    }
  po_date_format_buf (date, buf);
  sqlite3_bind_text (stmt, col, buf, -1, SQLITE_TRANSIENT);
}

static PoDate
workdays_after (Demo   *demo,
                PoDate  from,
                int     n)
{
  PoDate d = po_calendar_add (demo->calendar, from, n, NULL, NULL);

  return d == PO_DATE_INVALID ? from + n : d;
}

static gboolean
tick (Demo    *demo,
      GError **error)
{
  demo->work_done++;
  if ((demo->work_done & 0x3ff) == 0)
    {
      if (g_cancellable_set_error_if_cancelled (demo->cancellable, error))
        return FALSE;
      if (demo->progress)
        demo->progress (0.95 * demo->work_done / MAX (demo->work_total, 1), demo->user_data);
    }
  return TRUE;
}

static gboolean
insert_departments (Demo    *demo,
                    GError **error)
{
  sqlite3_stmt *dept;
  sqlite3_stmt *post;
  static const char *const post_names[][2] = {
    { "受理岗", "接收申请材料，当场或者在规定期限内作出是否受理的决定" },
    { "审查岗", "对申请材料和案件事实进行审查，提出审查意见" },
    { "法制审核岗", "对拟作出的决定进行合法性审核" },
    { "决定岗", "根据审查意见作出决定" },
    { "送达岗", "制作并送达决定文书，归档" },
  };
  guint n = G_N_ELEMENTS (departments) + G_N_ELEMENTS (counties) * G_N_ELEMENTS (county_dept_templates);

  dept = po_database_prepare (demo->db,
                              "INSERT INTO departments (code, name, level, region, parent_id, phone) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (dept == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = NULL;
      g_autofree char *name = NULL;
      g_autofree char *phone = NULL;
      const char *region;
      guint tmpl;
      gint64 id;

      if (i < G_N_ELEMENTS (departments))
        {
          tmpl = i;
          region = "SJ";
          code = g_strdup (departments[i].code);
          name = g_strconcat ("市", departments[i].name, NULL);
        }
      else
        {
          guint k = i - G_N_ELEMENTS (departments);
          guint c = k / G_N_ELEMENTS (county_dept_templates);

          tmpl = county_dept_templates[k % G_N_ELEMENTS (county_dept_templates)];
          region = counties[c][0];
          code = g_strconcat (counties[c][0], "-", departments[tmpl].code, NULL);
          name = g_strconcat (counties[c][1], departments[tmpl].name, NULL);
        }
      phone = g_strdup_printf ("0571-8%07u", g_rand_int_range (demo->rand, 0, 9999999));

      sqlite3_bind_text (dept, 1, code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (dept, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (dept, 3, g_str_equal (region, "SJ") ? "city" : "county", -1, SQLITE_STATIC);
      sqlite3_bind_text (dept, 4, region, -1, SQLITE_STATIC);
      sqlite3_bind_null (dept, 5);
      sqlite3_bind_text (dept, 6, phone, -1, SQLITE_TRANSIENT);
      if (!po_database_step_done (demo->db, dept, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (po_database_get_handle (demo->db));
      g_array_append_val (demo->department_ids, id);
      g_array_append_val (demo->department_tmpl, tmpl);
      g_array_append_val (demo->department_region, region);

      post = po_database_prepare (demo->db,
                                  "INSERT INTO posts (department_id, name, duty) VALUES (?1, ?2, ?3)",
                                  error);
      if (post == NULL)
        return FALSE;
      for (guint p = 0; p < G_N_ELEMENTS (post_names); p++)
        {
          sqlite3_bind_int64 (post, 1, id);
          sqlite3_bind_text (post, 2, post_names[p][0], -1, SQLITE_STATIC);
          sqlite3_bind_text (post, 3, post_names[p][1], -1, SQLITE_STATIC);
          if (!po_database_step_done (demo->db, post, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* 64 → 六十四, as articles of Chinese laws are numbered (1 … 999). */
static char *
chinese_number (int n)
{
  static const char *const digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  GString *s = g_string_new (NULL);
  int hundreds = n / 100, tens = n / 10 % 10, ones = n % 10;

  if (hundreds)
    g_string_append_printf (s, "%s百", digits[hundreds]);
  if (tens)
    g_string_append_printf (s, "%s十", (tens == 1 && !hundreds) ? "" : digits[tens]);
  else if (hundreds && ones)
    g_string_append (s, "零");
  if (ones)
    g_string_append (s, digits[ones]);
  return g_string_free (s, FALSE);
}

/* The text of the provision, worded as such provisions are for the type. */
static char *
basis_text_for (const char *department,
                int         type,
                const char *name)
{
  switch (type)
    {
    case 0:
      return g_strdup_printf ("申请%s的，应当向%s提出申请，经审查符合法定条件的，依法予以许可。", name, department);
    case 2:
      if (g_str_has_prefix (name, "对") && g_str_has_suffix (name, "的行政处罚"))
        {
          g_autofree char *act = g_strndup (name + strlen ("对"), strlen (name) - strlen ("对") - strlen ("的行政处罚"));
          return g_strdup_printf ("违反本法规定，%s的，由%s责令改正，给予警告，并处罚款；情节严重的，依法从重处罚。",
                                  act, department);
        }
      return g_strdup_printf ("由%s依法给予行政处罚。", department);
    case 7:
      return g_strdup_printf ("%s在依法履行职责时，可以%s。", department, name);
    default:
      return g_strdup_printf ("%s依照本法规定负责%s工作。", department, name);
    }
}

/* The powers a department holds, as (type, name) pairs. */
typedef struct
{
  int         type;
  char       *name;
} Power;

static void
power_clear (gpointer data)
{
  g_free (((Power *) data)->name);
}

static GArray *
department_powers (const DeptTemplate *d)
{
  GArray *powers = g_array_new (FALSE, FALSE, sizeof (Power));
  g_auto(GStrv) licences = g_strsplit (d->licences, "|", -1);
  g_auto(GStrv) violations = g_strsplit (d->violations, "|", -1);
  g_auto(GStrv) others = g_strsplit (d->others, "|", -1);

  g_array_set_clear_func (powers, power_clear);
  for (guint i = 0; licences[i]; i++)
    {
      Power p = { 0, g_strdup (licences[i]) };
      g_array_append_val (powers, p);
    }
  for (guint i = 0; violations[i]; i++)
    {
      Power p = { 2, g_strdup_printf ("对%s的行政处罚", violations[i]) };
      g_array_append_val (powers, p);
    }
  for (guint i = 0; others[i]; i++)
    {
      Power p = { -1, NULL };

      for (guint t = 0; t < G_N_ELEMENTS (types); t++)
        if (g_str_has_prefix (others[i], types[t].code) && others[i][2] == ':')
          p.type = (int) t;
      g_assert (p.type >= 0);
      p.name = g_strdup (others[i] + 3);
      g_array_append_val (powers, p);
    }
  return powers;
}

/* A power of the department: a type drawn by the catalogue's usual
 * shares among the types it holds, then one of its powers of that type,
 * preferring a name the department does not list yet. */
static const Power *
pick_power (Demo       *demo,
            GArray     *powers,
            GHashTable *used)
{
  int weights[G_N_ELEMENTS (types)] = { 0 };
  const Power *p = NULL;
  int type;

  for (guint i = 0; i < powers->len; i++)
    weights[g_array_index (powers, Power, i).type] = type_weights[g_array_index (powers, Power, i).type];
  type = pick_weighted (demo->rand, weights, G_N_ELEMENTS (types));

  for (int attempt = 0; attempt < 12; attempt++)
    {
      p = &g_array_index (powers, Power, g_rand_int_range (demo->rand, 0, (gint32) powers->len));
      if (p->type != type)
        {
          attempt--;
          continue;
        }
      if (!g_hash_table_contains (used, p->name))
        break;
    }
  g_hash_table_add (used, p->name);
  return p;
}

static gboolean
insert_items (Demo    *demo,
              GError **error)
{
  g_autoptr(GPtrArray) powers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) used = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  sqlite3_stmt *item;
  sqlite3_stmt *version;
  PoDate year_ago = demo->options->today - 365 * 3;

  for (guint t = 0; t < G_N_ELEMENTS (departments); t++)
    g_ptr_array_add (powers, department_powers (&departments[t]));
  for (guint d = 0; d < demo->department_ids->len; d++)
    g_ptr_array_add (used, g_hash_table_new (g_str_hash, g_str_equal));

  item = po_database_prepare (demo->db,
                              "INSERT INTO power_items (code, name, type, department_id, status, "
                              "  basis_law, basis_article, basis_text, fee_basis, fee_standard, "
                              "  statutory_limit, committed_limit, handling_unit, place, phone, "
                              "  supervision_phone, notes, created_on, published_version) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
                              error);
  if (item == NULL)
    return FALSE;

  for (guint i = 0; i < demo->options->items; i++)
    {
      guint d = (guint) g_rand_int_range (demo->rand, 0, (gint32) demo->department_ids->len);
      guint tmpl = g_array_index (demo->department_tmpl, guint, d);
      const char *region = g_array_index (demo->department_region, const char *, d);
      const Power *power = pick_power (demo, g_ptr_array_index (powers, tmpl), g_ptr_array_index (used, d));
      int type = power->type;
      const char *status = statuses[pick_weighted (demo->rand, status_weights, G_N_ELEMENTS (status_weights))];
      gboolean published = g_str_equal (status, "published") || g_str_equal (status, "adjusting");
      int statutory = types[type].statutory;
      int committed = MAX (1, types[type].committed - g_rand_int_range (demo->rand, 0, types[type].committed / 2 + 1));
      int article = g_rand_int_range (demo->rand, 2, departments[tmpl].articles + 1);
      PoDate created = year_ago + g_rand_int_range (demo->rand, 0, 365 * 2);
      g_autofree char *code = g_strdup_printf ("%s-%s-%s-%06u", region, departments[tmpl].code, types[type].code, i + 1);
      const char *name = power->name;
      g_autofree char *article_number = chinese_number (article);
      g_autofree char *article_text = g_strdup_printf ("第%s条", article_number);
      g_autofree char *basis_text = basis_text_for (departments[tmpl].name, type, name);
      g_autofree char *place = g_strdup_printf ("%s政务服务中心%d号窗口",
                                                g_str_equal (region, "SJ") ? "市" : "", g_rand_int_range (demo->rand, 1, 60));
      g_autofree char *phone = g_strdup_printf ("0571-8%07u", g_rand_int_range (demo->rand, 0, 9999999));
      gboolean with_fee = type == 0 && g_rand_int_range (demo->rand, 0, 4) == 0;
      DemoItem di = { 0 };

      sqlite3_bind_text (item, 1, code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (item, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 3, types[type].key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (item, 4, g_array_index (demo->department_ids, gint64, d));
      sqlite3_bind_text (item, 5, status, -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 6, departments[tmpl].law, -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 7, article_text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (item, 8, basis_text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (item, 9, with_fee ? "省物价局、省财政厅关于收费标准的通知" : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 10, with_fee ? "按件收取，每件50元" : (type == 0 ? "不收费" : ""), -1, SQLITE_STATIC);
      sqlite3_bind_int (item, 11, statutory);
      sqlite3_bind_int (item, 12, committed);
      sqlite3_bind_text (item, 13, departments[tmpl].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 14, place, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (item, 15, phone, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (item, 16, "0571-12345", -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 17, "", -1, SQLITE_STATIC);
      bind_date (item, 18, created);
      if (published)
        sqlite3_bind_int (item, 19, 1);
      else
        sqlite3_bind_null (item, 19);
      if (!po_database_step_done (demo->db, item, error))
        return FALSE;

      di.id = sqlite3_last_insert_rowid (po_database_get_handle (demo->db));
      di.department_id = g_array_index (demo->department_ids, gint64, d);
      di.type = type;
      di.limit = committed;
      di.code = g_steal_pointer (&code);

      if (published)
        {
          version = po_database_prepare (demo->db,
                                         "INSERT INTO power_item_versions (item_id, version, published_on, content) "
                                         "SELECT id, 1, ?2, json_object ('code', code, 'name', name, 'type', type, "
                                         "  'basis_law', basis_law, 'basis_article', basis_article, "
                                         "  'statutory_limit', statutory_limit, 'committed_limit', committed_limit) "
                                         "FROM power_items WHERE id = ?1",
                                         error);
          if (version == NULL)
            return FALSE;
          sqlite3_bind_int64 (version, 1, di.id);
          bind_date (version, 2, workdays_after (demo, created, 20));
          if (!po_database_step_done (demo->db, version, error))
            return FALSE;
        }

      /* Only items in force get cases; items under review get their
       * open request. */
      if (g_str_equal (status, "published"))
        g_array_append_val (demo->items, di);
      else if (g_str_equal (status, "in-review") || g_str_equal (status, "adjusting"))
        {
          g_array_append_val (demo->pending, di);
          g_array_append_val (demo->pending_status, status);
        }
      else
        g_free (di.code);

      if (!tick (demo, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_review (Demo        *demo,
               DemoItem    *it,
               const char  *kind,
               const char  *proposal,
               PoDate       effective,
               PoDate       filed,
               PoDate       received,
               const char  *state,
               PoDate       decided,
               GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean open = g_str_equal (state, "open");

  stmt = po_database_prepare (demo->db,
                              "INSERT INTO review_requests (kind, item_id, department_id, title, proposal, legal_basis, "
                              "  effective_on, filed_on, received_on, state, opinion, reviewer, decided_on) "
                              "SELECT ?1, ?2, ?3, i.name || '（' || ?4 || '）', ?5, '《' || i.basis_law || '》' || i.basis_article, "
                              "  ?7, ?8, ?9, ?10, ?11, ?12, ?13 FROM power_items i WHERE i.id = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, it->id);
  sqlite3_bind_int64 (stmt, 3, it->department_id);
  sqlite3_bind_text (stmt, 4,
                     g_str_equal (kind, "create") ? "新设事项" :
                     g_str_equal (kind, "modify") ? "法律修订后调整" :
                     g_str_equal (kind, "abolish") ? "取消事项" :
                     g_str_equal (kind, "discretion") ? "调整裁量基准" : "调整流程图",
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, proposal, -1, SQLITE_TRANSIENT);
  bind_date (stmt, 7, effective);
  bind_date (stmt, 8, filed);
  bind_date (stmt, 9, received);
  sqlite3_bind_text (stmt, 10, state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, open ? "" :
                     g_str_equal (state, "returned") ? "法律依据引用不完整，请补充后重新报送。" :
                     g_str_equal (state, "rejected") ? "拟调整内容缺乏上位法依据，不予通过。" :
                     "经审查，符合法律、法规规定，同意。", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, open ? "" : "市政府法制办", -1, SQLITE_STATIC);
  bind_date (stmt, 13, decided);
  return po_database_step_done (demo->db, stmt, error);
}

static gboolean
insert_reviews (Demo    *demo,
                GError **error)
{
  static const char *const kinds[] = { "create", "modify", "abolish", "discretion", "flowchart" };
  static const int kind_weights[] = { 25, 40, 10, 15, 10 };
  static const char *const outcomes[] = { "approved", "approved-with-changes", "returned", "rejected" };
  static const int outcome_weights[] = { 60, 20, 15, 5 };
  guint n_past = MAX (24, demo->options->items / 40);
  PoDate today = demo->options->today;

  /* Every item under review has its open request, most received in the
   * last two weeks, a few longer ago and now overdue. */
  for (guint i = 0; i < demo->pending->len; i++)
    {
      DemoItem *it = &g_array_index (demo->pending, DemoItem, i);
      const char *status = g_array_index (demo->pending_status, const char *, i);
      int age = g_rand_int_range (demo->rand, 0, 10) == 0 ? g_rand_int_range (demo->rand, 15, 30)
                                                          : g_rand_int_range (demo->rand, 0, 14);
      PoDate received = workdays_after (demo, today - age, 0);
      PoDate filed = received - g_rand_int_range (demo->rand, 0, 3);
      g_autofree char *proposal = NULL;
      const char *kind;
      PoDate effective = PO_DATE_INVALID;

      if (received > today)
        received = today;
      if (g_str_equal (status, "in-review"))
        {
          g_autoptr(PoItem) item = po_item_load_by_id (demo->db, it->id, error);

          if (item == NULL)
            return FALSE;
          kind = "create";
          proposal = po_item_to_json (item);
        }
      else
        {
          kind = g_rand_int_range (demo->rand, 0, 8) == 0 ? "abolish" : "modify";
          proposal = g_str_equal (kind, "modify") ? g_strdup_printf ("{\"committed_limit\": %d}", MAX (1, it->limit - 1))
                                                  : g_strdup ("{}");
        }
      /* A law change behind most; filed 8 to 40 working days before it
       * takes effect, so some are late. */
      if (g_str_equal (kind, "modify") || g_rand_boolean (demo->rand))
        effective = workdays_after (demo, filed, g_rand_int_range (demo->rand, 8, 40));

      if (!insert_review (demo, it, kind, proposal, effective, filed, received, "open", PO_DATE_INVALID, error))
        return FALSE;
    }

  /* Decided requests of the past year, on items now in force. */
  for (guint i = 0; i < n_past && demo->items->len > 0; i++)
    {
      DemoItem *it = &g_array_index (demo->items, DemoItem, g_rand_int_range (demo->rand, 0, (gint32) demo->items->len));
      const char *kind = kinds[pick_weighted (demo->rand, kind_weights, G_N_ELEMENTS (kinds))];
      const char *state = outcomes[pick_weighted (demo->rand, outcome_weights, G_N_ELEMENTS (outcomes))];
      PoDate received = workdays_after (demo, today - g_rand_int_range (demo->rand, 40, 365), 0);
      PoDate filed = received - g_rand_int_range (demo->rand, 0, 3);
      PoDate effective = workdays_after (demo, filed, g_rand_int_range (demo->rand, 10, 40));
      PoDate decided = workdays_after (demo, received, g_rand_int_range (demo->rand, 3, 12));
      g_autofree char *proposal = g_strdup_printf ("{\"committed_limit\": %d}", MAX (1, it->limit - 1));

      if (g_str_equal (kind, "abolish"))
        state = g_rand_boolean (demo->rand) ? "returned" : "rejected";   /* the item is still in force */
      if (!insert_review (demo, it, kind,
                          g_str_equal (kind, "modify") ? proposal : "{}",
                          g_str_equal (kind, "create") ? PO_DATE_INVALID : effective,
                          filed, received, state, decided, error))
        return FALSE;
    }
  return TRUE;
}

/* Items in force (and approved ones) have what the regulation publishes
 * with them: the external flowchart, and for a penalty its discretion
 * benchmark, so that a demo office can publish. At most this many, to
 * keep a province-scale demo quick. */
#define MAX_COMPANIONS 1500

static gboolean
insert_companions (Demo    *demo,
                   GError **error)
{
  static const double ranges[][2] = { { 500, 5000 }, { 2000, 20000 }, { 0, 10000 }, { 10000, 100000 }, { 50000, 500000 } };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = po_database_prepare (demo->db,
                              "SELECT id FROM power_items WHERE status IN ('approved', 'published', 'adjusting') "
                              "ORDER BY id LIMIT ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, MAX_COMPANIONS);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(PoItem) item = po_item_load_by_id (demo->db, g_array_index (ids, gint64, i), error);
      g_autoptr(PoFlowchart) chart = NULL;
      gboolean penalty;

      if (item == NULL)
        return FALSE;
      penalty = g_str_equal (item->type, "penalty");
      chart = po_flowchart_new_from_template (penalty ? PO_FLOW_TEMPLATE_PENALTY : PO_FLOW_TEMPLATE_LICENSE,
                                              PO_FLOWCHART_EXTERNAL, NULL);
      po_flowchart_set_item (chart, item);
      if (!po_flowchart_save_unchecked (demo->db, chart, error))
        return FALSE;

      if (penalty)
        {
          g_autoptr(PoBenchmark) benchmark = po_benchmark_new ();
          g_autoptr(GPtrArray) benchmarks = g_ptr_array_new_with_free_func (g_object_unref);
          g_autoptr(GPtrArray) proposed = NULL;
          g_autofree char *provision = g_strdup_printf ("《%s》%s", item->basis_law, item->basis_article);
          g_autofree char *violation = NULL;
          guint r = (guint) g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (ranges));
          const char *name = item->name;

          if (g_str_has_prefix (name, "对") && g_str_has_suffix (name, "的行政处罚"))
            violation = g_strndup (name + strlen ("对"), strlen (name) - strlen ("对") - strlen ("的行政处罚"));
          else
            violation = g_strdup (name);
          po_benchmark_set_violation (benchmark, violation);
          po_benchmark_set_penalty_provision (benchmark, provision);
          po_benchmark_set_unit (benchmark, PO_DISCRETION_UNIT_YUAN);
          po_benchmark_set_range (benchmark, ranges[r][0], ranges[r][1]);
          po_benchmark_set_factor (benchmark, PO_DISCRETION_FACTOR_PURPOSE, "维护管理秩序，保护公共利益和当事人合法权益");
          po_benchmark_set_factor (benchmark, PO_DISCRETION_FACTOR_REGIONAL, "结合本地经济社会发展水平确定");
          po_benchmark_set_factor (benchmark, PO_DISCRETION_FACTOR_FACTS, "按违法行为的事实、性质、情节和社会危害程度划分");
          proposed = po_discretion_propose_tiers (benchmark, PO_DISCRETION_PROPOSE_AUTO, error);
          if (proposed == NULL)
            return FALSE;
          po_benchmark_set_tiers (benchmark, proposed);
          g_ptr_array_add (benchmarks, g_steal_pointer (&benchmark));
          if (!po_discretion_save_unchecked (demo->db, item->code, benchmarks, error))
            return FALSE;
        }
      if ((i & 0x3f) == 0 && g_cancellable_set_error_if_cancelled (demo->cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static char *
case_steps (Demo    *demo,
            gboolean penalty)
{
  const char *const *steps = penalty ? penalty_steps : licence_steps;
  guint n = penalty ? G_N_ELEMENTS (penalty_steps) : G_N_ELEMENTS (licence_steps);
  guint skip = g_rand_int_range (demo->rand, 0, 25) == 0 ? (guint) g_rand_int_range (demo->rand, 1, (gint32) n) : n;
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i == skip)
        continue;   /* now and then a step is skipped: a process deviation */
      if (s->len)
        g_string_append_c (s, '>');
      g_string_append (s, steps[i]);
    }
  return g_string_free (s, FALSE);
}

typedef struct
{
  char   *name;
  double  min;
  double  max;
} DemoTier;

static void
demo_tier_clear (gpointer data)
{
  g_free (((DemoTier *) data)->name);
}

/* item id → its benchmark's tiers with a fine, so that a demo fine is
 * mostly one the benchmark allows. */
static GHashTable *
load_tiers (Demo    *demo,
            GError **error)
{
  GHashTable *by_item = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  sqlite3_stmt *stmt;

  stmt = po_database_prepare (demo->db,
                              "SELECT b.item_id, t.name, t.fine_min, t.fine_max FROM discretion_tiers AS t "
                              "JOIN discretion_benchmarks AS b ON b.id = t.benchmark_id "
                              "WHERE b.unit = 'yuan' AND t.fine_max > 0 ORDER BY b.item_id, t.position",
                              error);
  if (stmt == NULL)
    return g_hash_table_unref (by_item), NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 item = sqlite3_column_int64 (stmt, 0);
      GArray *list = g_hash_table_lookup (by_item, &item);
      DemoTier t = { g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                     sqlite3_column_double (stmt, 2), sqlite3_column_double (stmt, 3) };

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (DemoTier));
          g_array_set_clear_func (list, demo_tier_clear);
          g_hash_table_insert (by_item, g_memdup2 (&item, sizeof item), list);
        }
      g_array_append_val (list, t);
    }
  sqlite3_reset (stmt);
  return by_item;
}

static gboolean
insert_cases (Demo    *demo,
              GError **error)
{
  g_autoptr(GHashTable) item_tiers = NULL;
  sqlite3_stmt *stmt;
  PoDate today = demo->options->today;

  if (demo->items->len == 0)
    return TRUE;
  item_tiers = load_tiers (demo, error);
  if (item_tiers == NULL)
    return FALSE;

  stmt = po_database_prepare (demo->db,
                              "INSERT INTO cases (case_ref, department_id, item_code, item_id, onsite_on, entered_on, "
                              "  accepted_on, decided_on, reported_on, closed_on, fine_yuan, tier, steps) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < demo->options->cases; i++)
    {
      DemoItem *it = &g_array_index (demo->items, DemoItem, g_rand_int_range (demo->rand, 0, (gint32) demo->items->len));
      gboolean penalty = it->type == 2;
      PoDate start = today - g_rand_int_range (demo->rand, 0, 365);
      PoDate onsite = penalty ? start : PO_DATE_INVALID;
      PoDate entered = penalty ? workdays_after (demo, start, g_rand_int_range (demo->rand, 0, 10) == 0 ? 2 : 1) : start;
      PoDate accepted = entered;
      int used = g_rand_int_range (demo->rand, 1, it->limit + 1);
      PoDate decided, closed, reported;
      PoDate latest;
      g_autofree char *ref = NULL;
      g_autofree char *steps = NULL;

      if (entered > today)
        {
          /* Enforced on site today: not entered yet. */
          g_autofree char *r = g_strdup_printf ("罚决字〔%d〕%u号", po_date_year (start), i + 1);

          sqlite3_bind_text (stmt, 1, r, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, it->department_id);
          sqlite3_bind_text (stmt, 3, it->code, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 4, it->id);
          bind_date (stmt, 5, onsite);
          for (int col = 6; col <= 11; col++)
            sqlite3_bind_null (stmt, col);
          sqlite3_bind_text (stmt, 12, "", -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 13, "", -1, SQLITE_STATIC);
          if (!po_database_step_done (demo->db, stmt, error) || !tick (demo, error))
            return FALSE;
          continue;
        }
      if (g_rand_int_range (demo->rand, 0, 12) == 0)
        used = it->limit + g_rand_int_range (demo->rand, 1, 10);   /* decided late */
      decided = workdays_after (demo, accepted, used);
      if (decided > today)
        decided = PO_DATE_INVALID;   /* still being handled */
      else if (g_rand_int_range (demo->rand, 0, 40) == 0)
        decided = PO_DATE_INVALID;   /* stalled: still undecided, past its limit */
      closed = decided != PO_DATE_INVALID ? workdays_after (demo, decided, g_rand_int_range (demo->rand, 1, 6)) : PO_DATE_INVALID;
      if (closed != PO_DATE_INVALID && closed > today)
        closed = PO_DATE_INVALID;
      latest = MAX (accepted, MAX (decided, closed));
      reported = workdays_after (demo, latest, g_rand_int_range (demo->rand, 0, 20) == 0 ? 5 : g_rand_int_range (demo->rand, 0, 4));
      if (reported > today)
        reported = PO_DATE_INVALID;

      ref = g_strdup_printf ("%s〔%d〕%u号", penalty ? "罚决字" : "许决字", po_date_year (start), i + 1);
      steps = case_steps (demo, penalty);

      sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, it->department_id);
      sqlite3_bind_text (stmt, 3, it->code, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, it->id);
      bind_date (stmt, 5, onsite);
      bind_date (stmt, 6, entered);
      bind_date (stmt, 7, accepted);
      bind_date (stmt, 8, decided);
      bind_date (stmt, 9, reported);
      bind_date (stmt, 10, closed);
      if (penalty && decided != PO_DATE_INVALID && g_hash_table_contains (item_tiers, &it->id))
        {
          GArray *list = g_hash_table_lookup (item_tiers, &it->id);
          DemoTier *t = &g_array_index (list, DemoTier, g_rand_int_range (demo->rand, 0, (gint32) list->len));
          double fine = t->min + g_rand_double (demo->rand) * (t->max - t->min);

          /* Now and then a fine outside the tier named: a discretion breach. */
          if (g_rand_int_range (demo->rand, 0, 30) == 0)
            fine = t->max * 1.5;
          sqlite3_bind_double (stmt, 11, MAX (100.0, 100.0 * (gint64) (fine / 100.0)));
          sqlite3_bind_text (stmt, 12, t->name, -1, SQLITE_TRANSIENT);
        }
      else if (penalty && decided != PO_DATE_INVALID)
        {
          guint tier = (guint) g_rand_int_range (demo->rand, 1, G_N_ELEMENTS (tiers));

          sqlite3_bind_double (stmt, 11, 500.0 * g_rand_int_range (demo->rand, 1, 200));
          sqlite3_bind_text (stmt, 12, tiers[tier], -1, SQLITE_STATIC);
        }
      else
        {
          sqlite3_bind_null (stmt, 11);
          sqlite3_bind_text (stmt, 12, "", -1, SQLITE_STATIC);
        }
      sqlite3_bind_text (stmt, 13, steps, -1, SQLITE_TRANSIENT);
      if (!po_database_step_done (demo->db, stmt, error))
        return FALSE;
      if (!tick (demo, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_petitions (Demo    *demo,
                  GError **error)
{
  sqlite3_stmt *stmt;
  PoDate today = demo->options->today;

  stmt = po_database_prepare (demo->db,
                              "INSERT INTO petitions (ref, kind, department_id, received_on, replied_on, subject, channel, answer, "
                              "  closed_on) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < demo->options->petitions; i++)
    {
      guint s = (guint) g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (petition_subjects));
      const char *kind = petition_subjects[s][0];
      gboolean complaint = g_str_equal (kind, "complaint");
      guint d = (guint) g_rand_int_range (demo->rand, 0, (gint32) demo->department_ids->len);
      PoDate received = today - g_rand_int_range (demo->rand, 0, 365);
      int limit = complaint ? 10 : 3;
      int took = g_rand_int_range (demo->rand, 0, 8) == 0 ? limit + g_rand_int_range (demo->rand, 1, 5)
                                                          : g_rand_int_range (demo->rand, 1, limit + 1);
      PoDate replied = workdays_after (demo, received, took);
      g_autofree char *ref = g_strdup_printf ("%s%08u", complaint ? "TS" : "ZX", i + 1);

      if (replied > today)
        replied = PO_DATE_INVALID;

      sqlite3_bind_text (stmt, 1, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, g_array_index (demo->department_ids, gint64, d));
      bind_date (stmt, 4, received);
      bind_date (stmt, 5, replied);
      sqlite3_bind_text (stmt, 6, petition_subjects[s][1], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, channels[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (channels))], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, replied != PO_DATE_INVALID ? "已按规定答复当事人。" : "", -1, SQLITE_STATIC);
      /* Answered ones are closed a few days later, once the file is done. */
      {
        PoDate closed = replied != PO_DATE_INVALID ? workdays_after (demo, replied, g_rand_int_range (demo->rand, 0, 4))
                                                   : PO_DATE_INVALID;
        bind_date (stmt, 9, closed != PO_DATE_INVALID && closed <= today ? closed : PO_DATE_INVALID);
      }
      if (!po_database_step_done (demo->db, stmt, error))
        return FALSE;
      if (!tick (demo, error))
        return FALSE;
    }
  return TRUE;
}

static void
demo_item_clear (gpointer data)
{
  DemoItem *it = data;

  g_free (it->code);
}

/**
 * po_demo_generate:
 *
 * Fills an office with demo data in one transaction and computes its
 * deadlines. The office must have no departments yet.
 */
gboolean
po_demo_generate (PoDatabase           *db,
                  const PoDemoOptions  *options,
                  GCancellable         *cancellable,
                  PoProgressFunc        progress,
                  gpointer              user_data,
                  GError              **error)
{
  g_autoptr(PoCalendar) calendar = NULL;
  g_autoptr(GRand) rand = NULL;
  gint64 existing;
  Demo demo = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (PO_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (po_date_year (options->today) < PO_CALENDAR_FIRST_YEAR + 1)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_OUT_OF_RANGE,
                   _("Demo data needs a day from %d on"), PO_CALENDAR_FIRST_YEAR + 1);
      return FALSE;
    }

  existing = po_database_query_int (db, "SELECT count(*) FROM departments", error);
  if (existing < 0)
    return FALSE;
  if (existing > 0)
    {
      g_set_error (error, PO_ERROR, PO_ERROR_INVALID_INPUT,
                   _("The database already holds an office; demo data goes only into an empty one"));
      return FALSE;
    }

  calendar = po_database_get_calendar (db, error);
  if (calendar == NULL)
    return FALSE;
  rand = g_rand_new_with_seed (options->seed);

  demo.db = db;
  demo.calendar = calendar;
  demo.rand = rand;
  demo.options = options;
  demo.cancellable = cancellable;
  demo.progress = progress;
  demo.user_data = user_data;
  demo.work_total = options->items + options->cases + options->petitions;
  demo.department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo.department_tmpl = g_array_new (FALSE, FALSE, sizeof (guint));
  demo.department_region = g_array_new (FALSE, FALSE, sizeof (const char *));
  demo.items = g_array_new (FALSE, FALSE, sizeof (DemoItem));
  g_array_set_clear_func (demo.items, demo_item_clear);
  demo.pending = g_array_new (FALSE, FALSE, sizeof (DemoItem));
  g_array_set_clear_func (demo.pending, demo_item_clear);
  demo.pending_status = g_array_new (FALSE, FALSE, sizeof (const char *));

  /* A large office is one big transaction: keep its pages in memory
   * rather than spilling them to the WAL again and again. */
  if (!po_database_exec (db, "PRAGMA cache_size = -262144", error) ||
      !po_database_begin (db, error))
    goto out;

  if (!insert_departments (&demo, error) ||
      !insert_items (&demo, error) ||
      !insert_reviews (&demo, error) ||
      !insert_companions (&demo, error) ||
      !insert_cases (&demo, error) ||
      !insert_petitions (&demo, error) ||
      !po_deadlines_refresh_all (db, cancellable, NULL, NULL, error) ||
      !po_database_commit (db, error))
    {
      po_database_rollback (db);
      goto out;
    }

  if (progress)
    progress (1.0, user_data);
  ok = TRUE;

out:
  po_database_exec (db, "PRAGMA cache_size = -2000", NULL);
  g_array_unref (demo.department_ids);
  g_array_unref (demo.department_tmpl);
  g_array_unref (demo.department_region);
  g_array_unref (demo.items);
  g_array_unref (demo.pending);
  g_array_unref (demo.pending_status);
  return ok;
}
