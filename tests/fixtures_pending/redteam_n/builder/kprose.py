"""Report prose for redteam_l (copied from redteam_k): blocks ('title', s) ('p', s) ('h', i, s) ('h3', s) ('t2',) ('t3',) ('t4',) ('sign', s).

Longer and more varied than redteam_j's prose (2-5 KB); every number in it is invented and none is a table cell
except the four table-3 totals in the 依申请公开 paragraph (they agree with the table)."""
import random

SEC = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
       "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"]
CN = "一二三四五六"
RULE = {"sh": "深入贯彻落实市委、市政府关于全面推进政务公开工作的部署要求，践行“人民城市人民建，人民城市为人民”重要理念",
        "fj": "认真贯彻落实省委、省政府和市委、市政府关于全面推进政务公开工作的决策部署，围绕“数字福建”建设和营商环境优化",
        "js": "认真贯彻落实省委、省政府关于全面推进政务公开工作的决策部署，紧扣“争当表率、争做示范、走在前列”要求"}
SITE = {"sh": "“一网通办”和“上海发布”政务新媒体矩阵", "fj": "“闽政通”APP、政务微信公众号",
        "js": "“江苏政务服务”平台、政务微博和微信公众号"}


def heading(i, style="std"):
    n = CN[i]
    return {"std": f"{n}、{SEC[i]}", "paren": f"（{n}）{SEC[i]}", "zhuan": f"{'壹贰叁肆伍陆'[i]}、{SEC[i]}",
            "dot": f"{n}．{SEC[i]}", "bracket": f"【{n}、{SEC[i]}】", "diyibufen": f"第{n}部分 {SEC[i]}"}[style]


