"""Layouts beyond the seeds: other papers' bylines, story leads, indented dumps, notices."""

from __future__ import annotations

from reader.core.decode import decode_bytes
from reader.core.model import Paragraph
from reader.core.parse import parse_decoded, parse_text

CITY_PAPER = """
市政府召开第32次常务会议
研究部署城市更新和民生保障工作

■ 本报记者 张伟 李娜 通讯员 赵强

昨天上午，市政府召开第32次常务会议，研究部署城市更新和民生保障等工作。会议指出，
要坚持以人民为中心的发展思想，把城市更新作为扩大内需的重要抓手。

会议强调，今年全市计划改造老旧小区120个，涉及居民3.6万户。

加快老旧小区改造
补齐民生短板

各区要抓紧制定实施方案，确保9月底前全部开工。

▲8月29日，市民在新建成的口袋公园休憩。
新华社记者 李贺 摄

关于开展2024年度安全生产大检查的通知

各区人民政府，市政府各委、办、局：

为深刻汲取近期事故教训，市政府决定在全市范围内开展安全生产大检查。

滨海新区一季度外贸进出口增长8.1%

本报讯（记者 孙磊 通讯员 周敏）记者从滨海新区商务局获悉，一季度全区外贸进出口总额达到
512亿元，同比增长8.1%。
"""

PEOPLES_DAILY_STYLE = """国务院常务会议部署推进城市更新
　　本报北京8月30日电  （记者 王浩）国务院总理主持召开国务院常务会议，研究部署推进城市更
新工作，审议通过有关文件。
　　会议指出，城市更新是推动城市高质量发展的重要举措。
　　会议强调，要统筹存量和增量。
科技部发布新一批国家重点实验室名单
　　本报北京8月30日电（记者 吴月辉）科技部30日发布新一批全国重点实验室名单，共涉及
京津冀地区的高校和科研院所36家。
"""


def test_city_paper_layout() -> None:
    issue = parse_text(CITY_PAPER, "paper.txt")
    kinds = [i.kind for i in issue.items]
    assert kinds == ["article", "photo", "article", "article"]
    meeting, photo, notice, trade = issue.items
    assert meeting.bylines == ["张伟", "李娜", "赵强"]
    assert meeting.title_lines == ["市政府召开第32次常务会议", "研究部署城市更新和民生保障工作"]
    assert [p.kind for p in meeting.paragraphs] == ["text", "text", "subhead", "text"]
    assert meeting.paragraphs[0].text.endswith("重要抓手。")  # hard wrap joined
    assert meeting.paragraphs[2].text == "加快老旧小区改造 补齐民生短板"
    assert photo.credit == "新华社记者 李贺 摄" and photo.bylines == ["李贺"]
    assert photo.paragraphs[0].text.startswith("8月29日")
    assert notice.title_lines == ["关于开展2024年度安全生产大检查的通知"]
    assert notice.paragraphs[0].text == "各区人民政府，市政府各委、办、局："
    assert trade.title_lines == ["滨海新区一季度外贸进出口增长8.1%"]
    assert trade.bylines == ["孙磊", "周敏"]  # from the 本报讯（记者 … 通讯员 …） lead


def test_indented_dump_with_story_leads() -> None:
    issue = parse_text(PEOPLES_DAILY_STYLE, "rmrb.txt")
    assert [i.title_lines for i in issue.items] == [
        ["国务院常务会议部署推进城市更新"], ["科技部发布新一批国家重点实验室名单"]]
    first, second = issue.items
    assert first.bylines == ["王浩"] and second.bylines == ["吴月辉"]
    assert len(first.paragraphs) == 3
    assert "推进城市更新工作，审议通过有关文件。" in first.paragraphs[0].text
    assert second.paragraphs[0].text.endswith("科研院所36家。")


def test_gb18030_file_of_another_paper() -> None:
    decoded = decode_bytes(CITY_PAPER.encode("gb18030"), "晚报_2024年8月30日.txt")
    issue = parse_decoded(decoded)
    assert decoded.encoding == "gb18030"
    assert issue.date == "2024-08-30"
    assert [i.kind for i in issue.items] == ["article", "photo", "article", "article"]


