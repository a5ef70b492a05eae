"""redteam_ad fixtures: REPORTS COPIED FROM NEW MEDIA AND MESSAGING (WeChat 公众号 article HTML and its copy-pasted
text, e-mail bodies with quoted replies and signatures, WeChat / DingTalk chat exports, Weibo long posts, 今日头条
pages, strikethrough corrections and revision notes) on complete 上海 / 福建 / 江苏 reports."""
import html as H
from core import *  # noqa
from lhelp import t2_21, t2_19, meta, t2_blank_keys
from fxm1 import tabs
from fxq import blocks, md
from spans import t2_spans, t3_spans, t4_spans, expand_first
import kprose as P

ZW = "\u200b"
STRIKE = "\u0336"


def datestr(pub):
    return f"{pub[:4]}年{int(pub[5:7])}月{int(pub[8:10])}日"


def mkblocks(tpl, year, ag, we, flavor, t3, seed, url, phone, pub, intro_ag=None, small=True, title=None, **kw):
    title = title or f"{ag}{year}年政府信息公开工作年度报告"
    return blocks(year, we, flavor, t3, tpl, seed, title=[title], small=small,
                  intro=P.std_intro(intro_ag or f"{ag}（以下简称“{we}”）", year, url, phone, tpl),
                  signoff=[ag, datestr(pub)], **kw)


def lines_of(b, tables, hfmt="{}", tfmt="{}", pfmt="{}", sfmt="{}"):
    """the report as a list of text chunks (a table is one multi-line chunk)."""
    out = []
    for blk in b:
        k = blk[0]
        if k in ("t2", "t3", "t4"):
            out.append(tables[k])
        elif k == "h":
            out.append(hfmt.format(P.heading(blk[1])))
        elif k == "title":
            out.append(tfmt.format(blk[1]))
        elif k == "sign":
            out.append(sfmt.format(blk[1]))
        else:
            out.append(pfmt.format(blk[1]))
    return out


def finish(name, ext, text, tpl, year, ag, region, level, shape, pub, t2, t3, t4, notes, seed=None, blanks=(), extra=None,
           t4_missing=False):
    tr = truth(meta(ag, region, year, level, shape, pub), tpl, t2, t3, t4, blanks=blanks,
               t2_blanks=t2_blank_keys(t2), notes=notes, extra=extra)
    if t4_missing:  # table 4 printed only as an image; the prose states every cell
        tr["table4"] = None
        d = dict(tr["derived"])
        for k in CASES:
            for r in RES:
                d[f"table4.{k}.{r}"] = t4[k][r]
        tr["derived"] = dict(sorted(d.items()))
    write(name, ext, text, tr)


def cells_lines(grid):
    return [c for r in grid for c in r if c != ""]


# ---------------------------------------------------------------- WeChat article HTML
WX_HEAD = ('<section data-tools="135编辑器" data-id="{id}" style="margin:16px 0 8px;text-align:left;">'
           '<section style="display:inline-block;border-bottom:2px solid #1e6fd9;padding:0 4px 2px;">'
           '<section style="background-color:#1e6fd9;color:#ffffff;padding:3px 12px;border-radius:3px;">'
           '<p style="margin:0;"><strong><span style="font-size:16px;letter-spacing:1px;">{t}</span></strong></p>'
           '</section></section></section>')
WX_P = ('<section style="margin:0 8px 12px;line-height:1.75em;text-indent:2em;"><span style="font-size:15px;'
        'color:#3f3f3f;letter-spacing:0.5px;font-family:微软雅黑;">{t}</span></section>')


def wx_table(rows, empty="<br>"):
    out = ['<section style="overflow-x:auto;max-width:100%;margin:8px 0;" data-tools="135编辑器" data-id="103">'
           '<table style="border-collapse:collapse;width:100%;" data-sort="sortDisabled"><tbody>']
    for row in rows:
        tds = []
        for c in row:
            a = ""
            if c["rs"] > 1:
                a += f' rowspan="{c["rs"]}"'
            if c["cs"] > 1:
                a += f' colspan="{c["cs"]}"'
            t = H.escape(c["t"], quote=False) if c["t"] != "" else empty
            tds.append(f'<td{a} valign="middle" style="border:1px solid #bfbfbf;padding:3px 4px;word-break:break-all;">'
                       f'<section style="text-align:center;line-height:1.5em;"><span style="font-size:12px;">{t}'
                       f'</span></section></td>')
        out.append('<tr style="background-color:#ffffff;">' + "".join(tds) + "</tr>")
    out.append("</tbody></table></section>")
    return "\n".join(out)