def blocks(year, we, flavor, t3, tpl, seed, title=(), intro=None, sub_style="inline", subnum="paren",
           signoff=(), fee_sentence=None, review_sentence=None, t2_sentence=None, t3_sentence=None,
           extra_intro=(), six_extra=(), has_t2=True, has_t4=True, t4_sentence=None, small=False):
    rnd = random.Random(seed)
    n = t3["new_received"]["total"]; co = t3["carried_over"]["total"]
    tp = t3["total_processed"]["total"]; cf = t3["carried_forward"]["total"]
    pub = rnd.randint(120, 900) if small else rnd.randint(1800, 9800)
    pol = rnd.randint(6, 30) if small else rnd.randint(35, 160)
    train = rnd.randint(1, 4) if small else rnd.randint(3, 12)
    b = [("title", t) for t in title]
    b += [("p", p) for p in extra_intro]
    if intro:
        b.append(("p", intro))
    b.append(("h", 0))
    b.append(("p", f"{year}年，{we}以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，{RULE[flavor]}，"
                   "坚持以公开为常态、不公开为例外，以公开促落实、以公开强监管、以公开优服务，持续推进决策、执行、管理、服务、"
                   "结果公开，不断提升政务公开标准化规范化水平，政务公开工作取得新成效。"))
    subs = [("主动公开", f"全年通过门户网站、{SITE[flavor]}等渠道主动公开政府信息{pub}条，其中政策文件{pol}条。"
                        "重点做好财政预决算、重大建设项目、公共资源配置、社会公益事业等领域信息公开，围绕“一老一小”、"
                        "就业创业、教育医疗等民生关切开展政策解读，发布图文解读、视频解读等多种形式解读材料，"
                        "做到政策文件与解读材料同步组织、同步审签、同步发布。"),
            ("依申请公开", f"进一步规范依申请公开受理、登记、审核、答复、归档全流程，严格按照法定时限答复。全年新收政府信息"
                          f"公开申请{n}件，上年结转{co}件，办结{tp}件，结转下年度继续办理{cf}件，"
                          "答复内容规范，告知理由充分，未发生因答复不规范被纠错的情形。"),
            ("政府信息管理", "严格落实公文类信息公开属性源头认定机制，坚持“先审查、后公开”和“一事一审”原则，"
                            "对拟公开的政府信息进行保密审查和个人信息保护审查；开展行政规范性文件清理，"
                            "动态更新政府信息公开目录和政府信息公开指南，全年未发生因公开不当引发的失泄密事件。"),
            ("政府信息公开平台建设", "优化政府信息公开专栏，规范设置法定主动公开内容，完善栏目分类和检索功能；"
                                  "加强政务新媒体日常监管，落实内容发布“三审三校”制度，确保信息发布及时、准确、权威；"
                                  "完善政务公开专区建设，为群众提供政府信息查阅、申请指导等服务。"),
            ("监督保障", f"将政务公开工作纳入年度绩效考核，组织开展政务公开业务培训{train}次，邀请专家现场授课；"
                        "聘请社会监督员，主动接受社会监督，畅通意见反馈渠道，对群众反映的问题及时整改。")]
    nums = {"paren": "（{}）", "arabic": "{}.", "arabic_cn": "{}、"}[subnum]
    for i, (h, p) in enumerate(subs):
        tag = nums.format(CN[i] if subnum == "paren" else i + 1)
        if sub_style == "heading":
            b.append(("h3", f"{tag}{h}"))
            b.append(("p", p))
        else:
            b.append(("p", f"{tag}{h}。{p}"))
    b.append(("h", 1))
    if t2_sentence:
        b.append(("p", t2_sentence))
    if has_t2:
        b.append(("t2",))
    b.append(("h", 2))
    if t3_sentence:
        b.append(("p", t3_sentence))
    b.append(("t3",))
    b.append(("h", 3))
    if review_sentence:
        b.append(("p", review_sentence))
    if has_t4:
        b.append(("t4",))
    if t4_sentence:
        b.append(("p", t4_sentence))
    b.append(("h", 4))
    b.append(("p", f"{year}年，{we}政务公开工作取得一定成效，但对照上级要求和人民群众期待仍存在一些不足：一是政策解读形式还不够丰富，"
                   "图解、视频、音频等多元化解读占比不高，解读的针对性和实用性有待增强；二是部分栏目信息更新不够及时，"
                   "基层政务公开标准目录的落实还不够到位；三是依申请公开答复文书的规范化水平有待进一步提高。"))
    b.append(("p", f"针对上年度报告提出的问题，{we}已完成整改：修订政府信息公开工作制度，建立栏目定期巡查机制，"
                   "对巡查发现的问题实行清单化管理、限时整改。"))
    b.append(("p", f"下一步，{we}将着力做好以下工作：一是丰富解读形式，提高解读质量，推动解读材料与政策文件同步发布；"
                   "二是加强栏目日常巡查和内容保障，确保信息更新及时；三是加强业务培训和案例学习，规范答复文书，"
                   "不断提升依申请公开办理质量；四是深化基层政务公开标准化规范化建设，拓展公众参与渠道。"))
    b.append(("h", 5))
    b.append(("p", fee_sentence or (
        "依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。" if tpl != "2019" else
        "本年度未收取政府信息公开相关费用。")))
    for p in six_extra:
        b.append(("p", p))
    b.append(("p", f"{we}政务公开工作年度工作要点落实情况、人大代表建议和政协提案办理结果公开情况，"
                   "已在门户网站政府信息公开专栏相应栏目公开，欢迎社会各界监督。"))
    for s in signoff:
        b.append(("sign", s))
    return b


def std_intro(agency_word, year, url, phone, tpl, period=None):
    notice = ("《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）"
              if tpl != "2019" else "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）")
    period = period or f"自{year}年1月1日起至{year}年12月31日止"
    return (f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{notice}要求，由{agency_word}编制。"
            "报告内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
            f"存在的主要问题及改进情况、其他需要报告的事项。本报告所列数据的统计期限{period}。"
            f"本报告电子版可在门户网站（{url}）查阅或下载。如对本报告有疑问，请联系（电话：{phone}）。")


def render_plain(b, tables, hstyle="std", sep="\n", hfmt="{}", pfmt="{}", tfmt="{}", sfmt="{}", h3fmt="{}"):
    out = []
    for blk in b:
        k = blk[0]
        if k in ("t2", "t3", "t4"):
            out.append(tables[k])
        elif k == "h":
            out.append(hfmt.format(heading(blk[1], hstyle)))
        elif k == "h3":
            out.append(h3fmt.format(blk[1]))
        elif k == "title":
            out.append(tfmt.format(blk[1]))
        elif k == "sign":
            out.append(sfmt.format(blk[1]))
        else:
            out.append(pfmt.format(blk[1]))
    return sep.join(out)