def test_untitled_headless_text_at_the_start_is_a_fragment() -> None:
    text = "工作取得阶段性成效，群众满意度明显提升。\n\n新标题在这里\n\n■ 记者 张三\n\n正文第一段。\n"
    issue = parse_text(text)
    assert [i.kind for i in issue.items] == ["fragment", "article"]
    assert issue.items[1].title_lines == ["新标题在这里"]


def test_tail_with_two_open_candidates_stays_a_fragment() -> None:
    text = (
        "标题一\n\n■ 记者 张三\n\n第一篇的正文写到这里就被分栏截断了，后面的内容在\n\n"
        "标题二\n\n■ 记者 李四\n\n第二篇的正文也被截断了，后面的内容\n\n"
        "▲图片说明文字，这是一张新闻照片的说明。\n\n记者 王五 摄\n\n"
        "不知道属于哪一篇的尾巴。\n"
    )
    issue = parse_text(text)
    assert [i.kind for i in issue.items] == ["article", "article", "photo", "fragment"]
    assert issue.items[3].paragraphs[0].text == "不知道属于哪一篇的尾巴。"


def test_tail_after_a_photo_rejoins_its_only_open_article() -> None:
    text = (
        "标题一\n\n■ 记者 张三\n\n第一篇的正文写到这里就被分栏截断了，后面的内容在\n\n"
        "▲图片说明文字，这是一张新闻照片的说明。\n\n记者 王五 摄\n\n"
        "照片之后接着排。\n"
    )
    issue = parse_text(text)
    assert [i.kind for i in issue.items] == ["article", "photo"]
    assert issue.items[0].paragraphs[-1].text.endswith("后面的内容在照片之后接着排。")


def test_closing_byline_in_brackets_names_the_reporter() -> None:
    text = "市民公园今起免费开放\n\n记者从市园林局获悉，市民公园今起免费开放。\n\n（记者 王芳 通讯员 李强）\n"
    issue = parse_text("\n\n" + text)
    assert issue.items[0].bylines == ["王芳", "李强"]
    assert issue.items[0].paragraphs[-1].text == "（记者 王芳 通讯员 李强）"


PAGED_DUMP = """第01版：要闻

2024年8月30日 星期五

市政府召开常务会议

■ 本报记者 张伟

昨天上午，市政府召开常务会议，研究部署城市更新工作。会议要求，各区要抓紧制定方案，
确保按期

责任编辑：李娜  校对：王强

第02版：城市

开工建设，不留死角。

图片新闻

▲市民在新建成的口袋公园休憩。

记者 王五 摄
"""


def test_page_furniture_is_kept_apart_and_the_article_continues_across_the_page() -> None:
    issue = parse_text(PAGED_DUMP, "paper.txt")
    kinds = [(i.kind, i.title_lines, i.paragraphs[0].text if i.paragraphs else "")
             for i in issue.items]
    assert kinds[0] == ("fragment", [], "第01版：要闻")
    assert kinds[1] == ("fragment", [], "2024年8月30日 星期五")
    meeting = issue.items[2]
    assert meeting.title_lines == ["市政府召开常务会议"] and meeting.bylines == ["张伟"]
    assert meeting.paragraphs[-1].text.endswith("确保按期开工建设，不留死角。")
    assert [i.paragraphs[0].text for i in issue.items if i.kind == "fragment"] == [
        "第01版：要闻", "2024年8月30日 星期五", "责任编辑：李娜  校对：王强", "第02版：城市"]
    photo = issue.items[-1]
    assert photo.kind == "photo" and photo.title_lines == ["图片新闻"]


# ---------------------------------------------------------------- parser v2 layouts
# Passages written for these tests in the forms of other papers (crawler dumps with
# flush titles over indented bodies, PDF text), not taken from any real page.

FLUSH_TITLES = """市里召开春耕备耕工作会议——
确保粮食生产开好局（三农观察）
　　本报江城3月2日电  （记者 乔  栋  曹继炜）市里2日召开春耕备耕工作会议，部署今年粮食生产。
　　会议要求，各区县抓紧落实种子、化肥等农资供应。
　　现场：农机手排队领取补贴卡
　　在会场外，农机手们排队领取补贴卡，脸上洋溢着笑容。
　　（本报记者王小明参与采写）
新区科技园迎来首批入驻企业
　　新华社江城3月2日电  新区科技园2日迎来首批20家入驻企业。
　　据介绍，科技园重点发展软件和信息服务业。
　　制图：赵明
早春田间忙
　　3月1日，农民在田间查看麦苗长势。
　　李强摄（新华社发）
老街改造，留住城市记忆
　　老街改造工程近日完工，青石板路和老字号店铺得以保留。
　　居民们说，改造既改善了环境，又留住了乡愁。
"""