def wx_page(title, author, gzh, ptime, loc, body, extra_tail="", cover_alt="[图片]"):
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1.0,maximum-scale=1.0,user-scalable=0">
<meta property="og:title" content="{title}">
<meta property="og:type" content="article">
<meta property="twitter:creator" content="{gzh}">
<title>{title}</title>
<style>.rich_media_content{{overflow:hidden;color:#333;font-size:17px;}}</style>
</head>
<body id="activity-detail" class="zh_CN mm_appmsg not_in_mm">
<div id="js_article" class="rich_media">
<div class="rich_media_inner"><div id="page-content" class="rich_media_area_primary">
<div class="rich_media_area_primary_inner">
<h1 class="rich_media_title" id="activity-name">
{title}
</h1>
<div id="meta_content" class="rich_media_meta_list">
<span id="copyright_logo" class="wx_tap_link js_wx_tap_highlight rich_media_meta icon_appmsg_tag appmsg_title_tag">原创</span>
<span class="rich_media_meta rich_media_meta_text">{author}</span>
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" id="js_name">{gzh}</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">{ptime}</em>
<em id="js_ip_wording_wrp" class="rich_media_meta rich_media_meta_text">发表于<span id="js_ip_wording">{loc}</span></em>
</div>
<div class="rich_media_content js_underline_content autoTypeSetting24psection" id="js_content" style="visibility: visible;">
<section data-tools="135编辑器" data-id="86235" style="text-align:center;margin:0 0 12px;"><section style="display:inline-block;"><p style="margin:0;"><span style="color:#1e6fd9;font-size:14px;"><strong>点击蓝字</strong></span><span style="font-size:14px;color:#888888;"> 关注我们</span></p></section></section>
<p style="text-align:center;"><img class="rich_pages wxw-img" data-ratio="0.425" data-s="300,640" data-src="https://mmbiz.qpic.cn/mmbiz_png/kQx3Zb0cover/640?wx_fmt=png" data-type="png" data-w="1080" alt="{cover_alt}"></p>
{body}
<p style="text-align:center;"><img class="rich_pages wxw-img" data-src="https://mmbiz.qpic.cn/mmbiz_gif/kQx3Zb0qr/640?wx_fmt=gif" data-type="gif" alt="[图片]"></p>
<section style="text-align:center;"><span style="font-size:12px;color:#888888;">来源：{gzh}</span></section>
<section style="text-align:center;"><span style="font-size:12px;color:#888888;">编辑：{author}</span></section>
</div>
{extra_tail}<div class="rich_media_tool" id="js_toobar3">
<a id="js_view_source" href="javascript:void(0);">阅读原文</a>
<div id="js_read_area3" class="media_tool_meta tips_global meta_primary">阅读 <span id="readNum3">2,316</span></div>
<span class="media_tool_meta meta_extra" id="js_share_btn">分享</span>
<span class="media_tool_meta meta_extra" id="like3">在看 <span id="likeNum3">18</span></span>
<span class="media_tool_meta meta_extra" id="js_like_btn">赞 <span>41</span></span>
</div>
<div class="discuss_container" id="js_cmt_area"><div class="discuss_mod_title">写留言</div></div>
</div></div></div></div>
<script>var nickname = "{gzh}"; var ct = "1642995600"; var msg_title = "{title}";</script>
</body></html>
"""


def wx_body(b, tables, skip_title=True):
    out = []
    hid = 94710
    for blk in b:
        k = blk[0]
        if k in ("t2", "t3", "t4"):
            out.append(tables[k])
        elif k == "title":
            if not skip_title:
                out.append(WX_P.format(t=H.escape(blk[1], quote=False)))
        elif k == "h":
            hid += 1
            out.append(WX_HEAD.format(id=hid, t=P.heading(blk[1])))
        elif k == "sign":
            out.append(f'<section style="text-align:right;margin:0 8px;"><span style="font-size:15px;">'
                       f'{H.escape(blk[1], quote=False)}</span></section>')
        else:
            out.append(WX_P.format(t=H.escape(blk[1], quote=False)))
    return "\n".join(out)


def wx_tables(tpl, t2, t3, t4):
    return {"t2": wx_table(t2_spans(tpl, t2)), "t3": wx_table(t3_spans(tpl, t3)), "t4": wx_table(t4_spans(t4))}


# ---------------------------------------------------------------- AD01 上海 徐汇区人民政府: WeChat article HTML
def ad01():
    tpl, year, seed, pub = "2021", 2022, 9501, "2023-01-20"
    ag = "上海市徐汇区人民政府"
    t3 = gen_t3(seed, tpl, scale=1.4)
    t2 = t2_21(norm=(3, 2, 46), lic=1873, pen=264, coe=5, fee=0)
    t4 = mk_t4({"admin_review": (4, 1, 0, 1), "litigation_direct": (2, 0, 1, 0), "litigation_after_review": (1, 0, 0, 0)})
    b = mkblocks(tpl, year, ag, "区政府", "sh", t3, seed, "https://www.xuhui.gov.cn", "021-64872222", pub,
                 intro_ag="上海市徐汇区人民政府办公室", small=False)
    title = f"{ag}{year}年政府信息公开工作年度报告"
    body = wx_body(b, wx_tables(tpl, t2, t3, t4))
    text = wx_page(title, "区政务公开办", "上海徐汇", "2023-01-28 18:30", "上海", body)
    finish("sh_district_gov_wechat_article_html_rich_media_sections_xuhui_2022", "html", text, tpl, year, ag,
           ["上海市", None, "徐汇区"], "county", "wechat-html", pub, t2, t3, t4,
           "WeChat 公众号 article saved as HTML (mp.weixin.qq.com layout): `rich_media_title` h1, a meta line with "
           "原创 / author 区政务公开办 / 公众号 上海徐汇 / publish time 2023-01-28 18:30 / 发表于上海, then "
           "`#js_content` (rich_media_content) holding 135编辑器 `data-tools` sections: 点击蓝字 关注我们, a cover "
           "`<img alt=\"[图片]\">`, every paragraph a `<section style=…><span style=…>` and every heading three nested "
           "sections. The three tables are `<table>` inside a `<section style=\"overflow-x:auto\">`, rowspan/colspan "
           "as in the form, each cell `<td><section><span>v</span></section></td>`, empty label cells `<br>`. After "
           "the content: 来源/编辑 lines, 阅读原文, 阅读 2,316, 分享, 在看 18, 赞 41, 写留言, and a script with "
           "nickname/ct. published_date is the report's sign-off (2023-01-20), not the repost time. 2021 form, "
           "规章 row blank (null).", seed)


# ---------------------------------------------------------------- AD02 福建 福清市人民政府: WeChat article copy-pasted as text
def ad02():
    tpl, year, seed, pub = "2019", 2020, 9502, "2021-01-25"
    ag = "福清市人民政府"
    t3 = gen_t3(seed, tpl, scale=1.0)
    t2 = t2_19(rules=(0, 0, 0), norm=(2, 2, 31), lic=(58, 3, 912), oth=(6, 0, 77), pen=(31, -2, 406),
               coe=(4, 0, 12), fees=(3, 0), proc=(14, 392.6))
    t4 = mk_t4({"admin_review": (2, 0, 1, 0), "litigation_direct": (1, 0, 0, 0)})
    b = mkblocks(tpl, year, ag, "市政府", "fj", t3, seed, "http://www.fuqing.gov.cn", "0591-85223000", pub,
                 intro_ag="福清市人民政府办公室")

    def zcell(c):
        # a WeChat table copied on a phone: every cell on its own line, zero-width spaces around some cells
        return ZW + c if c.isdigit() and len(c) > 1 else c
    tabl = {k: "\n".join(zcell(c) for c in cells_lines(expand_first(sp)))
            for k, sp in (("t2", t2_spans(tpl, t2)), ("t3", t3_spans(tpl, t3)), ("t4", t4_spans(t4)))}
    ch = lines_of(b, tabl, hfmt="▲{}", tfmt="{}")
    bullets = ["●", "✅", "●", "✅", "●"]
    out, i = [], 0
    for s in ch:
        if s.startswith("（") and s[1] in "一二三四五" and s[2] == "）":
            s = bullets[i % 5] + s; i += 1
        out.append(s.replace("。", "。" + ZW, 1))
    head = ["福清发布", "2021-01-29 17:45", "福清市融媒体中心", ""]
    tail = ["", "[图片]", "", "来源：福清市人民政府办公室", "编辑：林晓", "审核：陈敏", "", "阅读原文", "", "阅读 1406",
            "分享", "收藏", "在看 9", "赞 23", "", "写留言"]
    text = "\n".join(head + out + tail) + "\n"
    finish("fj_county_city_gov_wechat_copied_text_cell_per_line_zwsp_emoji_fuqing_2020", "txt", text, tpl, year, ag,
           ["福建省", "福州市", "福清市"], "county", "wechat-copied-text", pub, t2, t3, t4,
           "The same kind of WeChat article copy-pasted from the phone app as text. Before the title: the 公众号 "
           "name (福清发布), the publish time 2021-01-29 17:45 and the 融媒体中心 account line. Section headings carry "
           "▲, the sub-paragraphs ●/✅; zero-width spaces (U+200B) follow the first 。 of every paragraph and precede "
           "every multi-digit table number. Every table cell is on its own line, merged label cells once, in "
           "reading order (table 3: header cells, then per row its labels then its 7 numbers). Every number is "
           "printed (规章 printed 0 0 0), so every cell is recoverable by counting. After the sign-off: [图片], "
           "来源/编辑/审核 lines, 阅读原文, 阅读 1406, 分享, 收藏, 在看 9, 赞 23, 写留言. 2019 form.", seed)


def quote(text, pfx="> "):
    return "\n".join(pfx + l if l else pfx.rstrip() for l in text.split("\n"))


def flow_wrap(line, width=72):
    """format=flowed style wrap at spaces only (a long line keeps a trailing space on each broken part)."""
    if len(line) <= width or " " not in line:
        return [line]
    out, cur = [], ""
    for w in line.split(" "):
        if cur and len(cur) + 1 + len(w) > width:
            out.append(cur + " ")
            cur = w
        else:
            cur = w if not cur else cur + " " + w
    out.append(cur)
    return out


def spaced(grid):
    return "\n".join(" ".join(c for c in r if c) for r in grid)


# ---------------------------------------------------------------- AD03 江苏 吴江区教育局: e-mail reply, report quoted with "> "
def ad03():
    tpl, year, seed, pub = "2021", 2021, 9503, "2022-01-18"
    ag = "苏州市吴江区教育局"
    t3 = gen_t3(seed, tpl, scale=0.9)
    t2 = t2_21(norm=(2, 1, 17), lic=86, pen=3, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    b = mkblocks(tpl, year, ag, "区教育局", "js", t3, seed, "http://www.wujiang.gov.cn", "0512-63982000", pub)
    rep = "\n".join(lines_of(b, {"t2": tabs(t2_grid(tpl, t2)), "t3": tabs(t3_grid(tpl, t3)),
                                 "t4": tabs(t4_grid(t4))}))
    n = t3["new_received"]["total"]
    top = ["王老师：", "", f"    报告收到，已转政务公开科审核。表三“本年新收”{n}件与省平台依申请公开系统一致，其余数据请以定稿为准。"
           "审核意见明天上午前反馈。", "", "顺颂", "商祺", "", "——————————", "张  伟",
           "苏州市吴江区人民政府办公室  政务公开科", "地址：苏州市吴江区中山南路1979号", "电话：0512-63982100",
           "邮箱：zwgk@wujiang.gov.cn", "", "", "-----原始邮件-----", "发件人: \"王建华\" <wjh_jyj@wujiang.gov.cn>",
           "发送时间: 2022年1月17日(星期一) 下午4:36", "收件人: \"吴江区政务公开办\" <zwgk@wujiang.gov.cn>",
           "抄送: \"办公室\" <bgs_jyj@wujiang.gov.cn>", f"主题: 报送：{ag}{year}年政府信息公开工作年度报告（定稿）", ""]
    orig = ["张科长您好！", "", f"    现将{ag}{year}年政府信息公开工作年度报告（定稿）报送审核，正文如下，附件同。", "", rep, "",
            "王建华", "苏州市吴江区教育局办公室", "电话：0512-63982311"]
    text = "\n".join(top) + "\n" + quote("\n".join(orig)) + "\n"
    finish("js_district_bureau_email_reply_quoted_report_signature_other_body_wujiang_jyj_2021", "txt", text, tpl,
           year, ag, ["江苏省", "苏州市", "吴江区"], "department", "email-quoted", pub, t2, t3, t4,
           "An e-mail reply saved as text. The top part is the reviewer's reply (names table 3's 本年新收 total, which "
           "agrees with the table) and a signature block of ANOTHER body (苏州市吴江区人民政府办公室 政务公开科, its "
           "address, phone 0512-63982100, address number 1979). Then `-----原始邮件-----` and its 发件人/发送时间/"
           "收件人/抄送/主题 headers; the subject names the report. The whole original message, report included, is "
           "quoted: every line starts with `> ` (empty lines are `>`), tables are TSV after the prefix. The report is "
           "the 区教育局's: agency from its title, 编制 sentence and sign-off, not the signature. 2021 form, 规章 "
           "blank.", seed)


# ---------------------------------------------------------------- AD04 上海 陆家嘴街道: WeChat group chat export, chunks after "张三 10:32"
def ad04():
    tpl, year, seed, pub = "2019", 2019, 9504, "2020-01-22"
    ag = "上海市浦东新区陆家嘴街道办事处"
    t3 = gen_t3(seed, tpl, scale=0.6, orgs=False)
    t2 = t2_19(rules=(0, 0, 0), norm=(0, 0, 0), lic=(0, 0, 0), oth=(3, 0, 41), pen=(0, 0, 0), coe=(0, 0, 0),
               fees=(0, 0), proc=(2, 36.5))
    t4 = mk_t4({"admin_review": (0, 0, 1, 0)})
    b = mkblocks(tpl, year, ag, "本街道", "sh", t3, seed, "https://www.pudong.gov.cn", "021-58878000", pub,
                 intro_ag=ag)
    g3 = t3_grid(tpl, t3)
    chunks = lines_of(b, {"t2": "@@T2", "t3": "@@T3", "t4": "@@T4"})
    msgs = []
    t = [10, 32]

    def stamp():
        s = f"{t[0]}:{t[1]:02d}"
        t[1] += 1
        if t[1] >= 60:
            t[0] += 1; t[1] -= 60
        return s
    msgs.append(("李晓燕", ["@张三 陆家嘴的年报终稿发群里吧，今天下班前要报区政务公开办。"]))
    cur = []
    for c in chunks:
        if c.startswith("@@"):
            if cur:
                msgs.append(("张三", cur)); cur = []
            if c == "@@T2":
                msgs.append(("张三", [tabs(t2_grid(tpl, t2))]))
                msgs.append(("李晓燕", ["表二收到", "[强]"]))
            elif c == "@@T3":
                msgs.append(("张三", ["表三分两次发，先发前半张", tabs(g3[:3 + 10])]))
                msgs.append(("王敏", ["（三）下面还有吗"]))
                msgs.append(("张三", [tabs(g3[3 + 10:])]))
                msgs.append(("王敏", [f"好的，总计{t3['total_processed']['total']}件对上了👌"]))
            else:
                msgs.append(("张三", [tabs(t4_grid(t4))]))
        else:
            cur.append(c)
            if len(cur) >= 3:
                msgs.append(("张三", cur)); cur = []
    if cur:
        msgs.append(("张三", cur))
    msgs.append(("李晓燕", ["收到，辛苦了🌹", "我转给区里"]))
    out = ["群聊：陆家嘴街道政务公开工作群", "—————  2020-01-22  —————", ""]
    for who, parts in msgs:
        out.append(f"{who} {stamp()}")
        out += parts
        out.append("")
    text = "\n".join(out)
    finish("sh_street_office_wechat_group_chat_export_sender_time_lines_lujiazui_2019", "txt", text, tpl, year, ag,
           ["上海市", None, "浦东新区", "陆家嘴街道"], "township", "chat-export", pub, t2, t3, t4,
           "A WeChat group chat exported as text (群聊 name, a date divider). Every message starts with a `name "
           "HH:MM` line (李晓燕 10:32, 张三 10:33 …); 张三 pastes the report in chunks of up to three paragraphs, then "
           "table 2 (TSV) in one message, table 3 in TWO messages (the three header rows and first ten data rows, "
           "then — after 王敏's question `（三）下面还有吗` — the remaining rows with no header), then table 4. Other "
           "members' messages sit between the chunks (表二收到, [强], emoji, a remark quoting the 总计 which agrees "
           "with the table). A reader drops the chat lines and joins the two halves of table 3. 2019 form, small "
           "street office, no organisation applicants.", seed)


APPL = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def t3_as_lines(tpl, t3, sep="｜", kv="{}{}"):
    out = []
    grp = ""
    for code, l0, l1, l2 in t3_rows(tpl):
        if l1:
            grp = l1
        lab = l0 if l0 and not l1 else (f"{grp}{l2}" if l2 else l1)
        out.append(lab + "：" + sep.join(kv.format(a, fmt(t3[code][c])) for a, c in zip(APPL, COLS)))
    return out


def t2_as_lines(tpl, t2):
    out = []
    for head, hdr, items, metrics in t2_spec(tpl):
        for code, lab in items:
            out.append(f"{lab}：" + "，".join(f"{h}{fmt(t2[code][m])}" for h, m in zip(hdr[1:], metrics)
                                             if t2[code][m] is not None))
    return out


def t4_as_lines(t4):
    nm = {"admin_review": "行政复议", "litigation_direct": "行政诉讼（未经复议直接起诉）",
          "litigation_after_review": "行政诉讼（复议后起诉）"}
    rl = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return [f"{nm[k]}：" + "，".join(f"{a}{t4[k][r]}" for a, r in zip(rl, RES)) for k in CASES]


# ---------------------------------------------------------------- AD05 江苏 南京 鼓楼区人民政府: Weibo long post, rows written as lines
def ad05():
    tpl, year, seed, pub = "2019", 2020, 9505, "2021-01-29"
    ag = "南京市鼓楼区人民政府"
    t3 = gen_t3(seed, tpl, scale=1.1)
    t2 = t2_19(rules=(0, 0, 0), norm=(4, 4, 57), lic=(73, 2, 1395), oth=(11, 0, 208), pen=(46, -3, 517),
               coe=(7, 0, 22), fees=(4, -1), proc=(19, 708.35))
    t4 = mk_t4({"admin_review": (3, 1, 0, 0), "litigation_direct": (2, 0, 0, 1)})
    b = mkblocks(tpl, year, ag, "区政府", "js", t3, seed, "http://www.njgl.gov.cn", "025-83213000", pub,
                 intro_ag="南京市鼓楼区人民政府办公室")
    tabl = {"t2": "\n".join(["【表二 主动公开政府信息情况】"] + t2_as_lines(tpl, t2)),
            "t3": "\n".join(["【表三 收到和处理政府信息公开申请情况】（单位：件）"] + t3_as_lines(tpl, t3)),
            "t4": "\n".join(["【表四 政府信息公开行政复议、行政诉讼情况】（单位：件）"] + t4_as_lines(t4))}
    ch = lines_of(b, tabl, tfmt="【{}】", hfmt="{}")
    head = ["南京鼓楼发布", "V", "21-1-30 09:12 来自 微博 weibo.com 已编辑", "",
            f"#政务公开# #鼓楼区{year}年政府信息公开年报# " + ch[0] + " @南京发布 @江苏发布 @鼓楼区政务服务 微博头条文章不支持表格，"
            "三张统计表按行文字列出👇"]
    body = ch[1:]
    k = len(body) // 3
    body = body[:k] + ["展开全文c"] + body[k:]
    tail = ["", "#南京鼓楼# #政府信息公开#", "收起全文d", "", "南京鼓楼发布的微博视频", "", "转发 37", "评论 12", "赞 86", "",
            "热门评论", "鼓楼小王：依申请公开每年都有进步，点赞👍 1-30 10:02 来自 iPhone客户端 赞 5",
            "江苏网友_2021：去年新收多少件来着？ 1-30 11:18 赞 0"]
    text = "\n".join(head + body + tail) + "\n"
    finish("js_district_gov_weibo_long_post_topics_mentions_rows_as_text_gulou_nanjing_2020", "txt", text, tpl, year,
           ag, ["江苏省", "南京市", "鼓楼区"], "county", "weibo-long-post", pub, t2, t3, t4,
           "A Weibo long post saved as text: account name, V badge, `21-1-30 09:12 来自 微博 weibo.com 已编辑`, then "
           "one line of #话题# tags, the title in 【】, @mentions (@南京发布 @江苏发布 @鼓楼区政务服务) and a note that "
           "Weibo has no tables. `展开全文c` sits inside section 一; the end has tags, 收起全文d, 转发 37 / 评论 12 / "
           "赞 86 and two comments. The tables are written out as lines: table 2 `行政许可：上一年项目数量73，本年增/减"
           "2，处理决定数量1395`; table 3 one line per row `（三）不予公开1.属于国家秘密：自然人0｜商业企业0｜…｜总计0` "
           "(group label glued to the sub-row label, applicant names before each number); table 4 one line per "
           "case `行政复议：结果维持3，结果纠正1，…`. 本年增/减 values -3 and -1 are printed `-3`/`-1`. 2019 form; "
           "every cell printed. 南京市鼓楼区 (not 福州/徐州/开封).", seed)


def set_cell(grid, first, col, s):
    for r in grid:
        if first in r:
            r[col] = s
            return
    raise KeyError(first)


# ---------------------------------------------------------------- AD06 福建 厦门 思明区政府办: markdown ~~strikethrough~~ corrections, 更正 notes
def ad06():
    tpl, year, seed, pub = "2021", 2022, 9506, "2023-01-16"
    ag = "厦门市思明区人民政府办公室"
    t3 = gen_t3(seed, tpl, scale=1.0)
    t2 = t2_21(norm=(1, 0, 12), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (2, 0, 1, 0), "litigation_direct": (1, 0, 0, 0)})
    n = t3["new_received"]["total"]
    np_ = t3["new_received"]["natural_person"]
    b = mkblocks(tpl, year, ag, "区政府办", "fj", t3, seed, "http://www.siming.gov.cn", "0592-2186000", pub)
    b = [(blk[0], blk[1].replace(f"新收政府信息公开申请{n}件", f"新收政府信息公开申请{n}件（更正：原为{n - 1}件）"))
         + blk[2:] if blk[0] == "p" and isinstance(blk[1], str) else blk for blk in b]
    g3 = t3_grid(tpl, t3)
    set_cell(g3, "一、本年新收政府信息公开申请数量", 3, f"~~{np_ - 1}~~ {np_}")
    set_cell(g3, "一、本年新收政府信息公开申请数量", 9, f"~~{n - 1}~~ {n}")
    g4 = t4_grid(t4)
    g4[3][0] = f"~~1~~ {t4['admin_review']['upheld']}"
    g4[3][4] = f"~~2~~ {t4['admin_review']['total']}"
    g2 = t2_grid(tpl, t2)
    set_cell(g2, "行政规范性文件", 3, f"~~11~~ {t2['normative_documents']['in_force']}")
    note = (f"> **更正说明**（2023年1月30日）：本报告1月16日发布稿中，表三“一、本年新收政府信息公开申请数量”的“自然人”"
            f"“总计”两栏分别误为{np_ - 1}件、{n - 1}件，表四“行政复议”的“结果维持”“总计”分别误为1件、2件，"
            f"表二“行政规范性文件”现行有效件数误为11件，现已更正，删除线为原数据。特此说明。")
    tables = {"t2": md(g2), "t3": md(g3), "t4": md(g4)}
    ch = lines_of(b, tables, tfmt="# {}", hfmt="## {}")
    ch = ch[:1] + [note] + ch[1:]
    text = "\n\n".join(ch) + "\n"
    finish("fj_district_office_md_strikethrough_corrections_gengzheng_note_siming_xiamen_2022", "md", text, tpl, year,
           ag, ["福建省", "厦门市", "思明区"], "department", "md-strikethrough", pub, t2, t3, t4,
           "Markdown (a corrected re-post, as a 公众号 editor or a markdown note app keeps it). Under the title a "
           "blockquote 更正说明 lists the corrected cells; in the tables each corrected cell prints the struck old "
           f"value and the new one: table 3 本年新收 自然人 `~~{np_ - 1}~~ {np_}` and 总计 `~~{n - 1}~~ {n}`, table 4 "
           f"行政复议 结果维持 `~~1~~ {t4['admin_review']['upheld']}` and 总计 `~~2~~ {t4['admin_review']['total']}`, "
           f"table 2 行政规范性文件 现行有效 `~~11~~ {t2['normative_documents']['in_force']}`. The 依申请公开 "
           f"paragraph says `新收政府信息公开申请{n}件（更正：原为{n - 1}件）`. Truth is the corrected value (a struck "
           "number is not the value); the corrected values satisfy every identity, the struck ones do not. "
           "2021 form; 规章 blank.", seed)


# ---------------------------------------------------------------- AD07 福建 漳浦县人民政府: 今日头条 article page as text
def ad07():
    tpl, year, seed, pub = "2021", 2021, 9507, "2022-01-24"
    ag = "漳浦县人民政府"
    t3 = gen_t3(seed, tpl, scale=0.8)
    t2 = t2_21(norm=(2, 1, 23), lic=648, pen=117, coe=2, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 1)})
    b = mkblocks(tpl, year, ag, "县政府", "fj", t3, seed, "http://www.zhangpu.gov.cn", "0596-3223000", pub,
                 intro_ag="漳浦县人民政府办公室")
    tables = {"t2": tabs(t2_grid(tpl, t2)),
              "t3": "\n".join(["广告", "漳浦县城东新区 · 海景住宅", "限时特惠 首付15万起 总价89万 户型建面98-126㎡", "立即咨询",
                               "", tabs(t3_grid(tpl, t3))]),
              "t4": tabs(t4_grid(t4))}
    ch = lines_of(b, tables)
    head = ["首页", "下载头条", "登录", "", ch[0], "", "漳浦发布", "2022-01-26 16:40·漳浦县融媒体中心官方账号", "关注", ""]
    body = ch[1:]
    k = len(body) // 2
    body = body[:k] + ["", "展开全文", ""] + body[k:]
    tail = ["", "本文为头条号作者原创。未经授权，不得转载。", "", "举报", "", "评论 3", "收藏", "分享", "", "相关推荐",
            "云霄县人民政府2021年政府信息公开工作年度报告 新收申请87件，办结84件 云霄发布 126评论",
            "东山县2021年政府信息公开年报发布：主动公开信息5612条 东山发布 18评论",
            "漳州市2021年依申请公开同比增长12.5%，行政复议3件 闽南日报 4评论", "", "全部评论 3",
            "浦南人：数据很清楚，政务公开越做越好 1年前 赞 2"]
    text = "\n".join(head + body + tail) + "\n"
    finish("fj_county_gov_toutiao_page_ad_block_in_table3_related_reports_zhangpu_2021", "txt", text, tpl, year, ag,
           ["福建省", "漳州市", "漳浦县"], "county", "toutiao-page", pub, t2, t3, t4,
           "A 今日头条 (Toutiao) article page saved as text: 首页/下载头条/登录, the title, the 头条号 漳浦发布 and "
           "`2022-01-26 16:40·漳浦县融媒体中心官方账号`, 关注. `展开全文` is inserted in the middle of the body. "
           "Under heading 三, an in-feed advert block (广告, a housing ad with 15万, 89万, 98-126㎡) comes between the "
           "heading and table 3. Tables are TSV. After the sign-off: the 头条号 copyright line, 举报, 评论 3, 收藏, "
           "分享, then 相关推荐 with three OTHER reports' headlines carrying numbers (云霄县 新收申请87件, 东山县, "
           "漳州市 行政复议3件) and a comment. None of those are this report's cells. 2021 form, 规章 blank.", seed)


# ---------------------------------------------------------------- AD08 江苏 常州 新北区卫健局: DingTalk chat export, recalled message, quoted reply
def ad08():
    tpl, year, seed, pub = "2021", 2023, 9508, "2024-01-19"
    ag = "常州市新北区卫生健康局"
    t3 = gen_t3(seed, tpl, scale=0.7)
    t2 = t2_21(rules=(0, 0, 0), norm=(1, 2, 9), lic=2316, pen=184, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 1, 0)})
    b = mkblocks(tpl, year, ag, "区卫健局", "js", t3, seed, "http://www.cznd.gov.cn", "0519-85127000", pub)
    g3 = t3_grid(tpl, t3)
    ch = lines_of(b, {"t2": "@@T2", "t3": "@@T3", "t4": "@@T4"})
    sec = [0, 15, 9]

    def ts():
        s = f"2024-01-19 {sec[0] + 14:02d}:{sec[1]:02d}:{sec[2]:02d}"
        sec[2] += 37
        if sec[2] >= 60:
            sec[2] -= 60; sec[1] += 1
        return s
    me = "周颖(新北区卫健局)"
    msgs = [("顾建国(新北区政务公开办)", ["@周颖 卫健局年报今天发群里，钉盘里那个是旧版"]),
            (me, ["[文件] 新北区卫健局2023年政府信息公开工作年度报告（定稿）.docx 356KB"]),
            (me, ["怕大家手机打不开，正文直接贴这里"])]
    cur = []
    for c in ch:
        if c.startswith("@@"):
            if cur:
                msgs.append((me, cur)); cur = []
            if c == "@@T2":
                msgs.append((me, [tabs(t2_grid(tpl, t2))]))
            elif c == "@@T3":
                msgs.append((me, ["撤回了一条消息"]))
                msgs.append((me, ["表三（1/2）", tabs(g3[:3 + 13])]))
                msgs.append((me, ["表三（2/2）", tabs(g3[3 + 13:])]))
                msgs.append(("顾建国(新北区政务公开办)",
                             ["回复 周颖：表三（1/2）", f"“（一）予以公开”自然人{t3['granted']['natural_person']}件，"
                              "和系统导出的一致吗？"]))
                msgs.append((me, ["一致的，已核对[OK]"]))
            else:
                msgs.append((me, ["表四", tabs(t4_grid(t4))]))
        else:
            cur.append(c)
            if len(cur) >= 4:
                msgs.append((me, cur)); cur = []
    if cur:
        msgs.append((me, cur))
    msgs.append(("顾建国(新北区政务公开办)", ["收到，2人已读"]))
    out = ["新北区政务公开联络群 聊天记录", "导出时间：2024-01-20 08:30:11", ""]
    for who, parts in msgs:
        out.append(f"{who}  {ts()}")
        if parts == ["撤回了一条消息"]:
            out[-1] = f"{who}  撤回了一条消息  {out[-1].split('  ')[1]}"
        else:
            out += parts
            out.append("[已读]")
        out.append("")
    text = "\n".join(out)
    finish("js_district_bureau_dingtalk_export_recalled_message_reply_quote_xinbei_wjj_2023", "txt", text, tpl, year,
           ag, ["江苏省", "常州市", "新北区"], "department", "dingtalk-export", pub, t2, t3, t4,
           "A DingTalk (钉钉) group chat exported as text: `name(单位)  YYYY-MM-DD HH:MM:SS` before each message, "
           "`[已读]` after it, a `[文件] ….docx 356KB` attachment line, and a `撤回了一条消息` line where the first "
           "table-3 paste was recalled. 周颖 pastes the report in chunks of up to four paragraphs; table 2 (TSV, "
           "规章 printed 0 0 0) in one message; table 3 in two messages `表三（1/2）` (header rows + first 13 data "
           "rows) and `表三（2/2）` (the rest, no header); then a reply `回复 周颖：表三（1/2）` quoting the 予以公开 "
           "自然人 count (it agrees); table 4 after a `表四` line. The group name and the sender tag name 新北区政务公开办, "
           "not the author. 2021 form, year 2023.", seed)


# ---------------------------------------------------------------- AD09 上海 静安区卫健委: WeChat HTML, table 4 only an image, 往期回顾
def ad09():
    tpl, year, seed, pub = "2019", 2020, 9509, "2021-01-27"
    ag = "上海市静安区卫生健康委员会"
    t3 = gen_t3(seed, tpl, scale=0.9)
    t2 = t2_19(norm=(1, 1, 8), lic=(212, 6, 3871), oth=(9, 0, 126), pen=(64, 2, 539), coe=(3, 0, 4), fees=(0, 0),
               proc=(6, 148.7))
    t4 = mk_t4({"admin_review": (1, 0, 0, 0), "litigation_direct": (0, 0, 0, 1)})
    rs = ("本年度共发生政府信息公开行政复议1件，结果维持，无结果纠正、其他结果或尚未审结的复议案件；未经复议直接起诉的"
          "行政诉讼1件，尚未审结；无复议后起诉的案件。具体情况见下图。")
    b = mkblocks(tpl, year, ag, "区卫生健康委", "sh", t3, seed, "https://www.jingan.gov.cn", "021-33372000", pub,
                 review_sentence=rs)
    img = ('<p style="text-align:center;"><img class="rich_pages wxw-img" data-ratio="0.31" data-src="https://mmbiz.'
           'qpic.cn/mmbiz_png/jA9t4table/640?wx_fmt=png" data-type="png" data-w="1080" alt="[图片]"></p>')
    tables = wx_tables(tpl, t2, t3, t4)
    tables["t4"] = img
    body = wx_body(b, tables)
    tail = ('<div class="rich_media_area_extra"><section><p><strong>往期回顾</strong></p>'
            '<p><a href="https://mp.weixin.qq.com/s/old2019">静安区卫生健康委2019年政府信息公开工作年度报告：全年新收申请'
            '29件，行政复议2件</a></p><p><a href="https://mp.weixin.qq.com/s/flu">静安区2020年流感疫苗接种点一览（共38个）</a></p>'
            '<p><a href="https://mp.weixin.qq.com/s/zw">政务公开│2020年第三季度行政许可决定公开3871件</a></p></section></div>\n')
    text = wx_page(f"{ag}{year}年政府信息公开工作年度报告", "健康静安编辑部", "健康静安", "2021-02-03 17:00", "上海",
                   body, extra_tail=tail)
    finish("sh_district_commission_wechat_html_table4_image_only_prose_wangqi_huigu_jingan_wjw_2020", "html", text,
           tpl, year, ag, ["上海市", None, "静安区"], "department", "wechat-html", pub, t2, t3, t4,
           "WeChat 公众号 (健康静安) article HTML, 2019 form, as in ad01 (rich_media_content, 135编辑器 sections, "
           "tables in sections, 点击蓝字关注我们, 阅读原文/分享/在看). Table 4 is NOT a table: the article shows it as "
           "an `<img alt=\"[图片]\">` (editors often screenshot the last table). Section 四's sentence states every "
           "case outright (复议1件 维持; 直接起诉1件 尚未审结; no 复议后起诉), so table4 is null and all 15 cells are "
           "derived from the prose. After the content a 往期回顾 list links last year's report (新收申请29件, 行政复议2件) "
           "and another post with 3871 (equal to this year's 行政许可 处理决定数量 by design). Table 2 规章 blank.",
           seed, t4_missing=True)


# ---------------------------------------------------------------- AD10 江苏 无锡 惠山区人民政府: forwarded e-mail, "> > " quoting, flowed wrap
def ad10():
    tpl, year, seed, pub = "2019", 2019, 9510, "2020-01-21"
    ag = "无锡市惠山区人民政府"
    t3 = gen_t3(seed, tpl, scale=1.0)
    t2 = t2_19(rules=(0, 0, 0), norm=(3, 3, 29), lic=(66, 1, 1207), oth=(8, 0, 93), pen=(35, 0, 288),
               coe=(5, -1, 17), fees=(2, 0), proc=(16, 512.8))
    t4 = mk_t4({"admin_review": (2, 1, 0, 0), "litigation_direct": (1, 0, 1, 0)})
    b = mkblocks(tpl, year, ag, "区政府", "js", t3, seed, "http://www.huishan.gov.cn", "0510-83590000", pub,
                 intro_ag="无锡市惠山区人民政府办公室")
    rep = lines_of(b, {"t2": spaced(t2_grid(tpl, t2)), "t3": spaced(t3_grid(tpl, t3)), "t4": spaced(t4_grid(t4))})
    wrapped = []
    for chunk in rep:
        for l in chunk.split("\n"):
            wrapped += flow_wrap(l, 30)
    inner = ["惠山区政府办：", "", "    附件为贵区年报终稿的正文，表格已转为文本，请核对。", "", "\n".join(wrapped), "", "--",
             "惠山区人民政府办公室  政务公开科"]
    mid = ["", "-----原始邮件-----", "发件人: \"惠山区政务公开科\" <hszwgk@huishan.gov.cn>", "发送时间: 2020年1月21日 15:02",
           "收件人: \"无锡市政务公开处\" <zwgkc@wuxi.gov.cn>", f"主题: {ag}{year}年政府信息公开工作年度报告", ""]
    top = ["各位：", "", f"    转发{ag}年报，请各区参照格式于1月25日前报送。全市12个板块中已报送7个。", "", "陈  静",
           "无锡市人民政府办公室  政务公开处", "电话：0510-81822000", "", "", "-----原始邮件-----",
           "发件人: \"陈静\" <chenj@wuxi.gov.cn>", "发送时间: 2020年1月22日 9:15",
           "收件人: 各区政务公开科", f"主题: 转发: {ag}{year}年政府信息公开工作年度报告", ""]
    text = "\n".join(top) + "\n" + quote("\n".join(mid[1:]) + "\n" + quote("\n".join(inner)), "> ") + "\n"
    finish("js_district_gov_forwarded_email_double_quoted_flowed_wrap_huishan_wuxi_2019", "txt", text, tpl, year, ag,
           ["江苏省", "无锡市", "惠山区"], "county", "email-forwarded", pub, t2, t3, t4,
           "A forwarded e-mail saved as text: the 市政府办公室 政务公开处's note (its own signature block, `全市12个"
           "板块中已报送7个`, a deadline 1月25日), `-----原始邮件-----` headers, then the forwarded message quoted "
           "with `> `, whose own body (the 区 office's covering note and the report) is quoted again, so the report "
           "lines start `> > `. The tables were converted to text with single spaces between cells, and the mail "
           "client wrapped every line longer than 30 characters at a space (format=flowed: the broken part keeps a "
           "trailing space). So long table rows run over two or three quoted lines, e.g. 部分公开's label and four "
           "numbers, then the other three numbers on the next line; header rows wrap too. Prose has no spaces and "
           "is not wrapped. Every cell is recoverable (each table-3 row has 7 numbers). 2019 form.", seed)


def struck(old):
    return "".join(ch + STRIKE for ch in str(old))


# ---------------------------------------------------------------- AD11 上海 松江 泗泾镇: WeChat copied text, （下转第2页）, ZWSP inside numbers
def ad11():
    tpl, year, seed, pub = "2021", 2021, 9511, "2022-01-21"
    ag = "上海市松江区泗泾镇人民政府"
    t3 = gen_t3(seed, tpl, scale=0.6, orgs=False)
    t2 = t2_21(norm=(0, 1, 4), lic=0, pen=1206, coe=13, fee=0)
    t4 = mk_t4({"litigation_direct": (1, 0, 0, 0)})
    b = mkblocks(tpl, year, ag, "本镇", "sh", t3, seed, "https://www.songjiang.gov.cn", "021-57619000", pub,
                 intro_ag=ag)
    g2 = t2_grid(tpl, t2)
    set_cell(g2, "行政处罚", 1, "1" + ZW + "206")
    g3 = t3_grid(tpl, t3)
    k = 3 + 12
    t3txt = tabs(g3[:k]) + "\n（下转第2页）\n\n[图片]\n\n（上接第1页）\n" + tabs(g3[k:])
    ch = lines_of(b, {"t2": tabs(g2), "t3": t3txt, "t4": tabs(t4_grid(t4))}, hfmt="✅{}")
    out = []
    for s in ch:
        if s.startswith("（") and s[1] in "一二三四五" and s[2] == "）":
            s = "▲" + s
        out.append(ZW + s if not s.startswith("✅") else s)
    head = ["魅力泗泾", "2022-01-28 08:05", "上海", "", "👆点击上方蓝字“魅力泗泾”关注我们", ""]
    tail = ["", "END", "", "来源：泗泾镇党政办", "编辑：沈佳", "", "🌟 往期推荐 🌟", "泗泾镇2022年第1期“泗泾好人”名单公布（共12人）",
            "松江区2021年12月空气质量优良天数29天", "", "阅读原文", "喜欢此内容的人还喜欢", "分享 点赞 在看"]
    text = "\n".join(head + out + tail) + "\n"
    finish("sh_town_gov_wechat_copied_text_xiazhuan_page_markers_zwsp_in_number_sijing_songjiang_2021", "txt", text,
           tpl, year, ag, ["上海市", None, "松江区", "泗泾镇"], "township", "wechat-copied-text", pub, t2, t3, t4,
           "A WeChat article (公众号 魅力泗泾) copied from the desktop client as text: 公众号 name, publish time "
           "2022-01-28 08:05 and 上海 before the title, `👆点击上方蓝字…关注我们`, headings prefixed ✅, sub-paragraphs ▲, "
           "every other paragraph starting with a zero-width space. The tables are TSV (the desktop copy keeps "
           "tabs). The article was typeset from the printed report: table 3 breaks after （三）8.属于行政查询事项 with "
           "`（下转第2页）`, a `[图片]` placeholder, `（上接第1页）`, and the remaining rows (no header). Table 2's "
           "行政处罚 value is `1\\u200b206` (a zero-width space INSIDE the number): a reader sees 1206. After the "
           "sign-off: END, 来源/编辑, 往期推荐 with numbers (12人, 29天), 阅读原文, 分享 点赞 在看. 2021 form; 规章 "
           "blank; no organisation applicants.", seed)


# ---------------------------------------------------------------- AD12 福建 泉州市人民政府: Weibo 头条文章, struck digits (U+0336), 更正 note
def ad12():
    tpl, year, seed, pub = "2021", 2022, 9512, "2023-01-30"
    ag = "泉州市人民政府"
    t3 = gen_t3(seed, tpl, scale=2.4)
    t2 = t2_21(norm=(5, 3, 88), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (7, 1, 2, 1), "litigation_direct": (4, 1, 0, 1), "litigation_after_review": (1, 0, 1, 0)})
    g3 = t3_grid(tpl, t3)
    gv = t3["granted"]
    set_cell(g3, "（一）予以公开", 3, f"{struck(gv['natural_person'] - 2)} {gv['natural_person']}")
    set_cell(g3, "（一）予以公开", 9, f"{struck(gv['total'] - 2)} {gv['total']}")
    g4 = t4_grid(t4)
    g4[3][1] = f"{struck(0)} {t4['admin_review']['corrected']}"
    g4[3][4] = f"{struck(t4['admin_review']['total'] - 1)} {t4['admin_review']['total']}"
    rs = (f"（更正：表四“行政复议”的“结果纠正”原为0件、“总计”原为{t4['admin_review']['total'] - 1}件，表三“予以公开”的“自然人”"
          f"原为{gv['natural_person'] - 2}件、“总计”原为{gv['total'] - 2}件，已于2023年2月1日更正。）")
    b = mkblocks(tpl, year, ag, "市政府", "fj", t3, seed, "http://www.quanzhou.gov.cn", "0595-22500000", pub,
                 intro_ag="泉州市人民政府办公室", small=False, t4_sentence=rs)
    ch = lines_of(b, {"t2": tabs(t2_grid(tpl, t2)), "t3": tabs(g3), "t4": tabs(g4)})
    head = ["泉州发布 ", "23-2-1 10:26 来自 微博 weibo.com 已编辑", "", ch[0], "", "泉州发布", "V", "发布于 2023-02-01 10:26",
            "#泉州政务公开# #2022年政府信息公开年报# @福建发布 @泉州市政务服务中心 O网页链接", ""]
    tail = ["", "阅读 1.2万", "", "转发 56", "评论 21", "赞 133", "", "相关微博", "#泉州# 2022年全市新增市场主体19.8万户 @泉州发布",
            "收藏 举报"]
    text = "\n".join(head + ch[1:] + tail) + "\n"
    finish("fj_city_gov_weibo_article_combining_strike_digits_gengzheng_quanzhou_2022", "txt", text, tpl, year, ag,
           ["福建省", "泉州市"], "prefecture", "weibo-article", pub, t2, t3, t4,
           "A Weibo 头条文章 (long article) saved as text: account 泉州发布, V, the post time, the title, 发布于, then "
           "#话题# tags, @mentions and `O网页链接`. Tables are TSV. The article was corrected after posting, and the "
           "editor struck the old digits with U+0336 COMBINING LONG STROKE OVERLAY before the new value (what copying "
           f"struck text from the app gives): table 3 予以公开 自然人 `{struck(gv['natural_person'] - 2)} "
           f"{gv['natural_person']}` and 总计 likewise, table 4 行政复议 结果纠正 `0̶ 1` and 总计 "
           f"`{struck(t4['admin_review']['total'] - 1)} {t4['admin_review']['total']}`. Under table 4 a note "
           "`（更正：…原为…件…）` names the old values. Truth is the new values (the struck digits are not the value). "
           "After the text: 阅读 1.2万, 转发/评论/赞, a related post with 19.8万户. 2021 form; 规章 blank; city-level "
           "counts.", seed)


# ---------------------------------------------------------------- AD13 江苏 扬州 邗江区政府办: WeChat chat, 「quote」 rows, superseded table 4
def ad13():
    tpl, year, seed, pub = "2019", 2020, 9513, "2021-01-26"
    ag = "扬州市邗江区人民政府办公室"
    t3 = gen_t3(seed, tpl, scale=0.8)
    t2 = t2_19(rules=(0, 0, 0), norm=(2, 2, 19), lic=(0, 0, 0), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0),
               fees=(0, 0), proc=(9, 276.4))
    t4 = mk_t4({"admin_review": (1, 0, 0, 1), "litigation_direct": (1, 0, 0, 0)})
    t4_old = mk_t4({"admin_review": (2, 0, 0, 0), "litigation_direct": (1, 0, 0, 0)})
    b = mkblocks(tpl, year, ag, "区政府办", "js", t3, seed, "http://www.hj.gov.cn", "0514-87863000", pub)
    g3 = t3_grid(tpl, t3)
    pg = [r for r in g3 if r[1].startswith("（二）部分公开")][0]
    ch = lines_of(b, {"t2": "@@T2", "t3": "@@T3", "t4": "@@T4"})
    clock = [15, 2]

    def st():
        clock[1] += 2
        if clock[1] >= 60:
            clock[0] += 1; clock[1] -= 60
        return f"{clock[0]}:{clock[1]:02d}"
    me, rv = "刘洋", "孙主任"
    msgs, cur = [], []
    for c in ch:
        if c.startswith("@@"):
            if cur:
                msgs.append((me, cur)); cur = []
            if c == "@@T2":
                msgs.append((me, [tabs(t2_grid(tpl, t2))]))
            elif c == "@@T3":
                msgs.append((me, [tabs(g3)]))
                msgs.append((rv, ["「刘洋：" + "\t".join(x for x in pg if x) + "」", "- - - - - - - - - - - - - - -",
                                  "这行是不是少了法律服务机构的？"]))
                msgs.append((me, ["「孙主任：这行是不是少了法律服务机构的？」", "- - - - - - - - - - - - - - -",
                                  "没少，法律服务机构就是表里这个数，已核对"]))
            else:
                msgs.append((me, [tabs(t4_grid(t4_old))]))
                msgs.append((rv, ["表四行政复议那个案子不是还没审结吗？"]))
                msgs.append((me, ["对，上面表四发错了，是旧稿。以下面这张为准👇"]))
                msgs.append((me, [tabs(t4_grid(t4))]))
        else:
            cur.append(c)
            if len(cur) >= 3:
                msgs.append((me, cur)); cur = []
    if cur:
        msgs.append((me, cur))
    msgs.append((rv, ["好，定稿就按这个发网站。[OK]"]))
    out = ["刘洋和孙主任的聊天记录", ""]
    for who, parts in msgs:
        out.append(f"{who} {st()}")
        out += parts
        out.append("")
    text = "\n".join(out)
    finish("js_district_office_wechat_chat_quote_blocks_superseded_table4_hanjiang_yangzhou_2020", "txt", text, tpl,
           year, ag, ["江苏省", "扬州市", "邗江区"], "department", "chat-export", pub, t2, t3, t4,
           "A two-person WeChat chat forwarded as 聊天记录 and saved as text (`刘洋 15:04` before each message). 刘洋 "
           "pastes the report in chunks and the tables as TSV. After table 3, 孙主任 replies with a WeChat quote "
           "block `「刘洋：（二）部分公开… n n n …」` followed by `- - - -` and a question: the quoted line repeats one "
           "table-3 row with the same numbers. 刘洋 answers with a quote of the question. Under heading 四 刘洋 first "
           "pastes an OLD table 4 (行政复议 2 0 0 0 2), 孙主任 asks, 刘洋 says the table above is the old draft "
           "(`上面表四发错了，是旧稿。以下面这张为准`) and pastes the right one (行政复议 1 0 0 1 2). Truth is the "
           "second table 4; the first is superseded. Title, 编制 sentence and sign-off name the 区政府办公室. 2019 "
           "form; table 2's 第五/六/八项 rows all 0.", seed)


# ---------------------------------------------------------------- AD14 福建 福州 鼓东街道: e-mail HTML, report in <blockquote>, decoy table
def ad14():
    tpl, year, seed, pub = "2021", 2023, 9514, "2024-01-15"
    ag = "福州市鼓楼区鼓东街道办事处"
    t3 = gen_t3(seed, tpl, scale=0.5, orgs=False)
    t2 = t2_21(norm=(0, 0, 2), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({})
    b = mkblocks(tpl, year, ag, "本街道", "fj", t3, seed, "http://www.gl.gov.cn", "0591-87553000", pub, intro_ag=ag)
    from fxm1 import html_tab
    tb = {"t2": html_tab(t2_spans(tpl, t2)), "t3": html_tab(t3_spans(tpl, t3)), "t4": html_tab(t4_spans(t4))}
    parts = []
    for blk in b:
        k = blk[0]
        if k in tb:
            parts.append(tb[k])
        elif k == "h":
            parts.append(f"<div><b>{P.heading(blk[1])}</b></div>")
        elif k == "title":
            parts.append(f'<div style="text-align:center;font-size:18pt;"><b>{blk[1]}</b></div>')
        else:
            parts.append(f"<div>{H.escape(blk[1], quote=False)}</div>")
    decoy = ('<table border="1" cellspacing="0" style="border-collapse:collapse;font-size:10.5pt;">'
             "<tr><td>街道</td><td>报送日期</td><td>页数</td><td>状态</td></tr>"
             "<tr><td>鼓东街道</td><td>1月15日</td><td>9</td><td>已报送</td></tr>"
             "<tr><td>鼓西街道</td><td>1月16日</td><td>8</td><td>已报送</td></tr>"
             "<tr><td>温泉街道</td><td>—</td><td>0</td><td>未报送</td></tr></table>")
    text = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>回复：{ag}{year}年政府信息公开工作年度报告</title>
<style>body{{font-family:微软雅黑;font-size:10.5pt;}} blockquote{{margin-top:0;margin-bottom:0;}}</style></head>
<body>
<div>郑科长：</div>
<div>&nbsp;&nbsp;&nbsp;&nbsp;鼓东街道的年报已收到，已按区里要求审核通过。各街道报送情况如下：</div>
{decoy}
<div>&nbsp;</div>
<div style="color:#909090;font-size:9pt;">
<div>--------------</div>
<div>黄丽华</div>
<div>福州市鼓楼区人民政府办公室 政务公开科</div>
<div>福州市鼓楼区鼓屏路108号　电话：0591-87555000</div>
</div>
<div>&nbsp;</div>
<div style="font-size:9pt;background:#efefef;padding:6px;">
<div><b>发件人：</b>"鼓东街道党政办"&lt;gdjd_dzb@gl.gov.cn&gt;</div>
<div><b>发送时间：</b>2024年1月15日(星期一) 上午10:48</div>
<div><b>收件人：</b>"鼓楼区政务公开科"&lt;glzwgk@gl.gov.cn&gt;</div>
<div><b>主题：</b>{ag}{year}年政府信息公开工作年度报告</div>
</div>
<blockquote id="ntes-pcmail-quote" style="margin:0 0 0 0.8ex;border-left:1px solid #ccc;padding-left:1ex;">
{chr(10).join(parts)}
</blockquote>
</body></html>
"""
    finish("fj_street_office_email_html_blockquote_report_decoy_status_table_gudong_fuzhou_2023", "html", text, tpl,
           year, ag, ["福建省", "福州市", "鼓楼区", "鼓东街道"], "township", "email-html", pub, t2, t3, t4,
           "A webmail reply saved as HTML. On top: the 区政府办公室 reviewer's reply with a small status TABLE of "
           "three street offices (报送日期, 页数 9/8/0, 已报送/未报送) that is not a report table, and a grey signature "
           "of ANOTHER body (福州市鼓楼区人民政府办公室 政务公开科, 鼓屏路108号). Then a 发件人/发送时间/收件人/主题 "
           "block and the street office's message in `<blockquote id=\"ntes-pcmail-quote\">`: the whole report as "
           "`<div>` paragraphs and the three official tables as HTML with rowspan/colspan. Small street office: "
           "every table-4 cell 0, table 2 only 行政规范性文件 0/0/2 (规章 blank), no organisation applicants. 2021 "
           "form, year 2023.", seed)


FX = [ad01, ad02, ad03, ad04, ad05, ad06, ad07, ad08, ad09, ad10, ad11, ad12, ad13, ad14]
