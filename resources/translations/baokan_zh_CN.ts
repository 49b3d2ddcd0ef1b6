<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AboutBox</name>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="93" />
            <source>&lt;h3&gt;Baokan Reader (报刊阅读器)&lt;/h3&gt;&lt;p&gt;Read, search and annotate Chinese newspaper issues.&lt;/p&gt;&lt;p&gt;Version %1&lt;br&gt;Library: %2&lt;br&gt;Qt %3&lt;/p&gt;</source>
            <translation>&lt;h3&gt;报刊阅读器 (Baokan Reader)&lt;/h3&gt;&lt;p&gt;阅读、检索和批注中文报纸。&lt;/p&gt;&lt;p&gt;版本 %1&lt;br&gt;资料库：%2&lt;br&gt;Qt %3&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="106" />
            <source>About Baokan Reader</source>
            <translation>关于报刊阅读器</translation>
        </message>
    </context>
    <context>
        <name>AlsoIn</name>
        <message>
            <location filename="../../reader/ui/also_in.py" line="22" />
            <source>same text</source>
            <translation>同一稿件</translation>
        </message>
        <message>
            <location filename="../../reader/ui/also_in.py" line="22" />
            <source>shortened or extended copy</source>
            <translation>删节或扩充的转载</translation>
        </message>
        <message>
            <location filename="../../reader/ui/also_in.py" line="23" />
            <source>shares a passage</source>
            <translation>有段落相同</translation>
        </message>
        <message>
            <location filename="../../reader/ui/also_in.py" line="41" />
            <source>%1 / %2, article %3
Similarity of the whole texts: %4 %; share of the shorter text found in the longer: %5 %</source>
            <translation>%1 / %2，文章 %3
