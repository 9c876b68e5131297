<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AddGuestsDialog</name>
        <message>
            <location filename="../../gui/dialogs.py" line="48" />
            <source>Add several guests</source>
            <translation>批量添加客户机</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="66" />
            <source>Template</source>
            <translation>模板</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="67" />
            <source>How many</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="68" />
            <source>One every</source>
            <translation>间隔</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="106" />
            <source>The last one is asked for {0} after the first.</source>
            <translation>最后一台在第一台之后 {0} 请求启动。</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <location filename="../../gui/crash.py" line="60" />
            <source>HostLab: unexpected error</source>
            <translation>HostLab：意外错误</translation>
        </message>
        <message>
            <location filename="../../gui/crash.py" line="61" />
            <source>Something went wrong, but HostLab is still running.

{0}</source>
            <translation>出了点问题，但 HostLab 仍在运行。

{0}</translation>
        </message>
        <message>
            <location filename="../../gui/crash.py" line="65" />
            <source>(the log file could not be written)</source>
            <translation>（无法写入日志文件）</translation>
        </message>
        <message>
            <location filename="../../gui/crash.py" line="66" />
            <source>A report was saved to:
{0}</source>
            <translation>错误报告已保存到：
{0}</translation>
        </message>
        <message>
            <location filename="../../gui/crash.py" line="69" />
            <source>Copy details</source>
            <translation>复制详细信息</translation>
        </message>
    </context>
    <context>
        <name>DensityPanel</name>
        <message>
            <location filename="../../gui/views/density_panel.py" line="84" />
            <source>{template}: {n} more fit</source>
            <translation>{template}：还能再放 {n} 台</translation>
        </message>
        <message>
            <location filename="../../gui/views/density_panel.py" line="88" />
            <source>  ◀ binds first</source>
            <translation>  ◀ 最先达到的限制</translation>
        </message>
        <message>
            <location filename="../../gui/views/density_panel.py" line="106" />
            <source>Log scale</source>
            <translation>对数刻度</translation>
        </message>
        <message>
            <location filename="../../gui/views/density_panel.py" line="107" />
            <source>how many more fit on this host</source>
            <translation>这台主机还能再放多少台</translation>
        </message>
        <message>
            <location filename="../../gui/views/density_panel.py" line="149" />
            <source>{n} — limited by {limit}</source>
            <translation>{n} — 受限于{limit}</translation>
        </message>
    </context>
    <context>
        <name>EventLogView</name>
        <message>
            <location filename="../../gui/views/event_log.py" line="195" />
            <source>Filter: guest or text…</source>
            <translation>筛选：客户机或文字…</translation>
        </message>
        <message>
            <location filename="../../gui/views/event_log.py" line="199" />
            <source>All events</source>
            <translation>全部事件</translation>
        </message>
        <message>
            <location filename="../../gui/views/event_log.py" line="204" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../gui/views/event_log.py" line="204" />
            <source>Guest</source>
            <translation>客户机</translation>
        </message>
        <message>
            <location filename="../../gui/views/event_log.py" line="204" />
            <source>Event</source>
            <translation>事件</translation>
        </message>
    </context>
    <context>
        <name>GuestDetailsPanel</name>
        <message>
            <location filename="../../gui/views/guest_details.py" line="89" />
            <source>Phase</source>
            <translation>阶段</translation>
        </message>
        <message>
            <location filename="../../gui/views/guest_details.py" line="89" />
            <source>Started at</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <location filename="../../gui/views/guest_details.py" line="89" />
            <source>Duration</source>
            <translation>耗时</translation>
        </message>
        <message>
            <location filename="../../gui/views/guest_details.py" line="89" />
            <source>Source</source>
            <translation>数据来源</translation>
        </message>
        <message>
            <location filename="../../gui/views/guest_details.py" line="90" />
            <source>Layer</source>
            <translation>内存层</translation>
        </message>
        <message>
            <location filename="../../gui/views/guest_details.py" line="90" />
            <source>Resident</source>
            <translation>常驻内存</translation>
        </message>
        <message>
            <location filename="../../gui/views/guest_details.py" line="112" />
            <source>No guest selected</source>
            <translation>未选中客户机</translation>
        </message>
        <message>
            <location filename="../../gui/views/guest_details.py" line="113" />
            <source>{guest} is gone</source>
            <translation>{guest} 已不存在</translation>
        </message>
        <message>
            <location filename="../../gui/views/guest_details.py" line="114" />
            <source>Click a guest in the diagram or the timeline.</source>
            <translation>在架构图或时间线中单击一台客户机。</translation>
        </message>
        <message>
            <location filename="../../gui/views/guest_details.py" line="120" />
            <source>no limit</source>
            <translation>无限制</translation>
        </message>
        <message>
            <location filename="../../gui/views/guest_details.py" line="121" />
            <source>Startup: {startup} · resident {resident} of {configured} configured · {pids} processes · {vcpus} vCPU</source>
            <translation>启动用时：{startup} · 常驻 {resident}（配置 {configured}）· {pids} 个进程 · {vcpus} 个 vCPU</translation>
        </message>
        <message>
            <location filename="../../gui/views/guest_details.py" line="123" />
            <source>not yet</source>
            <translation>尚未完成</translation>
        </message>
        <message>
            <location filename="../../gui/views/guest_details.py" line="127" />
            <source>Reason: {reason}</source>
            <translation>原因：{reason}</translation>
        </message>
        <message>
            <location filename="../../gui/views/guest_details.py" line="132" />
            <source> (running)</source>
            <translation>（进行中）</translation>
        </message>
    </context>
    <context>
        <name>HostPanel</name>
        <message>
            <location filename="../../gui/panels/host_panel.py" line="79" />
            <source>Host</source>
            <translation>主机</translation>
        </message>
        <message>
            <location filename="../../gui/panels/host_panel.py" line="80" />
            <source>VM memory</source>
            <translation>虚拟机内存</translation>
        </message>
        <message>
            <location filename="../../gui/panels/host_panel.py" line="81" />
            <source>Reserve all at start</source>
            <translation>启动时全部预留</translation>
        </message>
        <message>
            <location filename="../../gui/panels/host_panel.py" line="82" />
            <source>Allocate on use (overcommit)</source>
            <translation>用时再分配（超额分配）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/host_panel.py" line="84" />
            <source>Reserve: a VM takes all its configured RAM when it starts.