def test_flush_titles_over_indented_bodies_open_items() -> None:
    issue = parse_text(FLUSH_TITLES, "page.txt")
    assert [(i.kind, i.title_lines) for i in issue.items] == [
        ("article", ["市里召开春耕备耕工作会议——", "确保粮食生产开好局（三农观察）"]),
        ("article", ["新区科技园迎来首批入驻企业"]),
        ("photo", ["早春田间忙"]),
        ("article", ["老街改造，留住城市记忆"]),
    ]
    meeting, park, photo, street = issue.items
    assert meeting.bylines == ["乔栋", "曹继炜"]  # names set with a space inside
    assert meeting.paragraphs[0].text.startswith("本报江城3月2日电")
    assert [p.kind for p in meeting.paragraphs] == ["text", "text", "subhead", "text", "text"]
    assert meeting.paragraphs[2].text == "现场：农机手排队领取补贴卡"
    assert meeting.paragraphs[-1].text == "（本报记者王小明参与采写）"
    assert park.paragraphs[-1].text == "制图：赵明"
    assert photo.credit == "李强摄（新华社发）" and photo.bylines == ["李强"]
    assert photo.paragraphs == [Paragraph("caption", "3月1日，农民在田间查看麦苗长势。")]
    assert len(street.paragraphs) == 2


def test_flush_layout_byline_line_under_the_title_is_the_items() -> None:
    text = ("走基层 看新春\n　　江边小村——\n　　“回乡创业有奔头”\n　　本报记者  方  圆\n"
            "　　正月里，村里的民宿家家客满。\n　　人民网记者  闫  峰  本报记者  姚雪青\n"
            "　　在医院里，医生正通过网络问诊。\n")
    issue = parse_text(text)
    assert len(issue.items) == 1
    item = issue.items[0]
    assert item.title_lines == ["走基层 看新春"] and item.bylines == ["方圆"]
    assert item.paragraphs[0].text == "江边小村——"
    assert "人民网记者  闫  峰  本报记者  姚雪青" in [p.text for p in item.paragraphs]


def test_flush_line_after_a_cut_line_continues_it() -> None:
    text = ("标题在这里\n　　本报讯  这是一个很长的段落，它在这里被硬换行切断了，后面的文字接着在\n"
            "下一行继续写完。\n　　第二段。\n")
    issue = parse_text(text)
    assert [i.title_lines for i in issue.items] == [["标题在这里"]]
    assert issue.items[0].paragraphs[0].text.endswith("接着在下一行继续写完。")


def test_credits_and_closing_notes_never_become_the_next_title() -> None:
    text = ("第一篇标题\n\n■ 记者 张三\n\n第一篇的正文写完了。\n\n（本报记者李四参与采写）\n\n"
            "第二篇标题\n\n■ 记者 王五\n\n第二篇的正文。\n\n（新华社北京3月2日电 记者赵六）\n\n"
            "第三篇标题\n\n新华社记者\n\n第三篇的正文。\n\n▲照片的说明文字。\n\n周七/摄\n\n"
            "第四篇标题\n\n■ 记者 钱八\n\n第四篇的正文。\n")
    issue = parse_text(text)
    articles = [i for i in issue.items if i.kind == "article"]
    assert [a.title_lines for a in articles] == [
        ["第一篇标题"], ["第二篇标题"], ["第三篇标题"], ["第四篇标题"]]
    assert articles[2].bylines == [] and articles[2].byline == "新华社记者"
    photo = next(i for i in issue.items if i.kind == "photo")
    assert photo.bylines == ["周七"] and photo.credit == "周七/摄"


