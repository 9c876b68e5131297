<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddGuestsDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="52"/>
        <source>Add several guests</source>
        <translation>批量添加客户机</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="70"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="71"/>
        <source>How many</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="72"/>
        <source>One every</source>
        <translation>间隔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="113"/>
        <source>The last one is asked for {0} after the first.</source>
        <translation>最后一台在第一台之后 {0} 请求启动。</translation>
    </message>
</context>
<context>
    <name>BenchmarkView</name>
    <message>
        <location filename="../../gui/views/benchmark_view.py" line="160"/>
        <source>{value}, mean of n = {n} guests run together ({guests})</source>
        <translation>{value}，n = {n} 台同时运行的客户机的平均值（{guests}）</translation>
    </message>
    <message>
        <location filename="../../gui/views/benchmark_view.py" line="165"/>
        <source>{value} in {guest}</source>
        <translation>{value}，在 {guest} 中</translation>
    </message>
    <message>
        <location filename="../../gui/views/benchmark_view.py" line="167"/>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <location filename="../../gui/views/benchmark_view.py" line="169"/>
        <source>latency: higher is slower</source>
        <translation>延迟：越高越慢</translation>
    </message>
    <message>
        <location filename="../../gui/views/benchmark_view.py" line="172"/>
        <source>{ratio}× the bare host ({native} {unit}); {better}</source>
        <translation>裸机的 {ratio}×（裸机 {native} {unit}）；{better}</translation>
    </message>
    <message>
        <location filename="../../gui/views/benchmark_view.py" line="176"/>
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
    <message>
        <location filename="../../gui/views/benchmark_view.py" line="184"/>
        <source>× the bare host</source>
        <translation>裸机的倍数 (×)</translation>
    </message>
    <message>
        <location filename="../../gui/views/benchmark_view.py" line="185"/>
        <source>dashed line: the bare host = 1.0</source>
        <translation>虚线：裸机 = 1.0</translation>
    </message>
    <message>
        <location filename="../../gui/views/benchmark_view.py" line="188"/>
        <source>No workload has run yet. Select guests in the Experiments tab and choose “Run workload”.</source>
        <translation>还没有运行过负载。在“实验”标签页中选择客户机，然后点“运行负载”。</translation>
    </message>
    <message>
        <location filename="../../gui/views/benchmark_view.py" line="288"/>
        <source>{workload} (latency: higher = slower)</source>
        <translation>{workload}（延迟：越高越慢）</translation>
    </message>
    <message>
        <location filename="../../gui/views/benchmark_view.py" line="291"/>
        <source>run at {time}</source>
        <translation>{time} 开始运行</translation>
    </message>
</context>
<context>
    <name>ContrastView</name>
    <message>
        <location filename="../../gui/views/contrast_view.py" line="121"/>
        <source>How they differ, measured in this run. Grey cells fill when their experiment runs; click a cell to see where its figure comes from.</source>
        <translation>它们有何不同——本次运行实测。灰色单元格在相应实验运行后填入；单击单元格可查看数字的来源。</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_view.py" line="126"/>
        <source>Enlarge</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_view.py" line="128"/>
        <source>Show the table in a window of its own, as large as the screen</source>
        <translation>在单独的窗口中全屏显示此表</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_view.py" line="131"/>
        <source>How they differ — HostLab</source>
        <translation>有何不同 — HostLab</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_view.py" line="132"/>
        <source>Handout…</source>
        <translation>讲义…</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_view.py" line="135"/>
        <source>Export the table as a one-page PNG or SVG handout in the current language, or as CSV</source>
        <translation>以当前语言将此表导出为一页 PNG 或 SVG 讲义，或导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_view.py" line="182"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_view.py" line="183"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_view.py" line="184"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_view.py" line="188"/>
        <source>Export the contrast table</source>
        <translation>导出对比表</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_view.py" line="200"/>
        <source>Cannot export the contrast table</source>
        <translation>无法导出对比表</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="21"/>
        <source>1 Architecture</source>
        <translation>1 架构</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="22"/>
        <source>2 Start-up time</source>
        <translation>2 启动时间</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="23"/>
        <source>3 Memory and resources</source>
        <translation>3 内存与资源</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="24"/>
        <source>4 Performance</source>
        <translation>4 性能</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="25"/>
        <source>5 Isolation</source>
        <translation>5 隔离</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="26"/>
        <source>6 Portability</source>
        <translation>6 可移植性</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="27"/>
        <source>7 Typical use</source>
        <translation>7 典型用途</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="28"/>
        <source>8 How many fit</source>
        <translation>8 能放多少</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="31"/>
        <source>Not yet: press play and let one become ready</source>
        <translation>尚未测量：按播放，等一台就绪</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="32"/>
        <source>Not now: none of them is running; add one</source>
        <translation>目前没有：它们都没在运行；再添加一台</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="33"/>
        <source>Not yet: run a workload (Experiments tab)</source>
        <translation>尚未测量：运行一个负载（“实验”标签页）</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="34"/>
        <source>Not yet: inject a fault or an exploit (Experiments tab)</source>
        <translation>尚未测量：注入故障或发起攻击（“实验”标签页）</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="37"/>
        <source>Not yet: drag a guest onto another host&apos;s tab</source>
        <translation>尚未测量：把一台客户机拖到另一台主机的标签上</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="38"/>
        <source>Not yet: needs a second host (lesson 6, portability)</source>
        <translation>尚未测量：需要第二台主机（第 6 课，可移植性）</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="43"/>
        <source>the architecture diagram</source>
        <translation>架构图</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="44"/>
        <source>the start-up timeline</source>
        <translation>启动时间线</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="45"/>
        <source>the memory plot</source>
        <translation>内存图</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="46"/>
        <source>the benchmarks</source>
        <translation>基准测试</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="47"/>
        <source>the event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="48"/>
        <source>the moves between hosts</source>
        <translation>主机间迁移</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="49"/>
        <source>how many more fit</source>
        <translation>“还能再放多少”</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="52"/>
        <source>the whole host</source>
        <translation>整台宿主机</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="53"/>
        <source>the host kernel</source>
        <translation>宿主机内核</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="54"/>
        <source>the container runtime</source>
        <translation>容器运行时</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="55"/>
        <source>the hypervisor</source>
        <translation>虚拟机监控程序</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="56"/>
        <source>its own kernel only</source>
        <translation>仅它自己的内核</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="76"/>
        <source>Fills live when the experiment runs.</source>
        <translation>实验运行后会实时填入。</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="77"/>
        <source>From {view} at t = {time}. Click to show it.</source>
        <translation>来自{view}，t = {time}。单击即可查看。</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="98"/>
        <source>{n} running, each on a kernel of its own</source>
        <translation>{n} 台运行中，每台都有自己的内核</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="99"/>
        <source>{n} running; a user-space kernel answers their system calls</source>
        <translation>{n} 台运行中；由用户态内核处理它们的系统调用</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="102"/>
        <source>{n} running, all on the one shared host kernel</source>
        <translation>{n} 台运行中，全部共享宿主机的同一个内核</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="108"/>
        <source>median {median} ({lo} to {hi}, n = {n})
mostly {phase} ({share}%)</source>
        <translation>中位数 {median}（{lo} 至 {hi}，n = {n}）
主要耗在{phase}（{share}%）</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="123"/>
        <source>image page cache shared: {mib}</source>
        <translation>共享的镜像页缓存：{mib}</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="124"/>
        <source>KSM merged so far: {mib}</source>
        <translation>KSM 目前已合并：{mib}</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="125"/>
        <source>nothing shared</source>
        <translation>没有共享的内存</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="127"/>
        <source>{per} resident each (n = {n})</source>
        <translation>每台常驻 {per}（n = {n}）</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="135"/>
        <source>{workload}: {ratio}× the bare host</source>
        <translation>{workload}：裸机的 {ratio}×</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="144"/>
        <source>itself only</source>
        <translation>只有它自己</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="149"/>
        <source>{fault} in {guest}: {outcome}
reached {reach}; guests hit: {n}</source>
        <translation>{guest} 中的{fault}：{outcome}
波及{reach}；受影响客户机：{n}</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="163"/>
        <source>runs there</source>
        <translation>在目标主机上运行</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="165"/>
        <source>does not run: {why}</source>
        <translation>无法运行：{why}</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="168"/>
        <source>{guest} to {target}: {mib} shipped</source>
        <translation>{guest} 迁往 {target}：传输 {mib}</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="176"/>
        <source>in this run: {list}</source>
        <translation>本次运行：{list}</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_cells.py" line="182"/>
        <source>{n} more {template} fit
{limit} binds first</source>
        <translation>还能再放 {n} 台 {template}
最先达到的限制：{limit}</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_handout.py" line="40"/>
        <source>Containers and virtual machines: how they differ</source>
        <translation>容器与虚拟机：有何不同</translation>
    </message>
    <message>
        <location filename="../../gui/views/contrast_handout.py" line="43"/>
        <source>Measured in one HostLab run: host {host}, seed {seed}, at t = {time}. Grey cells were not measured in this run; the text says which experiment fills them.</source>
        <translation>在一次 HostLab 运行中测得：主机 {host}，随机种子 {seed}，t = {time}。灰色单元格本次运行未测量，文字说明了由哪个实验填入。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../gui/crash.py" line="62"/>
        <source>HostLab: unexpected error</source>
        <translation>HostLab：意外错误</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="63"/>
        <source>Something went wrong, but HostLab is still running.

{0}</source>
        <translation>出了点问题，但 HostLab 仍在运行。