Overcommit: it takes memory only as the guest touches it.</source>
            <translation>预留：虚拟机启动时就占用全部配置内存。
超额分配：客户机用到多少内存才占用多少。</translation>
        </message>
        <message>
            <location filename="../../gui/panels/host_panel.py" line="86" />
            <source>KSM: merge identical VM pages</source>
            <translation>KSM：合并虚拟机中相同的内存页</translation>
        </message>
        <message>
            <location filename="../../gui/panels/host_panel.py" line="87" />
            <source>Kernel Samepage Merging scans VM memory and shares pages that are identical</source>
            <translation>KSM（内核同页合并）扫描虚拟机内存，让内容相同的页只保留一份</translation>
        </message>
        <message>
            <location filename="../../gui/panels/host_panel.py" line="89" />
            <source>Swap to disk when RAM is full</source>
            <translation>内存满时交换到磁盘</translation>
        </message>
        <message>
            <location filename="../../gui/panels/host_panel.py" line="118" />
            <source>{cores} cores · {ram} RAM · {swap} swap · {arch}</source>
            <translation>{cores} 核 · 内存 {ram} · 交换空间 {swap} · {arch}</translation>
        </message>
    </context>
    <context>
        <name>LayerDiagramView</name>
        <message>
            <location filename="../../gui/views/layer_diagram.py" line="130" />
            <source>{cores} cores · {ram} RAM</source>
            <translation>{cores} 核 · 内存 {ram}</translation>
        </message>
    </context>
    <context>
        <name>LessonNotesPanel</name>
        <message>
            <location filename="../../gui/panels/__init__.py" line="205" />
            <source>Steps</source>
            <translation>步骤</translation>
        </message>
        <message>
            <location filename="../../gui/panels/__init__.py" line="208" />
            <source>at {0}</source>
            <translation>在 {0}</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../gui/main_window.py" line="143" />
            <source>Add guests</source>
            <translation>添加客户机</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="144" />
            <source>Host</source>
            <translation>主机</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="145" />
            <source>Architecture: who runs on what</source>
            <translation>架构：谁运行在谁之上</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="147" />
            <source>Start-up, phase by phase</source>
            <translation>启动过程（分阶段）</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="148" />
            <source>Host memory by layer</source>
            <translation>主机内存（按层）</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="149" />
            <source>How many more fit?</source>
            <translation>还能再放多少？</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="216" />
            <source>Event log</source>
            <translation>事件日志</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="217" />
            <source>Guest details</source>
            <translation>客户机详情</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="218" />
            <source>Lesson notes</source>
            <translation>课程说明</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="219" />
            <source>Transport</source>
            <translation>播放控制</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="267" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="268" />
            <source>&amp;New</source>
            <translation>新建(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="269" />
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="270" />
            <source>Open &amp;lesson</source>
            <translation>打开课程(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="272" />
            <source>Open &amp;recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="275" />
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="276" />
            <source>Save &amp;as…</source>
            <translation>另存为(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="278" />
            <source>Export &amp;screenshot</source>
            <translation>导出截图(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="279" />
            <source>Whole window…</source>
            <translation>整个窗口…</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="283" />
            <source>Export &amp;data (CSV and JSON)…</source>
            <translation>导出数据（CSV 和 JSON）(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="285" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="286" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="288" />
            <source>&amp;Projector mode</source>
            <translation>投影模式(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="290" />
            <source>&amp;Log time axis</source>
            <translation>对数时间轴(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="292" />
            <source>&amp;Reset layout</source>
            <translation>恢复默认布局(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="293" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="304" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="305" />
            <source>Lesson &amp;notes</source>
            <translation>课程说明(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="306" />
            <source>&amp;About HostLab</source>
            <translation>关于 HostLab(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="314" />
            <source>Default scenario</source>
            <translation>默认场景</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="316" />
            <source>Untitled scenario</source>
            <translation>未命名场景</translation>
        </message>
        <message>
            <location filename="../../gui/main_window.py" line="372" />
            <source>This scenario has no lesson notes.</source>
            <translation>这个场景没有课程说明。</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="356" />
            <source>(no lessons bundled)</source>
            <translation>（没有内置课程）</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="366" />
            <source>(none yet)</source>
            <translation>（暂无）</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="369" />
            <source>Clear list</source>
            <translation>清空列表</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="259" />
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="285" />
            <source>Cannot open scenario</source>
            <translation>无法打开场景</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="306" />
            <source>Cannot save scenario</source>
            <translation>无法保存场景</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="309" />
            <source>Saved {0}</source>
            <translation>已保存 {0}</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="320" />
            <source>Cannot export screenshot</source>
            <translation>无法导出截图</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="323" />
            <source>Exported {0}</source>
            <translation>已导出 {0}</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="333" />
            <source>Cannot export data</source>
            <translation>无法导出数据</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="336" />
            <source>Exported {0} files to {1}</source>
            <translation>已导出 {0} 个文件到 {1}</translation>
        </message>
    </context>
    <context>
        <name>MemoryPlot</name>
        <message>
            <location filename="../../gui/views/memory_plot.py" line="132" />
            <source>simulated time</source>
            <translation>模拟时间</translation>
        </message>
        <message>
            <location filename="../../gui/views/memory_plot.py" line="133" />
            <source>memory ({unit})</source>
            <translation>内存（{unit}）</translation>
        </message>
        <message>
            <location filename="../../gui/views/memory_plot.py" line="136" />
            <location filename="../../gui/views/memory_plot.py" line="212" />
            <source>✕ OOM kill</source>
            <translation>✕ OOM 终止</translation>
        </message>
        <message>
            <location filename="../../gui/views/memory_plot.py" line="195" />
            <source>RAM {size}</source>
            <translation>内存 {size}</translation>
        </message>
        <message>
            <location filename="../../gui/views/memory_plot.py" line="207" />
            <source>free {size}</source>
            <translation>空闲 {size}</translation>
        </message>
    </context>
    <context>
        <name>PalettePanel</name>
        <message>
            <location filename="../../gui/panels/palette.py" line="195" />
            <location filename="../../gui/panels/palette.py" line="259" />
            <source>Add several…</source>
            <translation>批量添加…</translation>
        </message>
        <message>
            <location filename="../../gui/panels/palette.py" line="196" />
            <source>Add many guests of one template, one after another</source>
            <translation>按同一模板依次添加多台客户机</translation>
        </message>
        <message>
            <location filename="../../gui/panels/palette.py" line="197" />
            <source>Containers</source>
            <translation>容器</translation>
        </message>
        <message>
            <location filename="../../gui/panels/palette.py" line="197" />
            <source>Virtual machines</source>
            <translation>虚拟机</translation>
        </message>
        <message>
            <location filename="../../gui/panels/palette.py" line="198" />
            <source>MicroVMs and sandboxes</source>
            <translation>微虚拟机与沙箱</translation>
        </message>
        <message>
            <location filename="../../gui/panels/palette.py" line="258" />
            <source>Add one</source>
            <translation>添加一台</translation>
        </message>
    </context>
    <context>
        <name>StatusPanel</name>
        <message>
            <location filename="../../gui/panels/__init__.py" line="119" />
            <source>t = {0}</source>
            <translation>t = {0}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/__init__.py" line="121" />
            <source>seed {0}</source>
            <translation>随机种子 {0}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/__init__.py" line="128" />
            <source>Guests: {0}</source>
            <translation>客户机：{0}</translation>
        </message>
        <message>
            <location filename="../../gui/panels/__init__.py" line="129" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../gui/panels/__init__.py" line="136" />
            <source>Memory {0} of {1} RAM ({2:.0f} %)</source>
            <translation>内存已用 {0} / {1}（{2:.0f} %）</translation>
        </message>
    </context>
    <context>
        <name>TemplateTileView</name>
        <message>
            <location filename="../../gui/panels/palette.py" line="123" />
            <source>Click to add one. Drag onto the host to add one there.
Right-click to add several.</source>
            <translation>单击添加一台；拖到主机视图上也可添加。
右键单击可批量添加。</translation>
        </message>
    </context>
    <context>
        <name>TimelineView</name>
        <message>
            <location filename="../../gui/views/timeline.py" line="209" />
            <source>{guest} ({template})
{phase}: {duration}{running}
source: {source}</source>
            <translation>{guest}（{template}）
{phase}：{duration}{running}
数据来源：{source}</translation>
        </message>
        <message>
            <location filename="../../gui/views/timeline.py" line="213" />
            <source> so far</source>
            <translation>（进行中）</translation>
        </message>
        <message>
            <location filename="../../gui/views/timeline.py" line="223" />
            <source>Log time (since request)</source>
            <translation>对数时间（从请求起算）</translation>
        </message>
        <message>
            <location filename="../../gui/views/timeline.py" line="224" />
            <source>Group identical guests</source>
            <translation>合并相同的客户机</translation>
        </message>
        <message>
            <location filename="../../gui/views/timeline.py" line="225" />
            <source>Same template and same phases share one row</source>
            <translation>模板和阶段都相同的客户机合并为一行</translation>
        </message>
        <message>
            <location filename="../../gui/views/timeline.py" line="227" />
            <source>time since the guest was requested (log)</source>
            <translation>从请求启动起的时间（对数）</translation>
        </message>
        <message>
            <location filename="../../gui/views/timeline.py" line="229" />
            <source>simulated time</source>
            <translation>模拟时间</translation>
        </message>
    </context>
    <context>
        <name>TransportPanel</name>
        <message>
            <location filename="../../gui/panels/transport.py" line="109" />
            <source>Step</source>
            <translation>单步</translation>
        </message>
        <message>
            <location filename="../../gui/panels/transport.py" line="110" />
            <source>Jump to the next event (→)</source>
            <translation>跳到下一个事件（→）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/transport.py" line="111" />
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <location filename="../../gui/panels/transport.py" line="112" />
            <source>Back to time 0 with the scenario's guests (Ctrl+R)</source>
            <translation>回到时间 0，只保留场景中的客户机（Ctrl+R）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/transport.py" line="113" />
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <location filename="../../gui/panels/transport.py" line="114" />
            <source>Simulated seconds per real second: from slow motion (0.01×) to fast forward (100×)</source>
            <translation>每真实一秒对应的模拟秒数：从慢动作（0.01×）到快进（100×）</translation>
        </message>
        <message>
            <location filename="../../gui/panels/transport.py" line="145" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../gui/panels/transport.py" line="145" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../gui/panels/transport.py" line="146" />
            <source>Play or pause (Space)</source>
            <translation>播放或暂停（空格键）</translation>
        </message>
    </context>
    <context>
        <name>catalog</name>
        <message>
            <location filename="../../gui/catalog_strings.py" line="12" />
            <source>Alpine (sleep)</source>
            <translation>Alpine（空闲 sleep）</translation>
        </message>
        <message>
            <location filename="../../gui/catalog_strings.py" line="13" />
            <source>nginx web server</source>
            <translation>nginx 网页服务器</translation>
        </message>
        <message>
            <location filename="../../gui/catalog_strings.py" line="14" />
            <source>Redis key-value store</source>
            <translation>Redis 键值存储</translation>
        </message>
        <message>
            <location filename="../../gui/catalog_strings.py" line="15" />
            <source>PostgreSQL database</source>
            <translation>PostgreSQL 数据库</translation>
        </message>
        <message>
            <location filename="../../gui/catalog_strings.py" line="16" />
            <source>Python web app</source>
            <translation>Python 网页应用</translation>
        </message>
        <message>
            <location filename="../../gui/catalog_strings.py" line="17" />
            <source>Alpine in gVisor</source>
            <translation>gVisor 中的 Alpine</translation>
        </message>
        <message>
            <location filename="../../gui/catalog_strings.py" line="18" />
            <source>Alpine in Kata (Cloud Hypervisor)</source>
            <translation>Kata 中的 Alpine（Cloud Hypervisor）</translation>
        </message>
        <message>
            <location filename="../../gui/catalog_strings.py" line="19" />
            <source>Firecracker microVM</source>
            <translation>Firecracker 微虚拟机</translation>
        </message>
        <message>
            <location filename="../../gui/catalog_strings.py" line="20" />
            <source>Alpine Linux VM</source>
            <translation>Alpine Linux 虚拟机</translation>
        </message>
        <message>
            <location filename="../../gui/catalog_strings.py" line="21" />
            <source>Ubuntu Server VM</source>
            <translation>Ubuntu Server 虚拟机</translation>
        </message>
        <message>
            <location filename="../../gui/catalog_strings.py" line="22" />
            <source>Windows Server VM</source>
            <translation>Windows Server 虚拟机</translation>
        </message>
        <message>
            <location filename="../../gui/catalog_strings.py" line="23" />
            <source>nginx in Docker in an Ubuntu VM</source>
            <translation>Ubuntu 虚拟机里 Docker 中的 nginx</translation>
        </message>
        <message>
            <location filename="../../gui/catalog_strings.py" line="24" />
            <source>IIS web server (Windows container)</source>
            <translation>IIS 网页服务器（Windows 容器）</translation>
        </message>
        <message>
            <location filename="../../gui/catalog_strings.py" line="27" />
            <source>Teacher's laptop</source>
            <translation>教师笔记本电脑</translation>
        </message>
        <message>
            <location filename="../../gui/catalog_strings.py" line="28" />
            <source>Classroom server</source>
            <translation>教室服务器</translation>
        </message>
        <message>
            <location filename="../../gui/catalog_strings.py" line="29" />
            <source>Big server</source>
            <translation>大型服务器</translation>
        </message>
    </context>
    <context>
        <name>dialogs</name>
        <message>
            <location filename="../../gui/dialogs.py" line="120" />
            <source>Reset the simulation?</source>
            <translation>重置模拟？</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="121" />
            <source>This resets the simulation. Continue?</source>
            <translation>这会重置模拟。要继续吗？</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="132" />
            <source>Unsaved changes</source>
            <translation>未保存的更改</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="133" />
            <source>The scenario “{0}” has changes that are not saved.
Save them first?</source>
            <translation>场景“{0}”有尚未保存的更改。
要先保存吗？</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="156" />
            <source>&lt;h3&gt;HostLab {0}&lt;/h3&gt;&lt;p&gt;A classroom simulator that shows how containers and virtual machines differ: how they start, phase by phase, how the host's memory fills layer by layer, and when the host cannot take one more guest.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Where the numbers come from.&lt;/b&gt; Start-up phases, memory sizes and host limits are taken from published measurements and documentation. Each number cites its source in the catalog: hover over a phase in the timeline or select a guest to see it.&lt;/p&gt;&lt;p&gt;Chinese font: WenQuanYi Micro Hei (Apache 2.0 or GPL 3 with font exception).&lt;/p&gt;</source>
            <translation>&lt;h3&gt;HostLab {0}&lt;/h3&gt;&lt;p&gt;一个课堂模拟器，展示容器和虚拟机的区别：它们如何一个阶段一个阶段地启动，主机内存如何一层一层地被占满，以及主机什么时候再也放不下一台客户机。&lt;/p&gt;&lt;p&gt;&lt;b&gt;数字从哪里来。&lt;/b&gt;启动阶段、内存大小和主机限制都取自公开发表的测量结果和官方文档。目录中的每个数字都注明了出处：把鼠标停在时间线的某个阶段上，或选中一台客户机，就能看到。&lt;/p&gt;&lt;p&gt;中文字体：文泉驿微米黑（Apache 2.0 或带字体例外条款的 GPL 3）。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="169" />
            <source>About HostLab</source>
            <translation>关于 HostLab</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="184" />
            <source>HostLab scenarios (*.toml);;All files (*)</source>
            <translation>HostLab 场景 (*.toml);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="190" />
            <source>Open scenario</source>
            <translation>打开场景</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="198" />
            <source>Save scenario as</source>
            <translation>场景另存为</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="208" />
            <source>PNG image (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="209" />
            <source>SVG drawing (*.svg)</source>
            <translation>SVG 矢量图 (*.svg)</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="212" />
            <source>Export screenshot</source>
            <translation>导出截图</translation>
        </message>
        <message>
            <location filename="../../gui/dialogs.py" line="223" />
            <source>Export data (CSV and JSON) into</source>
            <translation>将数据（CSV 和 JSON）导出到</translation>
        </message>
    </context>
    <context>
        <name>labels</name>
        <message>
            <location filename="../../gui/labels.py" line="19" />
            <location filename="../../gui/labels.py" line="72" />
            <source>Host kernel</source>
            <translation>主机内核</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="20" />
            <source>Runtime daemons</source>
            <translation>运行时守护进程</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="21" />
            <source>Container overhead</source>
            <translation>容器开销</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="22" />
            <source>Shared image cache</source>
            <translation>共享镜像缓存</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="23" />
            <source>Hypervisor (VMM)</source>
            <translation>虚拟机监视器（VMM）</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="24" />
            <source>Guest kernels</source>
            <translation>客户机内核</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="25" />
            <source>Guest OS</source>
            <translation>客户机操作系统</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="26" />
            <source>Guest idle RAM</source>
            <translation>客户机空闲内存</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="27" />
            <source>Applications</source>
            <translation>应用程序</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="28" />
            <source>Free</source>
            <translation>空闲</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="29" />
            <source>Swap used</source>
            <translation>已用交换空间</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="30" />
            <source>Saved by KSM</source>
            <translation>KSM 节省</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="33" />
            <source>Image pull</source>
            <translation>拉取镜像</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="34" />
            <source>Daemon</source>
            <translation>守护进程</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="35" />
            <source>Network setup</source>
            <translation>网络配置</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="36" />
            <source>runc create</source>
            <translation>runc create</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="37" />
            <source>Exec</source>
            <translation>exec 启动进程</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="38" />
            <source>Sandbox</source>
            <translation>沙箱</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="39" />
            <source>VMM start</source>
            <translation>VMM 启动</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="40" />
            <source>Firmware</source>
            <translation>固件</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="41" />
            <source>Bootloader</source>
            <translation>引导程序</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="42" />
            <source>Kernel boot</source>
            <translation>内核启动</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="43" />
            <source>Init / userspace</source>
            <translation>init / 用户空间</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="44" />
            <source>App start</source>
            <translation>应用启动</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="47" />
            <source>Container</source>
            <translation>容器</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="48" />
            <source>VM</source>
            <translation>虚拟机</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="49" />
            <source>MicroVM</source>
            <translation>微虚拟机</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="50" />
            <source>Sandboxed container</source>
            <translation>沙箱容器</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="51" />
            <source>Container in VM</source>
            <translation>虚拟机中的容器</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="54" />
            <source>pending</source>
            <translation>等待中</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="55" />
            <source>pulling</source>
            <translation>拉取中</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="56" />
            <source>starting</source>
            <translation>启动中</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="57" />
            <source>running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="58" />
            <source>stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="59" />
            <source>killed</source>
            <translation>已终止</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="60" />
            <source>crashed</source>
            <translation>已崩溃</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="61" />
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="64" />
            <source>memory</source>
            <translation>内存</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="65" />
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="66" />
            <source>PIDs</source>
            <translation>进程数（PID）</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="67" />
            <source>bridge ports</source>
            <translation>网桥端口</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="68" />
            <source>disk</source>
            <translation>磁盘</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="71" />
            <source>Hardware</source>
            <translation>硬件</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="73" />
            <source>Host kernel, shared by every container</source>
            <translation>主机内核，所有容器共用</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="74" />
            <source>Host OS kernel (runs on the hypervisor)</source>
            <translation>主机操作系统内核（运行在虚拟机监视器之上）</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="75" />
            <source>×{n} guest kernels, one per VM</source>
            <translation>×{n} 个客户机内核，每台虚拟机一个</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="82" />
            <source>gVisor Sentry: user-space kernel</source>
            <translation>gVisor Sentry：用户态内核</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="76" />
            <source>Container runtime</source>
            <translation>容器运行时</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="77" />
            <source>namespaces · cgroups</source>
            <translation>命名空间 · cgroup</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="78" />
            <source>KVM hypervisor (in the host kernel)</source>
            <translation>KVM 虚拟机监视器（在主机内核中）</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="79" />
            <source>Type-1 hypervisor (bare metal)</source>
            <translation>一型虚拟机监视器（裸机）</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="80" />
            <source>Type-2 hypervisor (an app on the host OS)</source>
            <translation>二型虚拟机监视器（主机系统上的应用）</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="81" />
            <source>Guest kernel</source>
            <translation>客户机内核</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="83" />
            <source>No container runtime</source>
            <translation>没有容器运行时</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="84" />
            <source>No hypervisor</source>
            <translation>没有虚拟机监视器</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="126" />
            <source>no limit</source>
            <translation>无限制</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="175" />
            <source>Guest added</source>
            <translation>添加客户机</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="176" />
            <source>Pull skipped</source>
            <translation>跳过拉取</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="177" />
            <source>Phase done</source>
            <translation>阶段完成</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="178" />
            <source>Ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="179" />
            <source>OOM kill</source>
            <translation>OOM 终止</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="180" />
            <source>Start failed</source>
            <translation>启动失败</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="181" />
            <source>Guest removed</source>
            <translation>移除客户机</translation>
        </message>
        <message>
            <location filename="../../gui/labels.py" line="182" />
            <source>Swap started</source>
            <translation>开始交换</translation>
        </message>
    </context>
</TS>