def test_subhead_with_a_colon_is_not_glued_to_the_next_paragraph() -> None:
    text = ("球队主场取胜\n\n■ 记者 张三\n\n昨晚，主队以105比98战胜客队。\n\n"
            "现场：沃尔第一节独得11分\n\n比赛一开始，沃尔就连续得分。\n")
    paragraphs = parse_text(text).items[0].paragraphs
    assert [(p.kind, p.text) for p in paragraphs] == [
        ("text", "昨晚，主队以105比98战胜客队。"), ("subhead", "现场：沃尔第一节独得11分"),
        ("text", "比赛一开始，沃尔就连续得分。")]


def test_a_short_line_ending_in_a_decision_word_is_not_a_document_title() -> None:
    text = ("区政府召开常务会议\n\n■ 记者 张三\n\n会议听取了有关工作汇报。\n\n"
            "会议审议通过了这项决定\n\n中的各项措施，要求抓紧落实。\n")
    issue = parse_text(text)
    assert [i.title_lines for i in issue.items] == [["区政府召开常务会议"]]
    assert "会议审议通过了这项决定" in [p.text for p in issue.items[0].paragraphs]
    notice = parse_text("正文结束了。\n\n\n\n国务院关于加强安全生产工作的决定\n\n各省、自治区、直辖市人民政府：\n")
    assert notice.items[-1].title_lines == ["国务院关于加强安全生产工作的决定"]


def test_a_title_with_an_inner_comma_right_before_a_byline_is_a_title() -> None:
    text = ("上一篇的正文结束了。\n\n市民热议新政策，点赞便民服务\n\n■ 记者 张三\n\n正文。\n")
    issue = parse_text(text)
    assert issue.items[-1].title_lines == ["市民热议新政策，点赞便民服务"]


def test_a_copy_wrapped_at_another_width_is_recognised() -> None:
    paragraph = "全区今年计划改造老旧小区一百二十个，涉及居民三万六千户，确保九月底前全部开工。"
    text = (f"{paragraph[:23]}\n{paragraph[23:]}\n\n"
            f"老旧小区改造全面启动\n\n■ 记者 张三\n\n{paragraph}\n")
    issue = parse_text(text)
    copy = issue.items[0]
    assert copy.duplicate_of == 1
    assert "".join(p.text for p in copy.paragraphs) == paragraph


PDF_TEXT = """区政府召开常务会议
　　本报讯（记者 张伟）昨天上午，区政
府召开常务会议，研究部署城市更新和民生
保障等工作。会议指出，要把城市更新作为
扩大内需的重要抓手，加快推进老旧小区改
第 3 页
《江城日报》（2025年10月20日 第 01 版）
造，补齐民生短板。
　　会议要求，各街道抓紧制定实施方案。
图片新闻
　　▲市民在新建成的口袋公园休憩。
　　记者 王五 摄
"""


def test_pdf_text_lines_are_rejoined_across_page_footers() -> None:
    issue = parse_text(PDF_TEXT, "pdf.txt")
    kinds = [(i.kind, i.title_lines) for i in issue.items]
    assert kinds[0] == ("article", ["区政府召开常务会议"])
    meeting = issue.items[0]
    assert meeting.bylines == ["张伟"]
    assert [p.text for p in meeting.paragraphs] == [
        "本报讯（记者 张伟）昨天上午，区政府召开常务会议，研究部署城市更新和民生保障等工作。"
        "会议指出，要把城市更新作为扩大内需的重要抓手，加快推进老旧小区改造，补齐民生短板。",
        "会议要求，各街道抓紧制定实施方案。"]
    furniture = [i.paragraphs[0].text for i in issue.items if i.kind == "fragment"]
    assert furniture == ["第 3 页", "《江城日报》（2025年10月20日 第 01 版）"]
    assert issue.items[-1].kind == "photo" and issue.items[-1].title_lines == ["图片新闻"]


def test_a_story_lead_that_fills_a_wrapped_line_goes_on_into_the_flush_line_below() -> None:
    # The lead ends exactly at the column width and ends in its byline bracket, which
    # reads like a closing note (（记者 王伟）): the flush line below still goes on with it.
    text = ("城市会议\n"
            "　　本报北京3月2日电  （记者 王伟）\n"
            "第10段城市城市，城市城市，城市城市，城\n"
            "市城市。\n"
            "　　第11段工作会议，工作会议。\n"
            "发展改革\n"
            "　　第20段城市发展，城市发展。\n")
    issue = parse_text(text, "pdf.txt")
    assert [i.title_lines for i in issue.items] == [["城市会议"], ["发展改革"]]
    meeting = issue.items[0]
    assert meeting.bylines == ["王伟"]
    assert [p.text for p in meeting.paragraphs] == [
        "本报北京3月2日电  （记者 王伟）第10段城市城市，城市城市，城市城市，城市城市。",
        "第11段工作会议，工作会议。"]