{0}</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="67"/>
        <source>(the log file could not be written)</source>
        <translation>（无法写入日志文件）</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="68"/>
        <source>A report was saved to:
{0}</source>
        <translation>错误报告已保存到：
{0}</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="71"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>DensityPanel</name>
    <message>
        <location filename="../../gui/views/density_panel.py" line="113"/>
        <source>{template}: {n} more fit</source>
        <translation>{template}：还能再放 {n} 台</translation>
    </message>
    <message>
        <location filename="../../gui/views/density_panel.py" line="121"/>
        <source>  ◀ binds first</source>
        <translation>  ◀ 最先达到的限制</translation>
    </message>
    <message>
        <location filename="../../gui/views/density_panel.py" line="125"/>
        <source>Once KSM has merged their identical pages: {n} (about {min} min)</source>
        <translation>KSM 合并完相同的内存页之后：{n}（大约 {min} 分钟）</translation>
    </message>
    <message>
        <location filename="../../gui/views/density_panel.py" line="145"/>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <location filename="../../gui/views/density_panel.py" line="270"/>
        <source>how many more fit — and the limit that stops them</source>
        <translation>还能再放多少台 —— 以及先达到的限制</translation>
    </message>
    <message>
        <location filename="../../gui/views/density_panel.py" line="271"/>
        <source>how many more fit</source>
        <translation>还能再放多少台</translation>
    </message>
    <message>
        <location filename="../../gui/views/density_panel.py" line="156"/>
        <source>vCPU policy {ratio}:1</source>
        <translation>vCPU 策略 {ratio}:1</translation>
    </message>
    <message>
        <location filename="../../gui/views/density_panel.py" line="158"/>
        <source>vCPU policy: no cap</source>
        <translation>vCPU 策略：不设上限</translation>
    </message>
    <message>
        <location filename="../../gui/views/density_panel.py" line="161"/>
        <source>How many vCPUs this host admits per physical core (set in the host panel)</source>
        <translation>这台宿主机每个物理核允许分配多少个 vCPU（在宿主机面板中设置）</translation>
    </message>
    <message>
        <location filename="../../gui/views/density_panel.py" line="208"/>
        <source>{n} — {limit}</source>
        <translation>{n} — {limit}</translation>
    </message>
    <message>
        <location filename="../../gui/views/density_panel.py" line="213"/>
        <source> → {n} with KSM</source>
        <translation> → 开启 KSM 后 {n}</translation>
    </message>
</context>
<context>
    <name>EventLogView</name>
    <message>
        <location filename="../../gui/views/event_log.py" line="220"/>
        <location filename="../../gui/views/event_log.py" line="221"/>
        <source>Filter: guest or text…</source>
        <translation>筛选：客户机或文字…</translation>
    </message>
    <message>
        <location filename="../../gui/views/event_log.py" line="222"/>
        <source>Kind of event shown</source>
        <translation>显示的事件类型</translation>
    </message>
    <message>
        <location filename="../../gui/views/event_log.py" line="226"/>
        <source>All events</source>
        <translation>全部事件</translation>
    </message>
    <message>
        <location filename="../../gui/views/event_log.py" line="231"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/views/event_log.py" line="231"/>
        <source>Guest</source>
        <translation>客户机</translation>
    </message>
    <message>
        <location filename="../../gui/views/event_log.py" line="231"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
</context>
<context>
    <name>ExperimentsPanel</name>
    <message>
        <location filename="../../gui/panels/experiments.py" line="139"/>
        <location filename="../../gui/panels/experiments.py" line="215"/>
        <source>All running guests ({n})</source>
        <translation>所有运行中的客户机（{n} 台）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/experiments.py" line="213"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/panels/experiments.py" line="214"/>
        <source>Selected guest: {guest}</source>
        <translation>选中的客户机：{guest}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/experiments.py" line="216"/>
        <source>Run workload ▸</source>
        <translation>运行负载 ▸</translation>
    </message>
    <message>
        <location filename="../../gui/panels/experiments.py" line="217"/>
        <source>Inject fault ▸</source>
        <translation>注入故障 ▸</translation>
    </message>
    <message>
        <location filename="../../gui/panels/experiments.py" line="218"/>
        <source>Attack ▸</source>
        <translation>发起攻击 ▸</translation>
    </message>
    <message>
        <location filename="../../gui/panels/experiments.py" line="219"/>
        <source>Memory leak rate</source>
        <translation>内存泄漏速度</translation>
    </message>
    <message>
        <location filename="../../gui/panels/experiments.py" line="220"/>
        <source>CPU hog for</source>
        <translation>CPU 占满时长</translation>
    </message>
    <message>
        <location filename="../../gui/panels/experiments.py" line="231"/>
        <source>{name} (disclosed {date})</source>
        <translation>{name}（{date} 公开）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/experiments.py" line="274"/>
        <source>{workload} started in {guests}</source>
        <translation>{workload} 已在 {guests} 中开始</translation>
    </message>
    <message>
        <location filename="../../gui/panels/experiments.py" line="293"/>
        <source>injected</source>
        <translation>已注入</translation>
    </message>
    <message>
        <location filename="../../gui/panels/experiments.py" line="295"/>
        <source>{fault} in {guest}: {outcome}</source>
        <translation>{guest}：{fault} → {outcome}</translation>
    </message>
</context>
<context>
    <name>GuestConfigPanel</name>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="220"/>
        <source>No guest selected: click one in the diagram or the timeline.</source>
        <translation>未选中客户机：在架构图或时间线上点一台。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="222"/>
        <source>{guest} is gone</source>
        <translation>{guest} 已不存在</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="225"/>
        <source>{guest} ({kind}): no setting of a {kind} changes these experiments</source>
        <translation>{guest}（{kind}）：{kind}没有会改变这些实验结果的设置</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="227"/>
        <source>Settings of {guest} ({kind})</source>
        <translation>{guest}（{kind}）的设置</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="241"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="243"/>
        <source>NAT: Docker&apos;s default bridge, which doubles a network round trip. Host: the host&apos;s own network stack, fast but not isolated.</source>
        <translation>NAT：Docker 默认的网桥，网络往返时间翻倍。host：直接用宿主机的网络栈，快，但没有隔离。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="248"/>
        <source>Pin vCPUs</source>
        <translation>绑定 vCPU</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="250"/>
        <source>Each vCPU on its own host core (“tuned” KVM): CPU work close to the bare host.</source>
        <translation>每个 vCPU 固定在一个宿主机核心上（“调优”的 KVM）：计算性能接近裸机。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="254"/>
        <source>Hyper-V enlightenments</source>
        <translation>Hyper-V 增强</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="256"/>
        <source>Windows guests: synthetic timers (hv-synic, hv-stimer) instead of emulated ones, so an idle Windows VM stops costing the host much of a core.</source>
        <translation>Windows 客户机：使用合成定时器（hv-synic、hv-stimer）代替模拟定时器，空闲的 Windows 虚拟机就不再占用宿主机大半个核。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="261"/>
        <source>Memory limit</source>
        <translation>内存上限</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="263"/>
        <source>cgroup memory.max: a leak kills only this guest, not a neighbour. 0 = no limit.</source>
        <translation>cgroup memory.max：内存泄漏只会杀掉这台客户机，不会殃及邻居。0 = 不限制。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="268"/>
        <source>PIDs limit</source>
        <translation>进程数上限</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="270"/>
        <source>cgroup pids.max: a fork bomb stops here, not at the host&apos;s pid_max. 0 = no limit.</source>
        <translation>cgroup pids.max：fork 炸弹在这里停下，而不是耗尽宿主机的 pid_max。0 = 不限制。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="275"/>
        <source>CPU quota (cores)</source>
        <translation>CPU 配额（核）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="276"/>
        <source>cgroup cpu.max: a CPU hog cannot slow its neighbours. 0 = no limit.</source>
        <translation>cgroup cpu.max：占满 CPU 的程序拖慢不了邻居。0 = 不限制。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="279"/>
        <source>seccomp</source>
        <translation>seccomp</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="280"/>
        <source>Docker&apos;s default seccomp profile refuses dangerous system calls.</source>
        <translation>Docker 默认的 seccomp 配置拒绝危险的系统调用。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="283"/>
        <source>AppArmor</source>
        <translation>AppArmor</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="285"/>
        <source>The docker-default AppArmor profile forbids mounts and writes to /proc and /sys.</source>
        <translation>docker-default 这个 AppArmor 配置禁止挂载，也禁止写 /proc 和 /sys。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="290"/>
        <source>SELinux</source>
        <translation>SELinux</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="292"/>
        <source>SELinux enforcing: container processes carry a label that host files refuse.</source>
        <translation>SELinux 强制模式：容器进程带着一个标签，宿主机的文件不让它访问。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="296"/>
        <source>User namespaces</source>
        <translation>user namespace</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="297"/>
        <source>Root in the container is an unprivileged user on the host.</source>
        <translation>容器里的 root 在宿主机上只是一个无特权用户。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="300"/>
        <source>Privileged</source>
        <translation>特权模式</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="302"/>
        <source>--privileged: every device and capability; the protections above stop working.</source>
        <translation>--privileged：拿到所有设备和权能；上面这些保护全部失效。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="306"/>
        <source>gVisor platform</source>
        <translation>gVisor 平台</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="308"/>
        <source>How the Sentry catches system calls. ptrace is the slowest; KVM is fastest on bare metal but holds more memory. Changing it starts a new guest.</source>
        <translation>Sentry 截获系统调用的方式。ptrace 最慢；KVM 在物理机上最快，但占用更多内存。更改后会启动一台新的客户机。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="313"/>
        <source>Kata hypervisor</source>
        <translation>Kata 虚拟机监视器</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="315"/>
        <source>The VMM the pod&apos;s VM runs in: each starts and holds memory differently; Firecracker&apos;s block device is slow. Changing it starts a new guest.</source>
        <translation>pod 所在虚拟机使用的 VMM：各自的启动时间和内存占用不同；Firecracker 的块设备较慢。更改后会启动一台新的客户机。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="324"/>
        <source>no limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="327"/>
        <source>NAT (Docker bridge)</source>
        <translation>NAT（Docker 网桥）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="328"/>
        <source>Host network</source>
        <translation>host 网络</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="332"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="333"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="345"/>
        <source>{name} (default)</source>
        <translation>{name}（默认）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="367"/>
        <source>{old} stopped; {new} starts with the new runtime</source>
        <translation>{old} 已停止；{new} 以新的运行时启动</translation>
    </message>
    <message>
        <location filename="../../gui/panels/guest_config.py" line="372"/>
        <source>Applied from {t} s on</source>
        <translation>从 {t} 秒起生效</translation>
    </message>