全文相似度：%4 %；较短一篇见于较长一篇的比例：%5 %</translation>
        </message>
        <message>
            <location filename="../../reader/ui/also_in.py" line="80" />
            <source>Also in:</source>
            <translation>又见于：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/also_in.py" line="99" />
            <source>Fewer</source>
            <translation>收起</translation>
        </message>
        <message>
            <location filename="../../reader/ui/also_in.py" line="100" />
            <source>All %1…</source>
            <translation>全部 %1 篇…</translation>
        </message>
    </context>
    <context>
        <name>AnalysisRefresh</name>
        <message>
            <location filename="../../reader/ui/refresh.py" line="70" />
            <source>Updating entity analysis: %1 / %2 issues</source>
            <translation>正在更新实体分析：%1 / %2 期</translation>
        </message>
        <message numerus="yes">
            <location filename="../../reader/ui/refresh.py" line="86" />
            <source>Entity analysis updated for %n issue(s).</source>
            <translation>
                <numerusform>已更新 %n 期的实体分析。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../reader/ui/refresh.py" line="93" />
            <source>The entity analysis could not be updated: %1</source>
            <translation>无法更新实体分析：%1</translation>
        </message>
    </context>
    <context>
        <name>AppActions</name>
        <message>
            <location filename="../../reader/ui/menus.py" line="141" />
            <source>&amp;Import files…</source>
            <translation>导入文件(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="142" />
            <source>Import &amp;folder…</source>
            <translation>导入文件夹(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="143" />
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="144" />
            <source>Notes as CSV…</source>
            <translation>笔记 (CSV)…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="144" />
            <source>Tags as CSV…</source>
            <translation>标签 (CSV)…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="145" />
            <source>Entities as CSV…</source>
            <translation>实体 (CSV)…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="146" />
            <source>Figures as CSV…</source>
            <translation>数字 (CSV)…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="147" />
            <source>Every entity mention as CSV…</source>
            <translation>每一处实体提及 (CSV)…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="150" />
            <source>REFI-QDA project (QualCoder, ATLAS.ti, MAXQDA)…</source>
            <translation>REFI-QDA 项目（QualCoder、ATLAS.ti、MAXQDA）…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="151" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="152" />
            <source>System language</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="155" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="156" />
            <source>&amp;Restore a backup…</source>
            <translation>恢复备份(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="157" />
            <source>&amp;About Baokan Reader</source>
            <translation>关于报刊阅读器(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="164" />
            <source>Import issue files</source>
            <translation>导入报纸文件</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="166" />
            <source>Issue files (*.txt *.text);;All files (*)</source>
            <translation>报纸文件 (*.txt *.text);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="169" />
            <source>Import a folder of issues</source>
            <translation>导入报纸文件夹</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="185" />
            <source>This library cannot be changed.</source>
            <translation>此资料库不可修改。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="188" />
            <source>An import is already running.</source>
            <translation>已有导入正在进行。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../reader/ui/menus.py" line="195" />
            <source>Import finished: %n issue(s) added.</source>
            <translation>
                <numerusform>导入完成：新增 %n 期。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="200" />
            <source>The task failed: %1</source>
            <translation>任务失败：%1</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="236" />
            <source>Exporting the REFI-QDA project: %1 of %2 articles…</source>
            <translation>正在导出 REFI-QDA 项目：第 %1 篇，共 %2 篇…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="242" />
            <source>The export was cancelled.</source>
            <translation>导出已取消。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../reader/ui/menus.py" line="244" />
            <source>Exported %n article(s) as a REFI-QDA project to %1.</source>
            <translation>
                <numerusform>已将 %n 篇文章导出为 REFI-QDA 项目：%1。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../reader/ui/menus.py" line="250" />
            <source>Exported %n row(s) to %1.</source>
            <translation>
                <numerusform>已导出 %n 行到 %1。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../reader/ui/menus.py" line="284" />
            <source>Backup restored. The library as it was is kept in %1.</source>
            <translation>已恢复备份。恢复前的文库保存在 %1。</translation>
        </message>
    </context>
    <context>
        <name>ArticleView</name>
        <message>
            <location filename="../../reader/ui/article_view.py" line="64" />
            <source>People</source>
            <translation>人名</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="64" />
            <source>Places</source>
            <translation>地名</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="64" />
            <source>Organizations</source>
            <translation>机构</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="65" />
            <source>Figures</source>
            <translation>数字</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="87" />
            <source>money</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="87" />
            <source>percent</source>
            <translation>百分比</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="87" />
            <source>percentage points</source>
            <translation>百分点</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="88" />
            <source>area</source>
            <translation>面积</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="88" />
            <source>measure</source>
            <translation>计量</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="88" />
            <source>count</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="89" />
            <source>duration</source>
            <translation>时长</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="89" />
            <source>date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="89" />
            <source>period</source>
            <translation>时段</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="90" />
            <source>number</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="104" />
            <source>Person</source>
            <translation>人名</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="104" />
            <source>Place</source>
            <translation>地名</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="104" />
            <source>Organization</source>
            <translation>机构</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="106" />
            <source>Figure (%1)</source>
            <translation>数字（%1）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="253" />
            <source>Choose an article in the tree on the left, or search the library with Ctrl+Shift+F.</source>
            <translation>在左侧目录中选择一篇文章，或按 Ctrl+Shift+F 搜索全部报纸。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="258" />
            <source>Show or hide the highlights of %1</source>
            <translation>显示或隐藏%1的高亮</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="556" />
            <source>Note: %1</source>
            <translation>笔记：%1</translation>
        </message>
        <message>
            <location filename="../../reader/ui/article_view.py" line="556" />
            <source>(empty)</source>
            <translation>（空）</translation>
        </message>
    </context>
    <context>
        <name>Cooccurrence</name>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="55" />
            <source>Entity A</source>
            <translation>实体甲</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="55" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="55" />
            <source>Entity B</source>
            <translation>实体乙</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="55" />
            <source>Articles together</source>
            <translation>共现文章数</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="56" />
            <source>Jaccard</source>
            <translation>杰卡德系数</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="107" />
            <source>%1 and %2: %3 article(s) together; %4 and %5 in all (Jaccard %6)</source>
            <translation>%1 与 %2：共同出现于 %3 篇文章；各自共 %4 篇和 %5 篇（杰卡德系数 %6）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="316" />
            <source>Co-occurrence</source>
            <translation>共现关系</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="317" />
            <source>Dates:</source>
            <translation>日期：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="317" />
            <source>Tag:</source>
            <translation>标签：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="318" />
            <source>Entities, pairs:</source>
            <translation>实体与配对：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="320" />
            <source>from, e.g. 2024 or 2024-08</source>
            <translation>起，如 2024 或 2024-08</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="321" />
            <source>to</source>
            <translation>止</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="324" />
            <source>any tag</source>
            <translation>任意标签</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="325" />
            <source>the most frequent </source>
            <translation>出现最多的前 </translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="326" />
            <source> entities</source>
            <translation> 个实体</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="327" />
            <source>Only the entities mentioned in most articles of the period are paired (keeps a decade interactive)</source>
            <translation>只为该时段内出现文章最多的实体配对（十年的报刊也能即时响应）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="329" />
            <source>at least </source>
            <translation>至少 </translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="330" />
            <source> articles together</source>
            <translation> 篇共同出现</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="331" />
            <source>Table</source>
            <translation>表格</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="332" />
            <source>Matrix</source>
            <translation>矩阵</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="333" />
            <source>The strongest pairs: the darker, the higher the Jaccard index</source>
            <translation>最强的配对：颜色越深，杰卡德系数越高</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="336" />
            <source>Double-click a pair to list the articles that mention both.</source>
            <translation>双击一个配对，列出同时提及两者的文章。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="350" />
            <source>“%1” is not a date (2024, 2024-08 or 2024-08-30)</source>
            <translation>“%1”不是日期（应为 2024、2024-08 或 2024-08-30）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="365" />
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="385" />
            <source>%1 pair(s) among the %2 most frequent entities of %3 article(s).</source>
            <translation>在 %3 篇文章中出现最多的 %2 个实体之间，共 %1 个配对。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/cooccurrence.py" line="408" />
            <source>%1 and %2: %3 article(s) together</source>
            <translation>%1 与 %2：共同出现于 %3 篇文章</translation>
        </message>
    </context>
    <context>
        <name>Entities</name>
        <message>
            <location filename="../../reader/ui/entities.py" line="66" />
            <source>People</source>
            <translation>人名</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="66" />
            <source>Places</source>
            <translation>地名</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="66" />
            <source>Organizations</source>
            <translation>机构</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="257" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="84" />
            <source>(untitled)</source>
            <translation>（无标题）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="193" />
            <source>Choose an entity to see every article that mentions it.</source>
            <translation>选择一个实体，查看提到它的所有文章。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="213" />
            <source>%1 “%2”: %3 mention(s) in %4 article(s)</source>
            <translation>%1“%2”：在 %4 篇文章中出现 %3 次</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="257" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="257" />
            <source>Mentions</source>
            <translation>提及次数</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="257" />
            <source>Articles</source>
            <translation>文章数</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="258" />
            <source>Issues</source>
            <translation>期数</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="354" />
            <source>Entity index</source>
            <translation>实体索引</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="355" />
            <source>Entities</source>
            <translation>实体</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="356" />
            <source>Rejected and merged</source>
            <translation>已排除与已合并</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="357" />
            <source>Filter by name or type</source>
            <translation>按名称或类型筛选</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="358" />
            <source>Reject…</source>
            <translation>排除…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="359" />
            <source>Not an entity: remove it from the whole library</source>
            <translation>不是实体：从整个资料库中移除</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="360" />
            <source>Merge into…</source>
            <translation>合并到…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="361" />
            <source>Another name of an entity: merge its mentions</source>
            <translation>是某实体的别名：合并其提及</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="402" />
            <source>Merge</source>
            <translation>合并</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="402" />
            <source>Merge “%1” into:</source>
            <translation>将“%1”合并到：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entities.py" line="410" />
            <source>“%1” is not a name? It is removed from every article, now and on later imports (Undo brings it back).</source>
            <translation>“%1”不是名称？它将从所有文章中移除，今后导入时也不再标出（可撤销）。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entity_corrections.py" line="21" />
            <source>Rejected: %1 (%2)</source>
            <translation>已排除：%1（%2）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entity_corrections.py" line="23" />
            <source>Merged: %1 → %2 (%3)</source>
            <translation>已合并：%1 → %2（%3）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entity_corrections.py" line="57" />
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entity_corrections.py" line="58" />
            <source>Find this name again in every article that holds it (Undo rejects or merges it again)</source>
            <translation>在含有此名称的所有文章中重新标出它（撤销即再次排除或合并）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/entity_corrections.py" line="60" />
            <source>No rejected or merged names.</source>
            <translation>没有已排除或已合并的名称。</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="119" />
            <source>Export notes as CSV</source>
            <translation>将笔记导出为 CSV</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="120" />
            <source>Export tags as CSV</source>
            <translation>将标签导出为 CSV</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="121" />
            <source>Export entities as CSV</source>
            <translation>将实体导出为 CSV</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="122" />
            <source>Export figures as CSV</source>
            <translation>将数字导出为 CSV</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="123" />
            <source>Export every entity mention as CSV</source>
            <translation>将每一处实体提及导出为 CSV</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="124" />
            <source>Export a REFI-QDA project</source>
            <translation>导出 REFI-QDA 项目</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="138" />
            <source>REFI-QDA projects (*.qdpx)</source>
            <translation>REFI-QDA 项目 (*.qdpx)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="139" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>Figures</name>
        <message>
            <location filename="../../reader/ui/figures.py" line="164" />
            <source>Figures</source>
            <translation>数字表</translation>
        </message>
        <message>
            <location filename="../../reader/ui/figures.py" line="34" />
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../../reader/ui/figures.py" line="34" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location filename="../../reader/ui/figures.py" line="34" />
            <source>Kind</source>
            <translation>种类</translation>
        </message>
        <message>
            <location filename="../../reader/ui/figures.py" line="34" />
            <source>As written</source>
            <translation>原文写法</translation>
        </message>
        <message>
            <location filename="../../reader/ui/figures.py" line="34" />
            <source>Issue</source>
            <translation>报纸</translation>
        </message>
        <message>
            <location filename="../../reader/ui/figures.py" line="35" />
            <source>Article</source>
            <translation>文章</translation>
        </message>
        <message>
            <location filename="../../reader/ui/figures.py" line="35" />
            <source>Context</source>
            <translation>上下文</translation>
        </message>
        <message>
            <location filename="../../reader/ui/figures.py" line="165" />
            <source>Filter by kind, unit, text, issue or article</source>
            <translation>按种类、单位、文字、报纸或文章筛选</translation>
        </message>
        <message>
            <location filename="../../reader/ui/figures.py" line="173" />
            <source>Reading the figures…</source>
            <translation>正在读取数字……</translation>
        </message>
        <message>
            <location filename="../../reader/ui/figures.py" line="197" />
            <source>%1 of %2 figures</source>
            <translation>%1 / %2 个数字</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <location filename="../../reader/ui/find.py" line="80" />
            <source>Find in article</source>
            <translation>在文章中查找</translation>
        </message>
        <message>
            <location filename="../../reader/ui/find.py" line="81" />
            <source>Previous match (Shift+F3)</source>
            <translation>上一处 (Shift+F3)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/find.py" line="82" />
            <source>Next match (F3)</source>
            <translation>下一处 (F3)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/find.py" line="83" />
            <source>Close (Esc)</source>
            <translation>关闭 (Esc)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/find.py" line="182" />
            <source>Not found</source>
            <translation>未找到</translation>
        </message>
        <message>
            <location filename="../../reader/ui/find.py" line="184" />
            <source>%1 of %2</source>
            <translation>第 %1 处，共 %2 处</translation>
        </message>
    </context>
    <context>
        <name>ImportProgress</name>
        <message>
            <location filename="../../reader/ui/import_dialog.py" line="51" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../reader/ui/import_dialog.py" line="55" />
            <source>Preparing the import…</source>
            <translation>正在准备导入…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/import_dialog.py" line="63" />
            <source>Importing %1 of %2: %3</source>
            <translation>正在导入 %1/%2：%3</translation>
        </message>
        <message>
            <location filename="../../reader/ui/import_dialog.py" line="68" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="33" />
            <source>%n issue(s) imported.</source>
            <translation>已导入 %n 期。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="34" />
            <source>%n issue(s) replaced by a newer version.</source>
            <translation>%n 期已由新版本替换。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="35" />
            <source>%n file(s) already in the library.</source>
            <translation>%n 个文件已在资料库中。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="36" />
            <source>%n file(s) could not be imported.</source>
            <translation>%n 个文件无法导入。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="40" />
            <source>Issues by paper: %1</source>
            <translation>各报纸期数：%1</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="43" />
            <source>Replaced (same paper and name, new text; tags and notes kept): %1</source>
            <translation>已替换（同一报纸、同名文件，文本已更新；标签和笔记保留）：%1</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="46" />
            <source>The import was cancelled.</source>
            <translation>导入已取消。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="84" />
            <source>Import report</source>
            <translation>导入报告</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="86" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="86" />
            <source>Why it failed</source>
            <translation>失败原因</translation>
        </message>
    </context>
    <context>
        <name>IssueDetailsDialog</name>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="168" />
            <source>Edition:</source>
            <translation>版次：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="170" />
            <source>Number:</source>
            <translation>期号：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="217" />
            <source>Set date, edition and number</source>
            <translation>设定日期、版次和期号</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="221" />
            <source>Date:</source>
            <translation>日期：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="223" />
            <source>%1 issues; fields left empty are left as they are.</source>
            <translation>共 %1 期；留空的项保持不变。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="225" />
            <source>Set the date:</source>
            <translation>设定日期：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="226" />
            <source>The same values for all</source>
            <translation>全部使用相同的值</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="227" />
            <source>Each from its file name, by a pattern:</source>
            <translation>按模式从各自的文件名读取：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="229" />
            <source>no date</source>
            <translation>无日期</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="230" />
            <source>01, 3 or A04</source>
            <translation>01、3 或 A04</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="231" />
            <source>1234</source>
            <translation>1234</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="245" />
            <source>No date was found in its name or its page headers.</source>
            <translation>文件名和版头中都没有找到日期。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="272" />
            <source>Type a pattern such as %1.</source>
            <translation>请输入模式，例如 %1。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="286" />
            <source>%1 of %2 issues match; the others are left as they are.</source>
            <translation>%2 期中有 %1 期匹配；其余保持不变。</translation>
        </message>
    </context>
    <context>
        <name>IssueTreeModel</name>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="78" />
            <source>January</source>
            <translation>1月</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="78" />
            <source>February</source>
            <translation>2月</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="78" />
            <source>March</source>
            <translation>3月</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="78" />
            <source>April</source>
            <translation>4月</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="78" />
            <source>May</source>
            <translation>5月</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="78" />
            <source>June</source>
            <translation>6月</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="79" />
            <source>July</source>
            <translation>7月</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="79" />
            <source>August</source>
            <translation>8月</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="79" />
            <source>September</source>
            <translation>9月</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="79" />
            <source>October</source>
            <translation>10月</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="79" />
            <source>November</source>
            <translation>11月</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="80" />
            <source>December</source>
            <translation>12月</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="85" />
            <source>read from the file name</source>
            <translation>从文件名读出</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="85" />
            <source>read from its folders</source>
            <translation>从所在文件夹读出</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="86" />
            <source>read from the page header</source>
            <translation>从版头读出</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="86" />
            <source>set by you</source>
            <translation>由您设定</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="140" />
            <source>No date</source>
            <translation>未注明日期</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="193" />
            <source>Removed from the file: %1</source>
            <translation>已从文件中删除：%1</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="281" />
            <source>Issues whose date is not known. Right-click to set their dates.</source>
            <translation>日期不明的各期。右键单击可设定日期。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="287" />
            <source>By: %1</source>
            <translation>作者：%1</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="290" />
            <source>Tags: %1</source>
            <translation>标签：%1</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="292" />
            <source>No longer in the issue's file since a re-import; kept because it carries your tags or notes.</source>
            <translation>重新导入后已不在该期文件中；因带有您的标签或笔记而保留。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="399" />
            <source>(copy) %1</source>
            <translation>（副本）%1</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="401" />
            <source>(fragment) %1</source>
            <translation>（片段）%1</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="404" />
            <source>(untitled) %1</source>
            <translation>（无标题）%1</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="409" />
            <source>ed. %1</source>
            <translation>第%1版</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="410" />
            <source>no. %1</source>
            <translation>第%1期</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="419" />
            <source>Date: %1</source>
            <translation>日期：%1</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="420" />
            <source>Edition: %1</source>
            <translation>版次：%1</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="421" />
            <source>Number: %1</source>
            <translation>期号：%1</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_tree.py" line="425" />
            <source>No date: right-click and choose Set date… to give it one.</source>
            <translation>未注明日期：右键单击，选择“设定日期…”即可设定。</translation>
        </message>
    </context>
    <context>
        <name>ItemBanner</name>
        <message>
            <location filename="../../reader/ui/banner.py" line="29" />
            <source>Removed from the issue's file by a re-import; kept because it carries your tags or notes.</source>
            <translation>重新导入后，此文已不在该期的文件中；因为有你的标签或笔记而保留。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/banner.py" line="32" />
            <source>Copy of “%1”, printed again in this issue (often truncated).</source>
            <translation>“%1”的副本：本期中重复刊出（常有截断）。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/banner.py" line="35" />
            <source>Fragment: text the parser could not attach to an article (a tail printed away from its article, or a piece without a title).</source>
            <translation>片段：未能归入任何文章的文字（与正文分开排印的结尾，或没有标题的一段）。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/banner.py" line="69" />
            <source>Open the original</source>
            <translation>打开原文</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="161" />
            <source>The library cannot be saved</source>
            <translation>文库无法保存</translation>
        </message>
        <message>
            <location filename="../../reader/ui/dialogs.py" line="162" />
            <source>Baokan Reader could not write to the library:
%1

Nothing more will be changed, so nothing more can be lost: the window is read-only now. Free disk space or reconnect the drive, then restart Baokan Reader; if the library is damaged, use Help → Restore a backup.</source>
            <translation>报刊阅读器无法写入文库：
%1

为避免再丢失任何内容，窗口现已切换为只读，不再做任何修改。请释放磁盘空间或重新连接磁盘，然后重新启动报刊阅读器；如果文库已损坏，请使用“帮助 → 恢复备份”。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/layout.py" line="44" />
            <source>read-only: the library cannot be saved</source>
            <translation>只读：资料库无法保存</translation>
        </message>
        <message>
            <location filename="../../reader/ui/layout.py" line="45" />
            <source>read-only</source>
            <translation>只读</translation>
        </message>
        <message>
            <location filename="../../reader/ui/main_window.py" line="140" />
            <source>Note added.</source>
            <translation>已添加笔记。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../reader/ui/main_window.py" line="163" />
            <source>Set for %n issue(s); Undo puts it back.</source>
            <translation>
                <numerusform>已为 %n 期设定；撤销可复原。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../reader/app.py" line="60" />
            <source>Empty library</source>
            <translation>资料库为空</translation>
        </message>
        <message>
            <location filename="../../reader/app.py" line="61" />
            <source>The library has no issues yet. Import the sample issues?</source>
            <translation>资料库中还没有报纸。要导入示例报纸吗？</translation>
        </message>
        <message>
            <location filename="../../reader/app.py" line="72" />
            <source>Library in use</source>
            <translation>资料库正在使用中</translation>
        </message>
        <message>
            <location filename="../../reader/app.py" line="73" />
            <source>Another Baokan Reader (process %1) is using this library. It is opened read-only: you can read and search, but not change it.</source>
            <translation>另一个报刊阅读器（进程 %1）正在使用此资料库。本窗口以只读方式打开：可以阅读和搜索，但不能修改。</translation>
        </message>
        <message>
            <location filename="../../reader/app.py" line="106" />
            <source>The library is damaged</source>
            <translation>文库已损坏</translation>
        </message>
        <message>
            <location filename="../../reader/app.py" line="107" />
            <source>The library failed its check on opening:
%1

It is opened read-only so that nothing more is lost. Restore a backup (Help → Restore a backup), or close Baokan Reader and run “baokan repair”, which copies what can still be read into a new file and keeps the damaged one.</source>
            <translation>打开文库时检查未通过：
%1

文库已以只读方式打开，以免再丢失内容。请恢复备份（帮助 → 恢复备份），或关闭报刊阅读器后运行“baokan repair”：它把仍可读取的内容复制到新文件，并保留损坏的文件。</translation>
        </message>
        <message>
            <location filename="../../reader/app.py" line="118" />
            <source>Cannot open the library</source>
            <translation>无法打开文库</translation>
        </message>
        <message>
            <location filename="../../reader/app.py" line="119" />
            <source>Baokan Reader cannot open the library %1:
%2

Choose another file with “baokan --db FILE”, or restore a backup with “baokan backup --list” and “--restore”.</source>
            <translation>报刊阅读器无法打开文库 %1：
%2

请用“baokan --db 文件”选择其他文件，或用“baokan backup --list”和“--restore”恢复备份。</translation>
        </message>
    </context>
    <context>
        <name>NotesPanel</name>
        <message>
            <location filename="../../reader/ui/panels.py" line="93" />
            <location filename="../../reader/ui/panels.py" line="107" />
            <source>(whole article)</source>
            <translation>（整篇文章）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="97" />
            <source>Detached: the passage is no longer in the article</source>
            <translation>已脱离：文章中已找不到这段原文</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="105" />
            <source>⚠ Detached — the passage is no longer in the article:</source>
            <translation>⚠ 已脱离——文章中已找不到这段原文：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="250" />
            <source>Add note</source>
            <translation>添加笔记</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="252" />
            <source>Add the note on the passage selected in the article, or on the whole article when none is (Ctrl+N)</source>
            <translation>把笔记加在文章中选中的段落上；未选中时加在整篇文章上（Ctrl+N）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="254" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="255" />
            <source>Delete note</source>
            <translation>删除笔记</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="257" />
            <source>Note color %1</source>
            <translation>笔记颜色 %1</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="338" />
            <source>New note: select a passage in the article and press Add note, or add it to the whole article.</source>
            <translation>新笔记：在文章中选中一段文字后点“添加笔记”，或直接加在整篇文章上。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="341" />
            <source>The note (saved as you type)</source>
            <translation>笔记（输入时自动保存）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="342" />
            <source>Write a new note here</source>
            <translation>在此写新笔记</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="377" />
            <source>Open an article first.</source>
            <translation>请先打开一篇文章。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="383" />
            <source>Write the note, then Add note: on the passage selected in the article, or on the whole article when none is.</source>
            <translation>写下笔记，再点“添加笔记”：加在文章中选中的段落上；没有选中时加在整篇文章上。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="450" />
            <source>Note deleted. Undo with Ctrl+Z.</source>
            <translation>笔记已删除。按 Ctrl+Z 撤销。</translation>
        </message>
    </context>
    <context>
        <name>Panes</name>
        <message>
            <location filename="../../reader/ui/layout.py" line="26" />
            <source>Issues</source>
            <translation>期数</translation>
        </message>
        <message>
            <location filename="../../reader/ui/layout.py" line="26" />
            <source>Search results</source>
            <translation>搜索结果</translation>
        </message>
        <message>
            <location filename="../../reader/ui/layout.py" line="27" />
            <source>Notes</source>
            <translation>笔记</translation>
        </message>
        <message>
            <location filename="../../reader/ui/layout.py" line="27" />
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <location filename="../../reader/ui/layout.py" line="28" />
            <source>Entities</source>
            <translation>实体</translation>
        </message>
    </context>
    <context>
        <name>PatternPreview</name>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="66" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="66" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="66" />
            <source>Edition</source>
            <translation>版次</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="66" />
            <source>Number</source>
            <translation>期号</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="79" />
            <source>left alone: %1</source>
            <translation>未更改：%1</translation>
        </message>
        <message>
            <location filename="../../reader/ui/issue_details.py" line="89" />
            <source>the name does not match</source>
            <translation>文件名不匹配</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <location filename="../../reader/ui/preferences.py" line="101" />
            <source>Preferences</source>
            <translation>偏好设置</translation>
        </message>
        <message>
            <location filename="../../reader/ui/preferences.py" line="102" />
            <source>Reading</source>
            <translation>阅读</translation>
        </message>
        <message>
            <location filename="../../reader/ui/preferences.py" line="103" />
            <source>Font:</source>
            <translation>字体：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/preferences.py" line="104" />
            <source>Size:</source>
            <translation>字号：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/preferences.py" line="105" />
            <source>Default</source>
            <translation>默认</translation>
        </message>
        <message>
            <location filename="../../reader/ui/preferences.py" line="106" />
            <source> pt</source>
            <translation> 磅</translation>
        </message>
        <message>
            <location filename="../../reader/ui/preferences.py" line="107" />
            <source>Highlight colors</source>
            <translation>高亮颜色</translation>
        </message>
        <message>
            <location filename="../../reader/ui/preferences.py" line="110" />
            <source>%1:</source>
            <translation>%1：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/preferences.py" line="111" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/preferences.py" line="112" />
            <source>Restore default colors</source>
            <translation>恢复默认颜色</translation>
        </message>
        <message>
            <location filename="../../reader/ui/preferences.py" line="113" />
            <source>Appearance</source>
            <translation>外观</translation>
        </message>
        <message>
            <location filename="../../reader/ui/preferences.py" line="114" />
            <source>Language:</source>
            <translation>语言：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/preferences.py" line="115" />
            <source>Theme:</source>
            <translation>主题：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/preferences.py" line="117" />
            <source>System language</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <location filename="../../reader/ui/preferences.py" line="120" />
            <source>System</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <location filename="../../reader/ui/preferences.py" line="120" />
            <source>Light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <location filename="../../reader/ui/preferences.py" line="121" />
            <source>Dark</source>
            <translation>深色</translation>
        </message>
    </context>
    <context>
        <name>QueryError</name>
        <message>
            <location filename="../../reader/ui/messages.py" line="18" />
            <source>The quotation mark %1 at character %2 is not closed: add the closing one or remove it.</source>
            <translation>第 %2 个字符处的引号 %1 没有闭合：请补上另一半或删去它。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/messages.py" line="20" />
            <source>“%1” at character %2 needs a search term after it.</source>
            <translation>第 %2 个字符处的“%1”后面需要一个搜索词。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/messages.py" line="21" />
            <source>“%1” at character %2 needs a search term before it.</source>
            <translation>第 %2 个字符处的“%1”前面需要一个搜索词。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/messages.py" line="22" />
            <source>The parenthesis “)” at character %1 has no matching “(”.</source>
            <translation>第 %1 个字符处的括号“)”没有对应的“(”。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/messages.py" line="23" />
            <source>Nothing to search for: type a word, a number or Chinese characters.</source>
            <translation>没有可搜索的内容：请输入词语、数字或汉字。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/messages.py" line="24" />
            <source>“NOT” at character %1 needs something to exclude from: put it after the words to find, as in 南开 NOT 区委.</source>
            <translation>第 %1 个字符处的“NOT”需要先有要查找的词：把它放在要找的词之后，如 南开 NOT 区委。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/messages.py" line="26" />
            <source>Too many nested parentheses: at most %1 levels.</source>
            <translation>括号嵌套过多：最多 %1 层。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/messages.py" line="27" />
            <source>The parenthesis “(” at character %1 is not closed.</source>
            <translation>第 %1 个字符处的括号“(”没有闭合。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/messages.py" line="28" />
            <source>The parentheses at character %1 are empty.</source>
            <translation>第 %1 个字符处的括号是空的。</translation>
        </message>
    </context>
    <context>
        <name>ReadOnlyLabel</name>
        <message>
            <location filename="../../reader/ui/layout.py" line="60" />
            <source>Read-only</source>
            <translation>只读</translation>
        </message>
        <message>
            <location filename="../../reader/ui/layout.py" line="61" />
            <source>Another Baokan Reader is using this library: you can read and search, but not change it.</source>
            <translation>另一个报刊阅读器正在使用此资料库：可以阅读和搜索，但不能修改。</translation>
        </message>
    </context>
    <context>
        <name>Reading</name>
        <message>
            <location filename="../../reader/ui/reading.py" line="86" />
            <source>Copied with its citation.</source>
            <translation>已复制选文及其引文。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/reading.py" line="87" />
            <source>Citation copied.</source>
            <translation>已复制引文。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/reading.py" line="178" />
            <source>The issue's layout is corrected; Undo puts it back.</source>
            <translation>已更正这一期的版面；撤销可恢复原样。</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <location filename="../../reader/ui/backups.py" line="30" />
            <source>Daily, when the window opened</source>
            <translation>每日，打开窗口时</translation>
        </message>
        <message>
            <location filename="../../reader/ui/backups.py" line="31" />
            <source>Before an import replaced issues</source>
            <translation>导入替换报纸期号之前</translation>
        </message>
        <message>
            <location filename="../../reader/ui/backups.py" line="32" />
            <source>Before a restore</source>
            <translation>恢复备份之前</translation>
        </message>
        <message>
            <location filename="../../reader/ui/backups.py" line="33" />
            <source>Made by hand</source>
            <translation>手动备份</translation>
        </message>
        <message>
            <location filename="../../reader/ui/backups.py" line="36" />
            <source>Before the library format was upgraded</source>
            <translation>文库格式升级之前</translation>
        </message>
        <message>
            <location filename="../../reader/ui/backups.py" line="80" />
            <source>Restore a backup</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <location filename="../../reader/ui/backups.py" line="82" />
            <source>Backups are made before an import replaces issues, before the library format is upgraded and once a day; the newest five are kept in %1. Restoring one first backs up the library as it is now, so a restore can be undone the same way.</source>
            <translation>在导入替换期号之前、文库格式升级之前以及每天一次会自动备份；最新的五份保存在 %1。恢复某份备份之前会先备份当前的文库，因此恢复操作也可以用同样的方式撤销。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/backups.py" line="86" />
            <source>Made</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../reader/ui/backups.py" line="86" />
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../reader/ui/backups.py" line="86" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../reader/ui/backups.py" line="87" />
            <source>Back up now</source>
            <translation>立即备份</translation>
        </message>
        <message>
            <location filename="../../reader/ui/backups.py" line="88" />
            <source>Restore…</source>
            <translation>恢复…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/backups.py" line="89" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../reader/ui/backups.py" line="113" />
            <source>Put the library back as it was on %1? Everything done since then is replaced; the library as it is now is backed up first.</source>
            <translation>把文库恢复到 %1 时的状态吗？此后所做的一切都会被替换；恢复前会先备份当前的文库。</translation>
        </message>
    </context>
    <context>
        <name>SearchFilters</name>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="131" />
            <source>Dates:</source>
            <translation>日期：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="132" />
            <source>from, e.g. 2024 or 2024-08</source>
            <translation>起，如 2024 或 2024-08</translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="133" />
            <source>to</source>
            <translation>止</translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="134" />
            <source>Tag:</source>
            <translation>标签：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="137" />
            <source>any tag</source>
            <translation>任意标签</translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="138" />
            <source>Entity:</source>
            <translation>实体：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="139" />
            <source>a person, place or organization</source>
            <translation>人名、地名或机构</translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="140" />
            <source>Kind:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="141" />
            <source>Any kind</source>
            <translation>任意类型</translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="141" />
            <source>Articles</source>
            <translation>文章</translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="142" />
            <source>Photos</source>
            <translation>图片</translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="142" />
            <source>Fragments</source>
            <translation>片段</translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="158" />
            <location filename="../../reader/ui/search_pane.py" line="163" />
            <source>“%1” is not a date (2024, 2024-08 or 2024-08-30)</source>
            <translation>“%1”不是日期（应为 2024、2024-08 或 2024-08-30）</translation>
        </message>
    </context>
    <context>
        <name>SearchPane</name>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="52" />
            <source>(untitled)</source>
            <translation>（无标题）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="237" />
            <source>Search all issues (Ctrl+Shift+F)</source>
            <translation>搜索全部报纸 (Ctrl+Shift+F)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="238" />
            <source>Words, "phrases", AND / OR / NOT; ↓ shows the last searches</source>
            <translation>词语、"短语"、AND / OR / NOT；按 ↓ 显示最近的搜索</translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="240" />
            <source>More</source>
            <translation>更多</translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="241" />
            <source>Filters</source>
            <translation>筛选</translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="242" />
            <source>Search only within dates, a tag, an entity or a kind of item</source>
            <translation>只在某段日期、某个标签、某个实体或某类条目中搜索</translation>
        </message>
        <message numerus="yes">
            <location filename="../../reader/ui/search_pane.py" line="315" />
            <source>%n article(s) found.</source>
            <translation>
                <numerusform>找到 %n 篇文章。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../reader/ui/search_pane.py" line="320" />
            <source>%1 of %2 shown</source>
            <translation>显示 %1 / 共 %2 篇</translation>
        </message>
    </context>
    <context>
        <name>SplitMenu</name>
        <message>
            <location filename="../../reader/ui/splits.py" line="102" />
            <source>(untitled)</source>
            <translation>（无标题）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/splits.py" line="44" />
            <source>Layout</source>
            <translation>版面</translation>
        </message>
        <message>
            <location filename="../../reader/ui/splits.py" line="46" />
            <source>Split the article here</source>
            <translation>从这里拆分文章</translation>
        </message>
        <message>
            <location filename="../../reader/ui/splits.py" line="48" />
            <source>Join with the previous item</source>
            <translation>与上一篇合并</translation>
        </message>
        <message>
            <location filename="../../reader/ui/splits.py" line="51" />
            <source>This line is a title</source>
            <translation>这一行是标题</translation>
        </message>
        <message>
            <location filename="../../reader/ui/splits.py" line="51" />
            <source>This line is a subhead</source>
            <translation>这一行是小标题</translation>
        </message>
        <message>
            <location filename="../../reader/ui/splits.py" line="52" />
            <source>This line is body text</source>
            <translation>这一行是正文</translation>
        </message>
        <message>
            <location filename="../../reader/ui/splits.py" line="52" />
            <source>This line is a byline</source>
            <translation>这一行是署名</translation>
        </message>
        <message>
            <location filename="../../reader/ui/splits.py" line="58" />
            <source>Mark as a copy of…</source>
            <translation>标记为……的重复稿</translation>
        </message>
        <message>
            <location filename="../../reader/ui/splits.py" line="63" />
            <source>Not a copy</source>
            <translation>不是重复稿</translation>
        </message>
        <message>
            <location filename="../../reader/ui/splits.py" line="79" />
            <location filename="../../reader/ui/splits.py" line="86" />
            <source>Mark as a copy</source>
            <translation>标记为重复稿</translation>
        </message>
        <message>
            <location filename="../../reader/ui/splits.py" line="79" />
            <source>This item is a copy of:</source>
            <translation>这一篇重复了：</translation>
        </message>
    </context>
    <context>
        <name>TagColors</name>
        <message>
            <location filename="../../reader/ui/tag_colors.py" line="24" />
            <source>Red</source>
            <translation>红</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_colors.py" line="24" />
            <source>Orange</source>
            <translation>橙</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_colors.py" line="24" />
            <source>Yellow</source>
            <translation>黄</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_colors.py" line="25" />
            <source>Green</source>
            <translation>绿</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_colors.py" line="25" />
            <source>Cyan</source>
            <translation>青</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_colors.py" line="25" />
            <source>Blue</source>
            <translation>蓝</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_colors.py" line="26" />
            <source>Purple</source>
            <translation>紫</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_colors.py" line="26" />
            <source>Gray</source>
            <translation>灰</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_colors.py" line="33" />
            <location filename="../../reader/ui/tag_colors.py" line="44" />
            <source>No color</source>
            <translation>无颜色</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_colors.py" line="35" />
            <source>Other color</source>
            <translation>其他颜色</translation>
        </message>
    </context>
    <context>
        <name>TagManager</name>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="81" />
            <source>Articles</source>
            <translation>文章数</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="81" />
            <source>Tag</source>
            <translation>标签</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="81" />
            <location filename="../../reader/ui/tag_manager.py" line="211" />
            <source>Color</source>
            <translation>颜色</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="203" />
            <source>Tags</source>
            <translation>标签管理</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="204" />
            <source>Filter tags</source>
            <translation>筛选标签</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="205" />
            <source>Show articles</source>
            <translation>显示文章</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="206" />
            <source>Filter the tree to the articles with this tag (or double-click the tag)</source>
            <translation>在目录树中只显示带有此标签的文章（也可双击标签）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="208" />
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="209" />
            <source>Merge…</source>
            <translation>合并…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="210" />
            <source>Merge the selected tags into one</source>
            <translation>把选中的标签合并为一个</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="212" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="213" />
            <source>Remove the selected tags from every article (Ctrl+Z brings them back)</source>
            <translation>从所有文章中删除选中的标签（按 Ctrl+Z 可恢复）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="306" />
            <source>Rename tag</source>
            <translation>重命名标签</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="307" />
            <source>New name for “%1”:</source>
            <translation>“%1”的新名称：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="310" />
            <source>Merge tags</source>
            <translation>合并标签</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="311" />
            <source>Merge %1 tags into:</source>
            <translation>将 %1 个标签合并为：</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="335" />
            <source>A tag “%1” exists already. Merge “%2” into it?</source>
            <translation>标签“%1”已存在。要把“%2”合并到其中吗？</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="341" />
            <source>Tag “%1” renamed to “%2”. Undo with Ctrl+Z.</source>
            <translation>标签“%1”已重命名为“%2”。按 Ctrl+Z 撤销。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="355" />
            <source>%1 tags merged into “%2”. Undo with Ctrl+Z.</source>
            <translation>%1 个标签已合并为“%2”。按 Ctrl+Z 撤销。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="364" />
            <source>Tag “%1” deleted. Undo with Ctrl+Z.</source>
            <translation>标签“%1”已删除。按 Ctrl+Z 撤销。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tag_manager.py" line="366" />
            <source>%1 tags deleted. Undo with Ctrl+Z.</source>
            <translation>%1 个标签已删除。按 Ctrl+Z 撤销。</translation>
        </message>
    </context>
    <context>
        <name>TagsPanel</name>
        <message>
            <location filename="../../reader/ui/panels.py" line="492" />
            <source>Click × or press Delete to remove; right-click for a color</source>
            <translation>点 × 或按 Delete 删除；右键选择颜色</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="612" />
            <source>Tags of this article</source>
            <translation>本文标签</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="613" />
            <source>New tag (e.g. 城市更新)</source>
            <translation>新标签（如 城市更新）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="614" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="615" />
            <source>Remove selected tag</source>
            <translation>删除所选标签</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="616" />
            <source>All tags…</source>
            <translation>全部标签…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="617" />
            <source>The tag manager: rename, merge, color or delete tags, and show their articles</source>
            <translation>标签管理：重命名、合并、设置颜色或删除标签，并显示带有标签的文章</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="619" />
            <source>Remove tag</source>
            <translation>删除标签</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="661" />
            <source>The article already has this tag.</source>
            <translation>本文已有此标签。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="679" />
            <source>Tag “%1” removed. Undo with Ctrl+Z.</source>
            <translation>标签“%1”已删除。按 Ctrl+Z 撤销。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/panels.py" line="711" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
    </context>
    <context>
        <name>Timeline</name>
        <message>
            <location filename="../../reader/ui/timeline.py" line="320" />
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="69" />
            <source>(untitled)</source>
            <translation>（无标题）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="43" />
            <source>Tag</source>
            <translation>标签</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="43" />
            <source>Entity</source>
            <translation>实体</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="43" />
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="47" />
            <source>Per week</source>
            <translation>按周</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="47" />
            <source>Per month</source>
            <translation>按月</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="47" />
            <source>Per year</source>
            <translation>按年</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="51" />
            <source>Count articles</source>
            <translation>统计文章数</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="51" />
            <source>Count mentions (entities)</source>
            <translation>统计提及次数（实体）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="55" />
            <source>Bars</source>
            <translation>柱状图</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="55" />
            <source>Lines</source>
            <translation>折线图</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="63" />
            <source>Tag: %1</source>
            <translation>标签：%1</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="64" />
            <source>Search: %1</source>
            <translation>搜索：%1</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="197" />
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="203" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="204" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="205" />
            <source>PNG…</source>
            <translation>PNG…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="206" />
            <source>SVG…</source>
            <translation>SVG…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="207" />
            <source>CSV…</source>
            <translation>CSV…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="208" />
            <source>Save the chart as a PNG image</source>
            <translation>将图表保存为 PNG 图片</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="209" />
            <source>Save the chart as an SVG drawing</source>
            <translation>将图表保存为 SVG 矢量图</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="210" />
            <source>Save the table of counts as CSV (period, series, count)</source>
            <translation>将计数表保存为 CSV（时段、系列、计数）</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="216" />
            <source>Click a bar to list the articles of its period.</source>
            <translation>点击一根柱子，列出该时段的文章。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="238" />
            <source>a person, place or organization of the entity index</source>
            <translation>实体索引中的人物、地点或机构</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="239" />
            <source>a tag</source>
            <translation>一个标签</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="239" />
            <source>a search, e.g. 南开 or “城市更新”</source>
            <translation>搜索词，如 南开 或 “城市更新”</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="274" />
            <source>At most %1 series in one chart.</source>
            <translation>一张图最多 %1 个系列。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="278" />
            <source>No entity “%1” in the entity index.</source>
            <translation>实体索引中没有“%1”。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="315" />
            <source>Add an entity, a tag or a search to chart it over the issues' dates.</source>
            <translation>添加一个实体、标签或搜索词，按各期日期绘制其变化。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="335" />
            <source>Nothing to chart: no article of these series is in a dated issue.</source>
            <translation>无可绘制：这些系列的文章都不在注明日期的期次中。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="337" />
            <source>%1 to %2.</source>
            <translation>%1 至 %2。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="381" />
            <source>PNG images (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="381" />
            <source>SVG drawings (*.svg)</source>
            <translation>SVG 矢量图 (*.svg)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="382" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="383" />
            <source>Export the timeline</source>
            <translation>导出时间线</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="405" />
            <source>Could not save %1: %2</source>
            <translation>无法保存 %1：%2</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="408" />
            <source>Saved %1.</source>
            <translation>已保存 %1。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/chart.py" line="49" />
            <source>%n mention(s)</source>
            <translation>%n 次提及</translation>
        </message>
        <message>
            <location filename="../../reader/ui/chart.py" line="50" />
            <source>%n article(s)</source>
            <translation>%n 篇文章</translation>
        </message>
        <message>
            <location filename="../../reader/ui/timeline.py" line="341" />
            <source>%n article(s) of issues without a date left out (set their dates in the tree: Set date…).</source>
            <translation>未注明日期的期次中有 %n 篇文章未计入（可在目录树中用“设置日期…”补上日期）。</translation>
        </message>
    </context>
    <context>
        <name>TreePane</name>
        <message>
            <location filename="../../reader/ui/tree_pane.py" line="67" />
            <source>Filter by title, tag or entity; tag:name for a tag only</source>
            <translation>按标题、标签或实体筛选；tag:标签名 只看该标签</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tree_pane.py" line="166" />
            <source>Set date…</source>
            <translation>设定日期…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tree_pane.py" line="166" />
            <source>Set date, edition and number…</source>
            <translation>设定日期、版次和期号…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/tree_pane.py" line="168" />
            <source>Set dates of %1 issues…</source>
            <translation>设定 %1 期的日期…</translation>
        </message>
    </context>
    <context>
        <name>Undo</name>
        <message>
            <location filename="../../reader/ui/undo.py" line="54" />
            <source>The library is open read-only; nothing was changed.</source>
            <translation>资料库以只读方式打开，未作任何更改。</translation>
        </message>
        <message>
            <location filename="../../reader/ui/undo.py" line="74" />
            <source>Rename tag “%1” to “%2”</source>
            <translation>将标签“%1”重命名为“%2”</translation>
        </message>
        <message>
            <location filename="../../reader/ui/undo.py" line="80" />
            <source>Merge tags into “%1”</source>
            <translation>将标签合并为“%1”</translation>
        </message>
        <message>
            <location filename="../../reader/ui/undo.py" line="85" />
            <source>Delete tag “%1”</source>
            <translation>删除标签“%1”</translation>
        </message>
        <message>
            <location filename="../../reader/ui/undo.py" line="86" />
            <source>Delete %1 tags</source>
            <translation>删除 %1 个标签</translation>
        </message>
        <message>
            <location filename="../../reader/ui/undo.py" line="92" />
            <source>Color tag “%1”</source>
            <translation>设置标签“%1”的颜色</translation>
        </message>
        <message>
            <location filename="../../reader/ui/undo.py" line="93" />
            <source>Color %1 tags</source>
            <translation>设置 %1 个标签的颜色</translation>
        </message>
        <message>
            <location filename="../../reader/ui/undo.py" line="123" />
            <source>Reject “%1”</source>
            <translation>排除“%1”</translation>
        </message>
        <message>
            <location filename="../../reader/ui/undo.py" line="131" />
            <source>Merge “%1” into “%2”</source>
            <translation>将“%1”合并到“%2”</translation>
        </message>
        <message>
            <location filename="../../reader/ui/undo.py" line="139" />
            <source>Restore “%1”</source>
            <translation>恢复“%1”</translation>
        </message>
        <message>
            <location filename="../../reader/ui/undo.py" line="196" />
            <source>Delete note</source>
            <translation>删除笔记</translation>
        </message>
        <message>
            <location filename="../../reader/ui/undo.py" line="225" />
            <source>Add tag “%1”</source>
            <translation>添加标签“%1”</translation>
        </message>
        <message>
            <location filename="../../reader/ui/undo.py" line="225" />
            <source>Remove tag “%1”</source>
            <translation>删除标签“%1”</translation>
        </message>
        <message>
            <location filename="../../reader/ui/undo.py" line="330" />
            <source>Set the date of an issue</source>
            <translation>设定一期的日期</translation>
        </message>
        <message>
            <location filename="../../reader/ui/undo.py" line="331" />
            <source>Set the dates of %1 issues</source>
            <translation>设定 %1 期的日期</translation>
        </message>
    </context>
    <context>
        <name>WindowActions</name>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="130" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="130" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="131" />
            <source>&amp;Go</source>
            <translation>转到(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="131" />
            <source>&amp;Notes</source>
            <translation>笔记(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="132" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="134" />
            <source>Toolbar</source>
            <translation>工具栏</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="136" />
            <source>Next article</source>
            <translation>下一篇</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="137" />
            <source>Previous article</source>
            <translation>上一篇</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="138" />
            <source>Add note</source>
            <translation>添加笔记</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="139" />
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="140" />
            <source>Filter the tree</source>
            <translation>筛选目录</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="141" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="142" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="142" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="143" />
            <source>Copy with citation</source>
            <translation>复制并附引文</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="144" />
            <source>Find in article</source>
            <translation>在文章中查找</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="145" />
            <source>Find next</source>
            <translation>查找下一处</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="146" />
            <source>Find previous</source>
            <translation>查找上一处</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="147" />
            <source>Larger text</source>
            <translation>放大文字</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="148" />
            <source>Smaller text</source>
            <translation>缩小文字</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="149" />
            <source>Actual size</source>
            <translation>原始大小</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="150" />
            <source>Entity index…</source>
            <translation>实体索引…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="151" />
            <source>Figures table…</source>
            <translation>数字表…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="152" />
            <source>Timeline…</source>
            <translation>时间线…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="153" />
            <source>Co-occurrence…</source>
            <translation>共现关系…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="154" />
            <source>Tag manager…</source>
            <translation>标签管理…</translation>
        </message>
        <message>
            <location filename="../../reader/ui/window_actions.py" line="155" />
            <source>Preferences…</source>
            <translation>偏好设置…</translation>
        </message>
    </context>
</TS>