def test_the_first_wrapped_line_of_a_story_lead_is_never_a_subhead() -> None:
    # Too few lines to find the column: the lead's first line is read alone, and it is
    # short and has no comma, like a subhead; a lead opens a story, not a section.
    text = ("城市更新全面启动\n"
            "　　本报北京3月2日电  （记者 王伟）第30段城市科\n"
            "技创新建设社区居民发展，中心建设教育绿色，街道国家会议建\n"
            "设，安全提升提升推动人民产业，企业产业安全，提升国家中心\n"
            "社会教育工作改革绿色。\n")
    issue = parse_text(text, "pdf.txt")
    assert [(p.kind, p.text) for p in issue.items[0].paragraphs] == [(
        "text", "本报北京3月2日电  （记者 王伟）第30段城市科技创新建设社区居民发展，中心建设"
        "教育绿色，街道国家会议建设，安全提升提升推动人民产业，企业产业安全，提升国家中心"
        "社会教育工作改革绿色。")]


def test_a_wrapped_line_repeated_in_several_paragraphs_joins_each_its_own_rest() -> None:
    # Identical lines share one record inside the parser; joining one must not change
    # the others.
    head = "城市发展经济会议工作建设推动全面城市发展"
    rests = ["第一段写到这里结束了。", "第二段的结尾不一样。", "第三段。"]
    body = "".join(head + head + rest + "\n" for rest in rests * 3)
    wrapped = "\n".join(line[i:i + 20] for line in body.splitlines()
                        for i in range(0, len(line), 20))
    issue = parse_text("区政府召开常务会议\n■ 记者 张伟\n" + wrapped + "\n")
    assert [p.text for p in issue.items[0].paragraphs] == [head + head + r for r in rests * 3]


def test_title_roles_come_from_position_and_form_not_length() -> None:
    from reader.core.textrules import title_roles
    assert title_roles(["短标题"]) == ["title"]
    assert title_roles(["市长在全市安全生产工作会议上强调", "压实责任 守牢底线"]) == ["kicker", "title"]
    assert title_roles(["有知识、懂技术、会管理——", "新型农民不一般"]) == ["kicker", "title"]
    assert title_roles(["参与全球治理", "——把握发展机遇述评之五"]) == ["title", "subtitle"]
    assert title_roles(["区委全会决议", "(2024年8月30日区委全会通过)"]) == ["title", "subtitle"]
    assert title_roles(["(2024年8月30日通过)", "一项决议"]) == ["subtitle", "title"]
    # a headline broken mid-phrase is one title; a complete first line is not continued
    assert title_roles(["南开区", "园林绿化扩容提质", "为居民添绿"]) == ["title", "title", "subtitle"]
    assert title_roles(["南开区科技局", "强力提升科技研发供给能力", "技术合同成交额", "突破80亿元"]) == [
        "title", "title", "subtitle", "subtitle"]
    assert title_roles(["天津市首批工业遗产授牌", "南开企业榜上有名"]) == ["title", "subtitle"]
    assert title_roles(["好消息！", "新馆开放"]) == ["title", "subtitle"]
    assert title_roles(["记者手记："]) == ["title"]


def test_a_pdf_title_cut_inside_a_word_is_one_title_line() -> None:
    body = "　　本报讯（记者 张伟）昨天上午，区政府召开常务会议，研究部署城市更新和民生保障等工作。\n" * 3
    wrapped = "\n".join(line[i:i + 18] for line in body.splitlines() for i in range(0, len(line), 18))
    text = ("区政府常务会议部署推进城\n市更新工作\n" + wrapped + "\n"
            "区政府召开常务会议\n研究部署城市更新工作\n" + wrapped + "\n")
    issue = parse_text(text)
    assert [i.title_lines for i in issue.items] == [
        ["区政府常务会议部署推进城市更新工作"], ["区政府召开常务会议", "研究部署城市更新工作"]]