</context>
<context>
    <name>GuestDetailsPanel</name>
    <message>
        <location filename="../../gui/views/guest_details.py" line="121"/>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../gui/views/guest_details.py" line="121"/>
        <source>Started at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../gui/views/guest_details.py" line="121"/>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../../gui/views/guest_details.py" line="121"/>
        <source>Source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../../gui/views/guest_details.py" line="123"/>
        <source>Layer</source>
        <translation>内存层</translation>
    </message>
    <message>
        <location filename="../../gui/views/guest_details.py" line="123"/>
        <source>Resident</source>
        <translation>常驻内存</translation>
    </message>
    <message>
        <location filename="../../gui/views/guest_details.py" line="124"/>
        <source>&amp;Guest:</source>
        <translation>客户机(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../gui/views/guest_details.py" line="125"/>
        <source>Guest shown in detail</source>
        <translation>详细显示的客户机</translation>
    </message>
    <message>
        <location filename="../../gui/views/guest_details.py" line="126"/>
        <source>Phases of the guest</source>
        <translation>客户机的启动阶段</translation>
    </message>
    <message>
        <location filename="../../gui/views/guest_details.py" line="127"/>
        <source>Memory of the guest by layer</source>
        <translation>客户机按层的内存</translation>
    </message>
    <message>
        <location filename="../../gui/views/guest_details.py" line="177"/>
        <source>No guest selected</source>
        <translation>未选中客户机</translation>
    </message>
    <message>
        <location filename="../../gui/views/guest_details.py" line="179"/>
        <source>{guest} is gone</source>
        <translation>{guest} 已不存在</translation>
    </message>
    <message>
        <location filename="../../gui/views/guest_details.py" line="183"/>
        <source>Click a guest in the diagram or the timeline, or choose one in the list above.</source>
        <translation>在架构图或时间线中单击一台客户机，或在上面的列表中选择。</translation>
    </message>
    <message>
        <location filename="../../gui/views/guest_details.py" line="200"/>
        <source>Startup: {startup} · resident {resident} of {configured} configured · {pids} processes · {vcpus} vCPU</source>
        <translation>启动用时：{startup} · 常驻 {resident}（配置 {configured}）· {pids} 个进程 · {vcpus} 个 vCPU</translation>
    </message>
    <message>
        <location filename="../../gui/views/guest_details.py" line="205"/>
        <source>Startup: {startup} · resident {resident} (no memory limit) · {pids} processes · {vcpus} vCPU</source>
        <translation>启动用时：{startup} · 常驻 {resident}（无内存上限）· {pids} 个进程 · {vcpus} 个 vCPU</translation>
    </message>
    <message>
        <location filename="../../gui/views/guest_details.py" line="209"/>
        <source>not yet</source>
        <translation>尚未完成</translation>
    </message>
    <message>
        <location filename="../../gui/views/guest_details.py" line="216"/>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/views/guest_details.py" line="222"/>
        <source> (running)</source>
        <translation>（进行中）</translation>
    </message>
</context>
<context>
    <name>HostPanel</name>
    <message>
        <location filename="../../gui/panels/host_panel.py" line="130"/>
        <location filename="../../gui/panels/host_panel.py" line="241"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../gui/panels/host_panel.py" line="131"/>
        <source>VM memory</source>
        <translation>虚拟机内存</translation>
    </message>
    <message>
        <location filename="../../gui/panels/host_panel.py" line="135"/>
        <source>Reserve</source>
        <translation>预留</translation>
    </message>
    <message>
        <location filename="../../gui/panels/host_panel.py" line="136"/>
        <source>Overcommit</source>
        <translation>超额分配</translation>
    </message>
    <message>
        <location filename="../../gui/panels/host_panel.py" line="141"/>
        <source>Reserve: a VM takes all its configured RAM when it starts.
Overcommit: it takes memory only as the guest touches it.</source>
        <translation>预留：虚拟机启动时就占用全部配置内存。
超额分配：客户机用到多少内存才占用多少。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/host_panel.py" line="145"/>
        <source>vCPU policy</source>
        <translation>vCPU 策略</translation>
    </message>
    <message>
        <location filename="../../gui/panels/host_panel.py" line="148"/>
        <source>How many vCPUs the host admits per physical core: beyond it a VM is refused.
No cap: every VM starts, and busy vCPUs share the cores, so guests slow down.</source>
        <translation>宿主机每个物理核允许分配多少个 vCPU：超过后新的虚拟机会被拒绝。
不设上限：每台虚拟机都能启动，忙碌的 vCPU 共用物理核，客户机因此变慢。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/host_panel.py" line="152"/>
        <source>KSM: merge identical VM pages</source>
        <translation>KSM：合并虚拟机中相同的内存页</translation>
    </message>
    <message>
        <location filename="../../gui/panels/host_panel.py" line="154"/>
        <source>Kernel Samepage Merging scans VM memory and shares pages that are identical</source>
        <translation>KSM（内核同页合并）扫描虚拟机内存，让内容相同的页只保留一份</translation>
    </message>
    <message>
        <location filename="../../gui/panels/host_panel.py" line="156"/>
        <source>Swap to disk when RAM is full</source>
        <translation>内存满时交换到磁盘</translation>
    </message>
    <message>
        <location filename="../../gui/panels/host_panel.py" line="230"/>
        <source>{cores} cores · {ram} RAM · {swap} swap · {arch}</source>
        <translation>{cores} 核 · 内存 {ram} · 交换空间 {swap} · {arch}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/host_panel.py" line="254"/>
        <source>No cap</source>
        <translation>不设上限</translation>
    </message>
    <message>
        <location filename="../../gui/panels/host_panel.py" line="256"/>
        <source>{policy} (default)</source>
        <translation>{policy}（默认）</translation>
    </message>
</context>
<context>
    <name>HostTabBar</name>
    <message>
        <location filename="../../gui/window/host_tabs.py" line="77"/>
        <source>{cores} cores · {ram} GiB RAM · {hypervisor}
Built from the preset: {preset}
Drop a guest here to move it to this host.</source>
        <translation>{cores} 核 · {ram} GiB 内存 · {hypervisor}
基于预设：{preset}
把客户机拖到这里，即可迁移到这台主机。</translation>
    </message>
</context>
<context>
    <name>IdleCpuPlot</name>
    <message>
        <location filename="../../gui/views/idle_cpu_plot.py" line="94"/>
        <source>Host CPU of idle guests over simulated time (s)</source>
        <translation>空闲客户机占用的宿主机 CPU，随模拟时间（秒）变化</translation>
    </message>
    <message>
        <location filename="../../gui/views/idle_cpu_plot.py" line="100"/>
        <source>% of a core</source>
        <translation>占一个核的 %</translation>
    </message>
    <message>
        <location filename="../../gui/views/idle_cpu_plot.py" line="138"/>
        <source>{guest}: {percent} %</source>
        <translation>{guest}：{percent} %</translation>
    </message>
</context>
<context>
    <name>LayerDiagramView</name>
    <message>
        <location filename="../../gui/views/layer_diagram.py" line="264"/>
        <source>Linux VM (WSL 2)</source>
        <translation>Linux 虚拟机（WSL 2）</translation>
    </message>
    <message>
        <location filename="../../gui/views/layer_diagram.py" line="265"/>
        <source>its own Linux kernel, for Linux containers</source>
        <translation>自带 Linux 内核，运行 Linux 容器</translation>
    </message>
    <message>
        <location filename="../../gui/views/layer_diagram.py" line="268"/>
        <source>Windows kernel (host OS)</source>
        <translation>Windows 内核（宿主机操作系统）</translation>
    </message>
    <message>
        <location filename="../../gui/views/layer_diagram.py" line="270"/>
        <source>Hyper-V (type-1 hypervisor)</source>
        <translation>Hyper-V（1 型虚拟机监控程序）</translation>
    </message>
    <message>
        <location filename="../../gui/views/layer_diagram.py" line="272"/>
        <source>{cores} cores · {ram} RAM</source>
        <translation>{cores} 核 · 内存 {ram}</translation>
    </message>
    <message>
        <location filename="../../gui/views/layer_diagram.py" line="356"/>
        <source>Host kernel panic: every guest on it is down</source>
        <translation>宿主机内核崩溃：上面的所有客户机都宕了</translation>
    </message>
    <message>
        <location filename="../../gui/views/layer_diagram.py" line="358"/>
        <source>Host compromised: the attacker controls every guest on it</source>
        <translation>宿主机被攻陷：攻击者控制了上面的每一台客户机</translation>
    </message>
</context>
<context>
    <name>LessonFlow</name>
    <message>
        <location filename="../../gui/window/lesson_flow.py" line="91"/>
        <source>End of the lesson.</source>
        <translation>本课结束。</translation>
    </message>
</context>
<context>
    <name>LessonNotesPanel</name>
    <message>
        <location filename="../../gui/panels/__init__.py" line="209"/>
        <source>at {0}</source>
        <translation>在 {0}</translation>
    </message>
</context>
<context>
    <name>LessonPromptBar</name>
    <message>
        <location filename="../../gui/panels/lesson_prompt.py" line="71"/>
        <source>Lesson:</source>
        <translation>课堂提示：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/lesson_prompt.py" line="73"/>
        <source>Hide this prompt</source>
        <translation>隐藏这条提示</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/window/commands.py" line="41"/>
        <location filename="../../gui/window/main_window.py" line="104"/>
        <source>Add guests</source>
        <translation>添加客户机</translation>
    </message>
    <message>
        <location filename="../../gui/window/commands.py" line="42"/>
        <location filename="../../gui/window/main_window.py" line="106"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_registry.py" line="116"/>
        <source>Architecture: who runs on what</source>
        <translation>架构：谁运行在谁之上</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_registry.py" line="119"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_registry.py" line="125"/>
        <source>Start-up, phase by phase</source>
        <translation>启动过程（分阶段）</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_registry.py" line="128"/>
        <source>Start-up</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_registry.py" line="134"/>
        <source>Host memory by layer</source>
        <translation>主机内存（按层）</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_registry.py" line="136"/>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_registry.py" line="142"/>
        <source>How many more fit?</source>
        <translation>还能再放多少？</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_registry.py" line="144"/>
        <source>How many more</source>
        <translation>还能放几个</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_registry.py" line="146"/>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_registry.py" line="148"/>
        <source>Guest details</source>
        <translation>客户机详情</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_registry.py" line="160"/>
        <source>Contrasts</source>
        <translation>对比表</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="118"/>
        <source>Lesson notes</source>
        <translation>课程说明</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="287"/>
        <source>Transport</source>
        <translation>播放控制</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="379"/>
        <source>This figure comes from here, at t = {0} s</source>
        <translation>这个数字来自这里，t = {0} 秒</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="54"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="55"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="56"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="58"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="61"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="63"/>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/window/commands.py" line="37"/>
        <source>Whole window…</source>
        <translation>整个窗口…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="69"/>
        <source>E&amp;xport screenshot</source>
        <translation>导出截图(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="75"/>
        <source>Export &amp;data (CSV and JSON)…</source>
        <translation>导出数据（CSV 和 JSON）(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="81"/>
        <source>Export &amp;predictions and results (CSV)…</source>
        <translation>导出预测与结果 (CSV)(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="87"/>
        <source>Record &amp;video…</source>
        <translation>录制视频(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="92"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="93"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="97"/>
        <source>&amp;Projector mode</source>
        <translation>投影模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="105"/>
        <source>&amp;Log time axis</source>
        <translation>对数时间轴(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="113"/>
        <source>&amp;Side by side (two hosts)</source>
        <translation>并排显示两台宿主机(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="121"/>
        <source>&amp;Compare with another scenario…</source>
        <translation>与另一个场景对比(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="124"/>
        <source>&amp;Reset layout</source>
        <translation>恢复默认布局(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="125"/>
        <source>Le&amp;ssons</source>
        <translation>课程(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="126"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="127"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="131"/>
        <source>Lesson &amp;notes</source>
        <translation>课程说明(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="135"/>
        <source>&amp;About HostLab</source>
        <translation>关于 HostLab(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="119"/>
        <source>Moves</source>
        <translation>迁移</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="317"/>
        <source>Default scenario</source>
        <translation>默认场景</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="319"/>
        <source>Untitled scenario</source>
        <translation>未命名场景</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="330"/>
        <source>Host: {0}</source>
        <translation>主机：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/window/commands.py" line="91"/>
        <source>This scenario has no lesson notes.</source>
        <translation>这个场景没有课程说明。</translation>
    </message>
    <message>
        <location filename="../../gui/window/start_page.py" line="97"/>
        <source>(no lessons bundled)</source>
        <translation>（没有内置课程）</translation>
    </message>
    <message>
        <location filename="../../gui/window/files.py" line="146"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location filename="../../gui/window/files.py" line="149"/>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location filename="../../gui/window/files.py" line="40"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../gui/window/files.py" line="70"/>
        <source>Cannot open scenario</source>
        <translation>无法打开场景</translation>
    </message>
    <message>
        <location filename="../../gui/window/files.py" line="98"/>
        <source>Cannot save scenario</source>
        <translation>无法保存场景</translation>
    </message>
    <message>
        <location filename="../../gui/window/files.py" line="102"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/window/files.py" line="117"/>
        <source>Cannot export screenshot</source>
        <translation>无法导出截图</translation>
    </message>
    <message>
        <location filename="../../gui/window/files.py" line="120"/>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/window/files.py" line="131"/>
        <source>Cannot export data</source>
        <translation>无法导出数据</translation>
    </message>
    <message>
        <location filename="../../gui/window/files.py" line="135"/>
        <source>Exported {0} files to {1}</source>
        <translation>已导出 {0} 个文件到 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_registry.py" line="154"/>
        <source>Workloads: speed relative to the bare host</source>
        <translation>负载：相对裸机的速度</translation>
    </message>
    <message>
        <location filename="../../gui/window/experiment_tabs.py" line="45"/>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
    <message>
        <location filename="../../gui/window/experiment_tabs.py" line="46"/>
        <source>Guest settings</source>
        <translation>客户机设置</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_registry.py" line="155"/>
        <location filename="../../gui/window/view_registry.py" line="156"/>
        <source>Benchmarks</source>
        <translation>基准测试</translation>
    </message>
</context>
<context>
    <name>MemoryPlot</name>
    <message>
        <location filename="../../gui/views/memory_plot.py" line="224"/>
        <source>simulated time</source>
        <translation>模拟时间</translation>
    </message>
    <message>
        <location filename="../../gui/views/memory_plot.py" line="226"/>
        <source>memory ({unit})</source>
        <translation>内存（{unit}）</translation>
    </message>
    <message>
        <location filename="../../gui/views/memory_plot.py" line="154"/>
        <location filename="../../gui/views/memory_plot.py" line="228"/>
        <source>Zoom to memory in use</source>
        <translation>缩放到已用内存</translation>
    </message>
    <message>
        <location filename="../../gui/views/memory_plot.py" line="160"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../../gui/views/memory_plot.py" line="224"/>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/views/memory_plot.py" line="231"/>
        <source>Fit the chart to the memory in use; untick to see all of the host&apos;s RAM</source>
        <translation>让图表适配已用内存；取消勾选可查看主机的全部内存</translation>
    </message>
    <message>
        <location filename="../../gui/views/memory_plot.py" line="381"/>
        <source>✕ OOM kill ×{n}</source>
        <translation>✕ OOM 终止 ×{n}</translation>
    </message>
    <message>
        <location filename="../../gui/views/memory_plot.py" line="382"/>
        <location filename="../../gui/views/memory_plot.py" line="392"/>
        <source>✕ OOM kill</source>
        <translation>✕ OOM 终止</translation>
    </message>
    <message>
        <location filename="../../gui/views/memory_plot.py" line="320"/>
        <source>RAM {size}</source>
        <translation>内存 {size}</translation>
    </message>
    <message>
        <location filename="../../gui/views/memory_plot.py" line="339"/>
        <source>RAM {size} ↑
{free} free</source>
        <translation>内存 {size} ↑
空闲 {free}</translation>
    </message>
    <message>
        <location filename="../../gui/views/memory_plot.py" line="360"/>
        <source>free {size}</source>
        <translation>空闲 {size}</translation>
    </message>
</context>
<context>
    <name>MovesPanel</name>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="153"/>
        <source>Cannot move {guest}: {why}</source>
        <translation>无法迁移 {guest}：{why}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="164"/>
        <source>Guest:</source>
        <translation>客户机：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="165"/>
        <source>Move to ▸</source>
        <translation>迁移到 ▸</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="168"/>
        <source>Stop the guest, ship what it needs over the network and start it on another host.
You can also drag a row of the table onto a host tab.</source>
        <translation>停止客户机，通过网络传输它需要的数据，然后在另一台主机上启动。
也可以把表格中的一行拖到主机标签页上。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="174"/>
        <source>Guest</source>
        <translation>客户机</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="175"/>
        <source>From → to</source>
        <translation>从 → 到</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="176"/>
        <source>Moved</source>
        <translation>已传输</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="177"/>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="178"/>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="179"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="180"/>
        <source>Warnings</source>
        <translation>注意事项</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="198"/>
        <location filename="../../gui/panels/moves_panel.py" line="266"/>
        <source>{done} of {total} ({share:.0f} %)</source>
        <translation>{done} / {total}（{share:.0f} %）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="300"/>
        <source>convert {formats} {took}</source>
        <translation>格式转换 {formats} {took}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="302"/>
        <source>transfer {took}</source>
        <translation>传输 {took}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="315"/>
        <source>transferring…</source>
        <translation>传输中…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="317"/>
        <source>converting…</source>
        <translation>格式转换中…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="318"/>
        <source>starting…</source>
        <translation>启动中…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="322"/>
        <source>moving…</source>
        <translation>迁移中…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="327"/>
        <source>{mode}: down {downtime}</source>
        <translation>{mode}：停机 {downtime}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="331"/>
        <source>{rounds} rounds</source>
        <translation>{rounds} 轮</translation>
    </message>
    <message>
        <location filename="../../gui/panels/moves_panel.py" line="333"/>
        <source>did not converge</source>
        <translation>未收敛</translation>
    </message>
</context>
<context>
    <name>PalettePanel</name>
    <message>
        <location filename="../../gui/panels/palette.py" line="74"/>
        <source>Starts in {startup} alone on this host (image cached); each guest holds {memory} of its own once running.</source>
        <translation>在这台主机上单独启动需 {startup}（镜像已缓存）；运行后每个客户机自己占用 {memory}。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/palette.py" line="80"/>
        <source>Its image adds {cache} of page cache once per host, shared by every guest of the same image.</source>
        <translation>它的镜像在每台主机上另占 {cache} 页缓存（只算一次），由同一镜像的所有客户机共享。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/palette.py" line="250"/>
        <location filename="../../gui/panels/palette.py" line="343"/>
        <source>Add several…</source>
        <translation>批量添加…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/palette.py" line="251"/>
        <source>Add many guests of one template, one after another</source>
        <translation>按同一模板依次添加多台客户机</translation>
    </message>
    <message>
        <location filename="../../gui/panels/palette.py" line="253"/>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <location filename="../../gui/panels/palette.py" line="254"/>
        <source>Virtual machines</source>
        <translation>虚拟机</translation>
    </message>
    <message>
        <location filename="../../gui/panels/palette.py" line="255"/>
        <source>MicroVMs and sandboxes</source>
        <translation>微虚拟机与沙箱</translation>
    </message>
    <message>
        <location filename="../../gui/panels/palette.py" line="342"/>
        <source>Add one</source>
        <translation>添加一台</translation>
    </message>
</context>
<context>
    <name>PredictionCard</name>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="128"/>
        <source>Expected {0}</source>
        <translation>应为 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="138"/>
        <source>Export predictions</source>
        <translation>导出预测</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="140"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="149"/>
        <source>Cannot export predictions</source>
        <translation>无法导出预测</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="165"/>
        <source>Predict first</source>
        <translation>先预测</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="165"/>
        <source>Prediction and result</source>
        <translation>预测与结果</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="185"/>
        <source>Type a number in {unit}.</source>
        <translation>输入一个数字，单位 {unit}。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="186"/>
        <source>Type the number of one choice.</source>
        <translation>输入一个选项的编号。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="187"/>
        <source>Type the choice numbers in order, e.g. 2 1 3.</source>
        <translation>按顺序输入选项编号，例如 2 1 3。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="201"/>
        <source>The run</source>
        <translation>模拟结果</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="204"/>
        <source>Class</source>
        <translation>全班</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="204"/>
        <source>Group {0}</source>
        <translation>第 {0} 组</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="205"/>
        <source>✓ right</source>
        <translation>✓ 正确</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="205"/>
        <source>✗ not this time</source>
        <translation>✗ 这次没猜中</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="240"/>
        <source>One answer per group (A–F)</source>
        <translation>每组一个答案（A–F）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="241"/>
        <source>The class&apos;s answer</source>
        <translation>全班的答案</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="242"/>
        <source>Lock the answers and run</source>
        <translation>锁定答案并运行</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="243"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/panels/prediction_card.py" line="244"/>
        <source>Skip this question</source>
        <translation>跳过这个问题</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../gui/window/record_dialog.py" line="70"/>
        <location filename="../../gui/window/record_dialog.py" line="181"/>
        <source>Record video</source>
        <translation>录制视频</translation>
    </message>
    <message>
        <location filename="../../gui/window/record_dialog.py" line="98"/>
        <source>MP4 video (H.264)</source>
        <translation>MP4 视频（H.264）</translation>
    </message>
    <message>
        <location filename="../../gui/window/record_dialog.py" line="99"/>
        <source>WebM video (VP9)</source>
        <translation>WebM 视频（VP9）</translation>
    </message>
    <message>
        <location filename="../../gui/window/record_dialog.py" line="100"/>
        <source>Animated GIF</source>
        <translation>GIF 动画</translation>
    </message>
    <message>
        <location filename="../../gui/window/record_dialog.py" line="104"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../gui/window/record_dialog.py" line="105"/>
        <source>Until</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../gui/window/record_dialog.py" line="106"/>
        <source>Size (pixels)</source>
        <translation>尺寸（像素）</translation>
    </message>
    <message>
        <location filename="../../gui/window/record_dialog.py" line="107"/>
        <source>Frames per second</source>
        <translation>每秒帧数</translation>
    </message>
    <message>
        <location filename="../../gui/window/record_dialog.py" line="108"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../gui/window/record_dialog.py" line="121"/>
        <source>Record…</source>
        <translation>录制…</translation>
    </message>
    <message>
        <location filename="../../gui/window/record_dialog.py" line="156"/>
        <source>The end must come after the start.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../gui/window/record_dialog.py" line="159"/>
        <source>{0} frames is too many (at most {1}): record a shorter range or fewer frames per second.</source>
        <translation>{0} 帧太多（最多 {1} 帧）：请缩短时间范围或降低每秒帧数。</translation>
    </message>
    <message>
        <location filename="../../gui/window/record_dialog.py" line="172"/>
        <source>{0} frames, {1} of video.</source>
        <translation>{0} 帧，视频时长 {1}。</translation>
    </message>
    <message>
        <location filename="../../gui/window/record_dialog.py" line="208"/>
        <source>The window cannot be this small: at this width it needs {0} × {1} pixels.</source>
        <translation>窗口不能这么小：在这个宽度下需要 {0} × {1} 像素。</translation>
    </message>
    <message>
        <location filename="../../gui/window/record_dialog.py" line="248"/>
        <source>Frame {0} of {1}: {2}</source>
        <translation>第 {0} 帧，共 {1} 帧：{2}</translation>
    </message>
    <message>
        <location filename="../../gui/window/record_dialog.py" line="257"/>
        <source>Recorded {0}</source>
        <translation>已录制 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/window/record_dialog.py" line="284"/>
        <source>Recording cancelled; no file was written.</source>
        <translation>录制已取消，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>SideBySideView</name>
    <message>
        <location filename="../../gui/window/side_by_side.py" line="45"/>
        <source>Memory and start-up</source>
        <translation>内存与启动</translation>
    </message>
    <message>
        <location filename="../../gui/window/side_by_side.py" line="46"/>
        <source>Architecture and how many more fit</source>
        <translation>架构与还能再放几个</translation>
    </message>
    <message>
        <location filename="../../gui/window/side_by_side.py" line="361"/>
        <source>Cannot compare the scenarios</source>
        <translation>无法对比这两个场景</translation>
    </message>
    <message>
        <location filename="../../gui/window/side_by_side.py" line="377"/>
        <source>Two scenarios run side by side when each has one host, no timed actions and no guest settings, and both have the same memory policy.</source>
        <translation>两个场景要并排运行，每个都只能有一台宿主机、没有定时操作和客户机设置，并且两者的内存策略相同。</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../gui/window/start_page.py" line="64"/>
        <source>The eight contrasts</source>
        <translation>八个对比</translation>
    </message>
    <message>
        <location filename="../../gui/window/start_page.py" line="65"/>
        <source>Use cases (contrast 7)</source>
        <translation>应用场景（对比 7）</translation>
    </message>
    <message>
        <location filename="../../gui/window/start_page.py" line="99"/>
        <source>Start page…</source>
        <translation>起始页…</translation>
    </message>
</context>
<context>
    <name>StartPageDialog</name>
    <message>
        <location filename="../../gui/window/start_page.py" line="142"/>
        <source>HostLab lessons</source>
        <translation>HostLab 课程</translation>
    </message>
    <message>
        <location filename="../../gui/window/start_page.py" line="145"/>
        <source>&lt;h2&gt;Lessons&lt;/h2&gt;&lt;p&gt;Each lesson opens a ready scenario with notes for the class: what to do, what to watch, questions to ask and where the numbers come from. Press play once it is open.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;课程&lt;/h2&gt;&lt;p&gt;每节课都会打开一个准备好的场景，并附有课堂说明：怎么操作、观察什么、向学生提哪些问题，以及数据的来源。打开后按下播放即可。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/window/start_page.py" line="150"/>
        <source>Show this page when HostLab starts</source>
        <translation>启动 HostLab 时显示此页</translation>
    </message>
    <message>
        <location filename="../../gui/window/start_page.py" line="171"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../gui/panels/status_panel.py" line="56"/>
        <source>t = {0}</source>
        <translation>t = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/status_panel.py" line="57"/>
        <source>seed {0}</source>
        <translation>随机种子 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/status_panel.py" line="61"/>
        <source>Guests: {0}</source>
        <translation>客户机：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/status_panel.py" line="62"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/panels/status_panel.py" line="66"/>
        <source>Memory {0} of {1} RAM ({2:.0f} %)</source>
        <translation>内存已用 {0} / {1}（{2:.0f} %）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/status_panel.py" line="67"/>
        <source>Memory {0} ({1:.0f} %)</source>
        <translation>内存已用 {0}（{1:.0f} %）</translation>
    </message>
</context>
<context>
    <name>TemplateTileView</name>
    <message>
        <location filename="../../gui/panels/palette.py" line="173"/>
        <source>Defined in this scenario file as &apos;{id}&apos;, from the template &apos;{base}&apos;.</source>
        <translation>由本场景文件定义，名为“{id}”，基于模板“{base}”。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/palette.py" line="179"/>
        <source>Click to add one. Drag onto the host to add one there.
Right-click to add several.</source>
        <translation>单击添加一台；拖到主机视图上也可添加。
右键单击可批量添加。</translation>
    </message>
</context>
<context>
    <name>TimeSliderPanel</name>
    <message>
        <location filename="../../gui/panels/time_slider.py" line="56"/>
        <location filename="../../gui/panels/time_slider.py" line="57"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/panels/time_slider.py" line="60"/>
        <source>Drag back to any earlier moment of the run. Play replays from there; a change there starts a new branch.</source>
        <translation>往回拖到这次运行中任何更早的时刻。从那里播放会重放；在那里做改动会开出一个新分支。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/time_slider.py" line="64"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../gui/panels/time_slider.py" line="65"/>
        <source>Back to the present moment of the run</source>
        <translation>回到这次运行的当前时刻</translation>
    </message>
    <message>
        <location filename="../../gui/panels/time_slider.py" line="80"/>
        <source>Rewound to {t} of {end}</source>
        <translation>已倒回到 {t}（共 {end}）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/time_slider.py" line="86"/>
        <source>Branch {n}, from {t}</source>
        <translation>分支 {n}，从 {t} 开始</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../gui/views/timeline.py" line="234"/>
        <source>{guest} ({template})
{phase}: {duration}{running}
source: {source}</source>
        <translation>{guest}（{template}）
{phase}：{duration}{running}
数据来源：{source}</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline.py" line="242"/>
        <source> so far</source>
        <translation>（进行中）</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline.py" line="256"/>
        <source>Log time</source>
        <translation>对数时间</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline.py" line="257"/>
        <source>A logarithmic time axis, from each guest&apos;s request</source>
        <translation>对数时间轴，从每个客户机被请求时算起</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline.py" line="258"/>
        <source>Group identical guests</source>
        <translation>合并相同的客户机</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline.py" line="259"/>
        <source>Same template and same phases share one row</source>
        <translation>模板和阶段都相同的客户机合并为一行</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline.py" line="267"/>
        <source>time since the guest was requested (log)</source>
        <translation>从请求启动起的时间（对数）</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline.py" line="268"/>
        <source>time (log)</source>
        <translation>时间（对数）</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline.py" line="270"/>
        <source>simulated time</source>
        <translation>模拟时间</translation>
    </message>
    <message>
        <location filename="../../gui/views/timeline.py" line="270"/>
        <source>time</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>TransportPanel</name>
    <message>
        <location filename="../../gui/panels/transport.py" line="114"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../gui/panels/transport.py" line="115"/>
        <source>Jump to the next event (→)</source>
        <translation>跳到下一个事件（→）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/transport.py" line="116"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../gui/panels/transport.py" line="117"/>
        <source>Back to time 0 with the scenario&apos;s guests (Ctrl+R)</source>
        <translation>回到时间 0，只保留场景中的客户机（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/transport.py" line="118"/>
        <location filename="../../gui/panels/transport.py" line="119"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../gui/panels/transport.py" line="122"/>
        <source>Simulated seconds per real second: from slow motion (0.01×) to fast forward (100×)</source>
        <translation>每真实一秒对应的模拟秒数：从慢动作（0.01×）到快进（100×）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/transport.py" line="161"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../gui/panels/transport.py" line="161"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../gui/panels/transport.py" line="162"/>
        <source>Play or pause (Space)</source>
        <translation>播放或暂停（空格键）</translation>
    </message>
</context>
<context>
    <name>ViewBar</name>
    <message>
        <location filename="../../gui/window/view_bar.py" line="81"/>
        <source>All views</source>
        <translation>全部视图</translation>
    </message>
    <message>
        <location filename="../../gui/window/view_bar.py" line="82"/>
        <source>new result</source>
        <translation>新结果</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <location filename="../../gui/text/catalog_strings.py" line="12"/>
        <source>Alpine (sleep)</source>
        <translation>Alpine（空闲 sleep）</translation>
    </message>
    <message>
        <location filename="../../gui/text/catalog_strings.py" line="13"/>
        <source>nginx web server</source>
        <translation>nginx 网页服务器</translation>
    </message>
    <message>
        <location filename="../../gui/text/catalog_strings.py" line="14"/>
        <source>Redis key-value store</source>
        <translation>Redis 键值存储</translation>
    </message>
    <message>
        <location filename="../../gui/text/catalog_strings.py" line="15"/>
        <source>PostgreSQL database</source>
        <translation>PostgreSQL 数据库</translation>
    </message>
    <message>
        <location filename="../../gui/text/catalog_strings.py" line="16"/>
        <source>Python web app</source>
        <translation>Python 网页应用</translation>
    </message>
    <message>
        <location filename="../../gui/text/catalog_strings.py" line="17"/>
        <source>Alpine in gVisor</source>
        <translation>gVisor 中的 Alpine</translation>
    </message>
    <message>
        <location filename="../../gui/text/catalog_strings.py" line="18"/>
        <source>Alpine in Kata</source>
        <translation>Kata 中的 Alpine</translation>
    </message>
    <message>
        <location filename="../../gui/text/catalog_strings.py" line="19"/>
        <source>Firecracker microVM</source>
        <translation>Firecracker 微虚拟机</translation>
    </message>
    <message>
        <location filename="../../gui/text/catalog_strings.py" line="20"/>
        <source>Alpine Linux VM</source>
        <translation>Alpine Linux 虚拟机</translation>
    </message>
    <message>
        <location filename="../../gui/text/catalog_strings.py" line="21"/>
        <source>Ubuntu Server VM</source>
        <translation>Ubuntu Server 虚拟机</translation>
    </message>
    <message>
        <location filename="../../gui/text/catalog_strings.py" line="22"/>
        <source>Debian 12 VM</source>
        <translation>Debian 12 虚拟机</translation>
    </message>
    <message>
        <location filename="../../gui/text/catalog_strings.py" line="23"/>
        <source>Windows Server VM</source>
        <translation>Windows Server 虚拟机</translation>
    </message>
    <message>
        <location filename="../../gui/text/catalog_strings.py" line="24"/>
        <source>nginx in Docker in an Ubuntu VM</source>
        <translation>Ubuntu 虚拟机里 Docker 中的 nginx</translation>
    </message>
    <message>
        <location filename="../../gui/text/catalog_strings.py" line="25"/>
        <source>IIS web server (Windows container)</source>
        <translation>IIS 网页服务器（Windows 容器）</translation>
    </message>
    <message>
        <location filename="../../gui/text/catalog_strings.py" line="28"/>
        <source>Teacher&apos;s laptop</source>
        <translation>教师笔记本电脑</translation>
    </message>
    <message>
        <location filename="../../gui/text/catalog_strings.py" line="29"/>
        <source>Classroom server</source>
        <translation>教室服务器</translation>
    </message>
    <message>
        <location filename="../../gui/text/catalog_strings.py" line="30"/>
        <source>Big server</source>
        <translation>大型服务器</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../gui/dialogs.py" line="127"/>
        <source>Reset the simulation?</source>
        <translation>重置模拟？</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="128"/>
        <source>This resets the simulation. Continue?</source>
        <translation>这会重置模拟。要继续吗？</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="139"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="141"/>
        <source>The scenario “{0}” has changes that are not saved.
Save them first?</source>
        <translation>场景“{0}”有尚未保存的更改。
要先保存吗？</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="165"/>
        <source>&lt;h3&gt;HostLab {0}&lt;/h3&gt;&lt;p&gt;A classroom simulator that shows how containers and virtual machines differ: how they start, phase by phase, how the host&apos;s memory fills layer by layer, and when the host cannot take one more guest.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Where the numbers come from.&lt;/b&gt; Start-up phases, memory sizes and host limits are taken from published measurements and documentation. Each number cites its source in the catalog: hover over a phase in the timeline or select a guest to see it.&lt;/p&gt;&lt;p&gt;Chinese font: WenQuanYi Micro Hei (Apache 2.0 or GPL 3 with font exception).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HostLab {0}&lt;/h3&gt;&lt;p&gt;一个课堂模拟器，展示容器和虚拟机的区别：它们如何一个阶段一个阶段地启动，主机内存如何一层一层地被占满，以及主机什么时候再也放不下一台客户机。&lt;/p&gt;&lt;p&gt;&lt;b&gt;数字从哪里来。&lt;/b&gt;启动阶段、内存大小和主机限制都取自公开发表的测量结果和官方文档。目录中的每个数字都注明了出处：把鼠标停在时间线的某个阶段上，或选中一台客户机，就能看到。&lt;/p&gt;&lt;p&gt;中文字体：文泉驿微米黑（Apache 2.0 或带字体例外条款的 GPL 3）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="178"/>
        <source>About HostLab</source>
        <translation>关于 HostLab</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="193"/>
        <source>HostLab scenarios (*.toml);;All files (*)</source>
        <translation>HostLab 场景 (*.toml);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="199"/>
        <source>Open scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="207"/>
        <source>Save scenario as</source>
        <translation>场景另存为</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="217"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="218"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="221"/>
        <source>Export screenshot</source>
        <translation>导出截图</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="232"/>
        <source>Export data (CSV and JSON) into</source>
        <translation>将数据（CSV 和 JSON）导出到</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../gui/text/errors.py" line="21"/>
        <source>one of the known keys: </source>
        <translation>已知键之一：</translation>
    </message>
    <message>
        <location filename="../../gui/text/errors.py" line="22"/>
        <source>an array of tables ([[...]])</source>
        <translation>表数组（[[...]]）</translation>
    </message>
    <message>
        <location filename="../../gui/text/errors.py" line="23"/>
        <source>a non-empty array of strings</source>
        <translation>非空的字符串数组</translation>
    </message>
    <message>
        <location filename="../../gui/text/errors.py" line="24"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../gui/text/errors.py" line="25"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../gui/text/errors.py" line="26"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location filename="../../gui/text/errors.py" line="27"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location filename="../../gui/text/errors.py" line="28"/>
        <source>a table</source>
        <translation>表</translation>
    </message>
    <message>
        <location filename="../../gui/text/errors.py" line="29"/>
        <source>(required)</source>
        <translation>（必填）</translation>
    </message>
    <message>
        <location filename="../../gui/text/errors.py" line="30"/>
        <source>one of </source>
        <translation>以下之一：</translation>
    </message>
    <message>
        <location filename="../../gui/text/errors.py" line="31"/>
        <source>unknown key </source>
        <translation>未知键 </translation>
    </message>
    <message>
        <location filename="../../gui/text/errors.py" line="32"/>
        <source>from </source>
        <translation>从 </translation>
    </message>
    <message>
        <location filename="../../gui/text/errors.py" line="33"/>
        <source> to </source>
        <translation> 到 </translation>
    </message>
    <message>
        <location filename="../../gui/text/errors.py" line="56"/>
        <source>{file}: cannot read the file ({detail})</source>
        <translation>{file}：无法读取文件（{detail}）</translation>
    </message>
    <message>
        <location filename="../../gui/text/errors.py" line="59"/>
        <source>{file}: not valid TOML ({detail})</source>
        <translation>{file}：不是有效的 TOML（{detail}）</translation>
    </message>
    <message>
        <location filename="../../gui/text/errors.py" line="63"/>
        <source>{where}: expected {expected}</source>
        <translation>{where}：应为{expected}</translation>
    </message>
    <message>
        <location filename="../../gui/text/errors.py" line="65"/>
        <source>{where}: expected {expected}, got {got}</source>
        <translation>{where}：应为{expected}，实际为 {got}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../gui/text/labels.py" line="22"/>
        <location filename="../../gui/text/labels.py" line="89"/>
        <source>Host kernel</source>
        <translation>主机内核</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="23"/>
        <source>Runtime daemons</source>
        <translation>运行时守护进程</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="24"/>
        <source>Container overhead</source>
        <translation>容器开销</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="25"/>
        <source>Shared image cache</source>
        <translation>共享镜像缓存</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="26"/>
        <source>Hypervisor (VMM)</source>
        <translation>虚拟机监视器（VMM）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="27"/>
        <source>Guest kernels</source>
        <translation>客户机内核</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="28"/>
        <source>Guest OS</source>
        <translation>客户机操作系统</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="29"/>
        <source>Guest page cache</source>
        <translation>客户机页缓存</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="30"/>
        <source>Guest idle RAM</source>
        <translation>客户机空闲内存</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="31"/>
        <source>Applications</source>
        <translation>应用程序</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="32"/>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="33"/>
        <source>Swap used</source>
        <translation>已用交换空间</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="34"/>
        <source>Saved by KSM</source>
        <translation>KSM 节省</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="37"/>
        <source>Image pull</source>
        <translation>拉取镜像</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="38"/>
        <source>Daemon</source>
        <translation>守护进程</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="39"/>
        <source>Network setup</source>
        <translation>网络配置</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="40"/>
        <source>runc create</source>
        <translation>runc create</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="41"/>
        <source>Exec</source>
        <translation>exec 启动进程</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="42"/>
        <source>Sandbox</source>
        <translation>沙箱</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="43"/>
        <source>VMM start</source>
        <translation>VMM 启动</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="44"/>
        <source>Firmware</source>
        <translation>固件</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="45"/>
        <source>Bootloader</source>
        <translation>引导程序</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="46"/>
        <source>Kernel boot</source>
        <translation>内核启动</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="47"/>
        <source>Init / userspace</source>
        <translation>init / 用户空间</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="48"/>
        <source>cloud-init</source>
        <translation>cloud-init 初始化</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="49"/>
        <source>App start</source>
        <translation>应用启动</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="50"/>
        <source>Linux VM boot (WSL 2)</source>
        <translation>Linux 虚拟机启动（WSL 2）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="53"/>
        <source>Live copy of memory (pre-copy rounds)</source>
        <translation>在线复制内存（预复制轮次）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="54"/>
        <source>Stop and copy the rest</source>
        <translation>停机并复制剩余部分</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="55"/>
        <source>Checkpoint: dump memory (CRIU)</source>
        <translation>检查点：转储内存（CRIU）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="56"/>
        <source>Restore from the checkpoint</source>
        <translation>从检查点恢复</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="59"/>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="17"/>
        <source>CPU (Linpack)</source>
        <translation>CPU（Linpack）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="19"/>
        <source>Memory bandwidth (STREAM)</source>
        <translation>内存带宽（STREAM）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="20"/>
        <source>Memory bandwidth</source>
        <translation>内存带宽</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="23"/>
        <source>Random I/O (4 KiB reads)</source>
        <translation>随机 I/O（4 KiB 读）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="24"/>
        <source>Random I/O</source>
        <translation>随机 I/O</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="27"/>
        <source>Network round trip (TCP_RR)</source>
        <translation>网络往返（TCP_RR）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="28"/>
        <source>Network round trip</source>
        <translation>网络往返</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="31"/>
        <source>Key-value store (Redis GET, 1 connection)</source>
        <translation>键值存储（Redis GET，单连接）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="32"/>
        <source>Redis GET</source>
        <translation>Redis GET</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="35"/>
        <source>Database (sysbench OLTP)</source>
        <translation>数据库（sysbench OLTP）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="36"/>
        <source>Database (OLTP)</source>
        <translation>数据库（OLTP）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="39"/>
        <source>Network throughput (iperf3, 1 stream)</source>
        <translation>网络吞吐量（iperf3，单个数据流）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="40"/>
        <source>Network throughput</source>
        <translation>网络吞吐量</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="43"/>
        <source>Web requests (small static file, keep-alive)</source>
        <translation>Web 请求（小静态文件，长连接）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="44"/>
        <source>Web requests</source>
        <translation>Web 请求</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="47"/>
        <source>Idle guest: host CPU</source>
        <translation>空闲客户机：宿主机 CPU</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="48"/>
        <source>Idle host CPU</source>
        <translation>空闲时的宿主机 CPU</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="53"/>
        <source>Container (NAT)</source>
        <translation>容器（NAT）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="54"/>
        <source>Container (host network)</source>
        <translation>容器（host 网络）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="55"/>
        <location filename="../../gui/text/labels.py" line="60"/>
        <source>VM</source>
        <translation>虚拟机</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="56"/>
        <source>VM (vCPUs pinned)</source>
        <translation>虚拟机（绑定 vCPU）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="57"/>
        <source>MicroVM (Firecracker)</source>
        <translation>微虚拟机（Firecracker）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="58"/>
        <source>gVisor</source>
        <translation>gVisor</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="59"/>
        <source>Kata</source>
        <translation>Kata</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="60"/>
        <source>gVisor (KVM platform)</source>
        <translation>gVisor（KVM 平台）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="61"/>
        <source>gVisor (ptrace platform)</source>
        <translation>gVisor（ptrace 平台）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="62"/>
        <source>Kata (Cloud Hypervisor)</source>
        <translation>Kata（Cloud Hypervisor）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="63"/>
        <source>Kata (Firecracker)</source>
        <translation>Kata（Firecracker）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="64"/>
        <source>Container in a VM</source>
        <translation>虚拟机里的容器</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="67"/>
        <source>Kernel panic</source>
        <translation>内核崩溃（panic）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="68"/>
        <source>Memory leak</source>
        <translation>内存泄漏</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="69"/>
        <source>Fork bomb</source>
        <translation>fork 炸弹</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="70"/>
        <source>CPU hog</source>
        <translation>占满 CPU</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="73"/>
        <source>CVE-2019-5736: runc overwritten via /proc/self/exe</source>
        <translation>CVE-2019-5736：通过 /proc/self/exe 覆盖 runc</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="76"/>
        <source>CVE-2024-21626: runc leaked fd (Leaky Vessels)</source>
        <translation>CVE-2024-21626：runc 泄漏的文件描述符（Leaky Vessels）</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="77"/>
        <source>CVE-2022-0492: cgroups v1 release_agent</source>
        <translation>CVE-2022-0492：cgroups v1 release_agent</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="78"/>
        <source>VENOM (CVE-2015-3456): QEMU floppy controller</source>
        <translation>VENOM（CVE-2015-3456）：QEMU 软驱控制器</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="81"/>
        <source>escaped: the host and every guest on it are compromised</source>
        <translation>逃逸成功：宿主机和上面的每一台客户机都被攻陷</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="84"/>
        <source>blocked by the guest&apos;s hardening</source>
        <translation>被这台客户机的加固措施挡住</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="85"/>
        <source>contained in the guest&apos;s own VM</source>
        <translation>被困在这台客户机自己的虚拟机里</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="86"/>
        <source>the guest cannot reach the vulnerable part</source>
        <translation>这台客户机根本接触不到有漏洞的组件</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="87"/>
        <source>the shared host kernel panics: every guest goes down</source>
        <translation>共享的宿主机内核崩溃：所有客户机都宕了</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="90"/>
        <source>only this guest&apos;s own kernel panics</source>
        <translation>只有这台客户机自己的内核崩溃</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="93"/>
        <source>Workload</source>
        <translation>负载</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="94"/>
        <source>Attack</source>
        <translation>攻击</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="95"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="96"/>
        <source>Move</source>
        <translation>迁移</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="61"/>
        <source>MicroVM</source>
        <translation>微虚拟机</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="62"/>
        <source>Sandboxed container</source>
        <translation>沙箱容器</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="63"/>
        <source>Container in VM</source>
        <translation>虚拟机中的容器</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="66"/>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="67"/>
        <source>pulling</source>
        <translation>拉取中</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="68"/>
        <source>starting</source>
        <translation>启动中</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="69"/>
        <location filename="../../gui/text/labels.py" line="108"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="70"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="74"/>
        <source>killed</source>
        <translation>已终止</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="75"/>
        <source>crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="76"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="79"/>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../../gui/text/experiment_labels.py" line="17"/>
        <location filename="../../gui/text/labels.py" line="80"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="81"/>
        <source>PIDs</source>
        <translation>进程数（PID）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="82"/>
        <source>bridge ports</source>
        <translation>网桥端口</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="83"/>
        <source>disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="88"/>
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="90"/>
        <source>Host kernel, shared by every container</source>
        <translation>主机内核，所有容器共用</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="91"/>
        <source>Host OS kernel (runs on the hypervisor)</source>
        <translation>主机操作系统内核（运行在虚拟机监视器之上）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="92"/>
        <source>×{n} guest kernels, one per VM</source>
        <translation>×{n} 个客户机内核，每台虚拟机一个</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="100"/>
        <source>gVisor Sentry: user-space kernel</source>
        <translation>gVisor Sentry：用户态内核</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="93"/>
        <source>Container runtime</source>
        <translation>容器运行时</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="51"/>
        <source>Transfer to new host</source>
        <translation>传输到新主机</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="52"/>
        <source>Disk format conversion</source>
        <translation>磁盘格式转换</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="71"/>
        <source>moving to another host</source>
        <translation>正在迁移到另一台主机</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="72"/>
        <source>leaving</source>
        <translation>正在迁出</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="73"/>
        <source>arriving</source>
        <translation>正在迁入</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="84"/>
        <source>platform (CPU architecture or OS)</source>
        <translation>平台（CPU 架构或操作系统）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="85"/>
        <source>host down (kernel panic)</source>
        <translation>主机宕机（内核崩溃）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="94"/>
        <source>namespaces · cgroups</source>
        <translation>命名空间 · cgroup</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="95"/>
        <source>KVM hypervisor (in the host kernel)</source>
        <translation>KVM 虚拟机监视器（在主机内核中）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="96"/>
        <source>Type-1 hypervisor (bare metal)</source>
        <translation>一型虚拟机监视器（裸机）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="97"/>
        <source>Type-2 hypervisor (an app on the host OS)</source>
        <translation>二型虚拟机监视器（主机系统上的应用）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="98"/>
        <source>Guest kernel</source>
        <translation>客户机内核</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="101"/>
        <source>No container runtime</source>
        <translation>没有容器运行时</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="102"/>
        <source>No hypervisor</source>
        <translation>没有虚拟机监视器</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="111"/>
        <source>exec format error: the image was built for another CPU architecture</source>
        <translation>exec format error（可执行文件格式错误）：镜像是为另一种 CPU 架构构建的</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="120"/>
        <source>the host has no hypervisor to run a VM</source>
        <translation>主机没有虚拟机监视器，无法运行虚拟机</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="121"/>
        <source>no PIDs left (pid_max reached)</source>
        <translation>PID 已用完（达到 pid_max）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="122"/>
        <source>vCPU commitment limit reached</source>
        <translation>已达到 vCPU 分配上限</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="123"/>
        <source>disk full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="124"/>
        <source>the host&apos;s platform cannot run it</source>
        <translation>主机的平台无法运行它</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="125"/>
        <source>not enough free RAM to reserve the VM&apos;s memory</source>
        <translation>空闲内存不足，无法为虚拟机预留内存</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="114"/>
        <source>image operating system &quot;windows&quot; cannot be used on this platform</source>
        <translation>image operating system &quot;windows&quot; cannot be used on this platform（Windows 镜像不能在此平台上使用）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="99"/>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="117"/>
        <source>no matching manifest for this host&apos;s architecture in the image</source>
        <translation>no matching manifest（没有匹配的清单）：镜像没有适用于此主机 CPU 架构的版本</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="126"/>
        <source>bridge full: every port of the network bridge is taken</source>
        <translation>网桥已满：网桥的所有端口都已占用</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="129"/>
        <source>the host kernel has panicked; reset the simulation</source>
        <translation>主机内核已崩溃（kernel panic）；请重置模拟</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="133"/>
        <source>needs virtio drivers: a Windows guest moving to KVM</source>
        <translation>需要 virtio 驱动：Windows 客户机迁移到 KVM</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="136"/>
        <source>runs under emulation, about {factor}× slower (an assumption)</source>
        <translation>通过模拟运行，大约慢 {factor} 倍（假设值）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="139"/>
        <source>needs a Linux VM on Windows to run a Linux container</source>
        <translation>在 Windows 上运行 Linux 容器需要一个 Linux 虚拟机</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="142"/>
        <source>open TCP connections survive only with CRIU&apos;s --tcp-established</source>
        <translation>已建立的 TCP 连接只有在使用 CRIU 的 --tcp-established 时才能保留</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="145"/>
        <source>host devices cannot be checkpointed: CRIU needs them declared as external</source>
        <translation>主机设备无法做检查点：CRIU 需要将其声明为外部资源</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="150"/>
        <source>Cold: stop, copy, start again</source>
        <translation>冷迁移：停止、复制、重新启动</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="151"/>
        <source>Live migration (keeps running)</source>
        <translation>热迁移（保持运行）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="152"/>
        <source>Checkpoint/restore (CRIU)</source>
        <translation>检查点/恢复（CRIU）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="158"/>
        <source>x86-64</source>
        <translation>x86-64</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="159"/>
        <source>ARM64</source>
        <translation>ARM64</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="162"/>
        <source>Linux</source>
        <translation>Linux</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="163"/>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="166"/>
        <source>KVM</source>
        <translation>KVM</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="167"/>
        <source>type-1 hypervisor (e.g. Hyper-V)</source>
        <translation>一型虚拟机监视器（如 Hyper-V）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="168"/>
        <source>type-2 hypervisor (an app)</source>
        <translation>二型虚拟机监视器（作为应用运行）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="169"/>
        <source>no hypervisor</source>
        <translation>没有虚拟机监视器</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="172"/>
        <source>Reserve all at start</source>
        <translation>启动时全部预留</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="173"/>
        <source>Allocate on use (overcommit)</source>
        <translation>用时再分配（超额分配）</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="197"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="198"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="199"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="200"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="201"/>
        <source>Speed</source>
        <translation>基准</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="202"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../gui/text/labels.py" line="285"/>
        <source>no limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="40"/>
        <source>{guest} added (template {template})</source>
        <translation>已添加 {guest}（模板 {template}）</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="43"/>
        <source>{guest}: image {image} already cached, no pull</source>
        <translation>{guest}：镜像 {image} 已在本地缓存，无需拉取</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="46"/>
        <source>{guest}: {phase} done in {duration}</source>
        <translation>{guest}：{phase}完成，用时 {duration}</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="51"/>
        <source>{guest} is ready after {startup}</source>
        <translation>{guest} 已就绪，启动用时 {startup}</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="54"/>
        <source>Out of memory: {guest} killed ({resident} resident, {reason})</source>
        <translation>内存不足：{guest} 被终止（常驻内存 {resident}，原因：{reason}）</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="57"/>
        <source>{guest} failed to start: {reason}</source>
        <translation>{guest} 启动失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="60"/>
        <source>{guest} removed</source>
        <translation>已移除 {guest}</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="61"/>
        <source>Host started swapping ({amount} in swap)</source>
        <translation>主机开始使用交换空间（已换出 {amount}）</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="64"/>
        <source>{guest} moves from {source} to {target}</source>
        <translation>{guest} 开始从 {source} 迁移到 {target}</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="67"/>
        <source>{guest} moved from {source} to {target}: {amount} sent, {verdict}{warnings}</source>
        <translation>{guest} 已从 {source} 迁移到 {target}：传输 {amount}，{verdict}{warnings}</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="77"/>
        <source>{guest} stops for the last copy after pre-copy round {rounds}: {amount} still dirty</source>
        <translation>{guest} 经过 {rounds} 轮在线复制后停机做最后一次复制：仍有 {amount} 脏页</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="81"/>
        <source>{guest} dirties memory as fast as the link copies it: after {rounds} rounds it stops with {amount} still dirty</source>
        <translation>{guest} 写脏内存的速度与链路复制的速度一样快：{rounds} 轮后停机，仍有 {amount} 脏页</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="86"/>
        <source>{guest} is frozen: CRIU dumps {amount} of memory</source>
        <translation>{guest} 已冻结：CRIU 转储 {amount} 内存</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="89"/>
        <source>{host}: a Linux VM boots to run Linux containers on Windows</source>
        <translation>{host}：启动一个 Linux 虚拟机，用来在 Windows 上运行 Linux 容器</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="93"/>
        <source>{guest}: {workload} {value} {unit} ({ratio}× the bare host)</source>
        <translation>{guest}：{workload} {value} {unit}（裸机的 {ratio}×）</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="102"/>
        <source>{guest}: {fault}: {outcome}</source>
        <translation>{guest}：{fault}：{outcome}</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="107"/>
        <source>{guest}: {fault} stops with the guest ({state})</source>
        <translation>{guest}：{fault}随该客户机一同停止（{state}）</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="112"/>
        <source>{guest}: {fault} injected</source>
        <translation>{guest}：已注入{fault}</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="115"/>
        <source>{guest} crashed ({reason})</source>
        <translation>{guest} 崩溃了（{reason}）</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="118"/>
        <source>{guest} reached its cgroup memory limit: only it is killed</source>
        <translation>{guest} 达到了 cgroup 内存上限：只有它被杀掉</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="121"/>
        <source>{guest}: its own kernel&apos;s OOM killer ended the leaking app; the VM and the host carry on</source>
        <translation>{guest}：它自己内核的 OOM killer 结束了泄漏的应用；虚拟机和宿主机照常运行</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="126"/>
        <source>{guest}: fork fails at the host&apos;s pid_max ({pids} PIDs): no new process can start on the host</source>
        <translation>{guest}：fork 在宿主机的 pid_max 处失败（{pids} 个进程）：宿主机上再也启动不了新进程</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="132"/>
        <source>{guest}: fork fails at its PIDs limit ({pids} PIDs); the host is untouched</source>
        <translation>{guest}：fork 在它自己的进程数上限处失败（{pids} 个进程）；宿主机不受影响</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="136"/>
        <source>{guest}: the fork bomb fills the VM&apos;s own PID space; the host&apos;s PIDs are untouched</source>
        <translation>{guest}：fork 炸弹只占满了虚拟机自己的进程号空间；宿主机的进程号不受影响</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="140"/>
        <source>{action} skipped: {guest} is not running</source>
        <translation>{action}被跳过：{guest} 没有在运行</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="160"/>
        <source>Guest added</source>
        <translation>添加客户机</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="161"/>
        <source>Pull skipped</source>
        <translation>跳过拉取</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="162"/>
        <source>Phase done</source>
        <translation>阶段完成</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="163"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="164"/>
        <source>OOM kill</source>
        <translation>OOM 终止</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="165"/>
        <source>Start failed</source>
        <translation>启动失败</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="166"/>
        <source>Guest removed</source>
        <translation>移除客户机</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="167"/>
        <source>Swap started</source>
        <translation>开始交换</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="168"/>
        <source>Move started</source>
        <translation>迁移开始</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="169"/>
        <source>Move done</source>
        <translation>迁移完成</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="170"/>
        <source>Stop and copy</source>
        <translation>停机复制</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="171"/>
        <source>Live move not converging</source>
        <translation>热迁移不收敛</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="172"/>
        <source>Checkpoint</source>
        <translation>检查点</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="173"/>
        <source>Linux VM on Windows</source>
        <translation>Windows 上的 Linux 虚拟机</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="174"/>
        <source>Workload done</source>
        <translation>负载完成</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="175"/>
        <source>Incident</source>
        <translation>事故</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="176"/>
        <source>Fault injected</source>
        <translation>注入故障</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="177"/>
        <source>Fault stopped</source>
        <translation>故障停止</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="178"/>
        <source>Guest crashed</source>
        <translation>客户机崩溃</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="179"/>
        <source>cgroup OOM</source>
        <translation>cgroup 内存不足</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="180"/>
        <source>Guest OOM</source>
        <translation>客户机内存不足</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="181"/>
        <source>PIDs exhausted</source>
        <translation>进程号耗尽</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="182"/>
        <source>Fork bomb contained</source>
        <translation>fork 炸弹被控制住</translation>
    </message>
    <message>
        <location filename="../../gui/text/log_text.py" line="183"/>
        <source>Action skipped</source>
        <translation>操作被跳过</translation>
    </message>
</context>
</TS>
