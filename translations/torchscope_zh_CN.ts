<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>GraphExport</name>
    <message>
        <location filename="../widgets/graphexport.cpp" line="+21"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+76"/>
        <location line="+50"/>
        <source>there is no graph to export</source>
        <translation>没有可导出的图</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>%1 × %2 pixels is too big; choose a smaller scale</source>
        <translation>%1 × %2 像素太大；请选择较小的缩放比例</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>compressing the image failed</source>
        <translation>压缩图像失败</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Drawn by TorchScope</source>
        <translation>由 TorchScope 绘制</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+58"/>
        <source>Inspect TorchScript archives: modules, code and IR.</source>
        <translation>查看 TorchScript 归档：模块、代码和 IR。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TorchScript archives to open, each in its own tab.</source>
        <translation>要打开的 TorchScript 归档，每个归档在单独的标签页中打开。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open ARCHIVE, save a picture of the window to FILE and exit.</source>
        <translation>打开 ARCHIVE，将窗口截图保存到 FILE 后退出。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --screenshot: the view to show (code, ir, graph, tree or archive).</source>
        <translation>与 --screenshot 一起使用：要显示的视图（code、ir、graph、tree 或 archive）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --screenshot --view graph: draw the inlined graph.</source>
        <translation>与 --screenshot --view graph 一起使用：绘制内联图。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --screenshot --view graph: none (the default) or all submodules opened.</source>
        <translation>与 --screenshot --view graph 一起使用：none（默认）或 all（展开所有子模块）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open archives A and B side by side in a Compare window.</source>
        <translation>在比较窗口中并排打开存档 A 和 B。</translation>
    </message>
    <message>
        <location filename="../app/worker/main.cpp" line="+38"/>
        <source>Hosts LibTorch for the TorchScope desktop app, which starts it; not meant to be run by hand.</source>
        <translation>为 TorchScope 桌面应用承载 LibTorch，由应用负责启动；请勿手动运行。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect to the app&apos;s local server &lt;name&gt;.</source>
        <translation>连接到应用的本地服务器 &lt;name&gt;。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>torchscope-worker: --server NAME is required</source>
        <translation>torchscope-worker: 必须指定 --server NAME</translation>
    </message>
</context>
<context>
    <name>torchscope::ArchivePanel</name>
    <message>
        <location filename="../widgets/archivepanel.cpp" line="+53"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive folder:</source>
        <translation>归档目录：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File size:</source>
        <translation>文件大小：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format version:</source>
        <translation>格式版本：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Debug info:</source>
        <translation>调试信息：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lite bytecode:</source>
        <translation>Lite 字节码：</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Records</source>
        <translation>条目</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Extra files</source>
        <translation>额外文件</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>present (.debug_pkl: nodes map to their Python source lines)</source>
        <translation>有（.debug_pkl：节点可对应到 Python 源代码行）</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>absent</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>present (bytecode.pkl: saved for the lite interpreter)</source>
        <translation>有（bytecode.pkl：为 lite 解释器保存）</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>This archive has no extra files.</source>
        <translation>此归档没有额外文件。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: JSON, %2 (shown indented)</source>
        <translation>%1：JSON，%2（缩进显示）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: text, %2</source>
        <translation>%1：文本，%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: binary, %2 (shown as hex)</source>
        <translation>%1：二进制，%2（以十六进制显示）</translation>
    </message>
</context>
<context>
    <name>torchscope::ArgumentEditor</name>
    <message>
        <location filename="../widgets/argumenteditor.cpp" line="+67"/>
        <source>auto (e.g. %1)</source>
        <translation>自动（例如 %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The argument&apos;s value as `torchscope-cli run --input` takes it, e.g. %1. Empty: auto (the default, None for Optional, or the shape a trace recorded).</source>
        <translation>参数的值，写法与 `torchscope-cli run --input` 相同，例如 %1。留空表示自动（默认值；Optional 为 None；或追踪时记录的形状）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From file…</source>
        <translation>从文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A .npy array or a tensor saved with torch.save</source>
        <translation>.npy 数组，或用 torch.save 保存的张量</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>%1 is not Optional: None may be refused</source>
        <translation>%1 不是 Optional：None 可能被拒绝</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 expects something like %2</source>
        <translation>%1 需要类似 %2 的值</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Input for %1</source>
        <translation>%1 的输入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tensors (*.npy *.pt *.pth);;All files (*)</source>
        <translation>张量 (*.npy *.pt *.pth);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>torchscope::BytesFormat</name>
    <message>
        <location filename="../widgets/bytesformat.cpp" line="+44"/>
        <source>… %1 more bytes not shown</source>
        <translation>… 另有 %1 字节未显示</translation>
    </message>
</context>
<context>
    <name>torchscope::ComparePanel</name>
    <message>
        <location filename="../widgets/comparepanel.cpp" line="+56"/>
        <source>suggested by each argument (e.g. randn:3x4 rand:3x4)</source>
        <translation>按各参数的建议（例如 randn:3x4 rand:3x4）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trials:</source>
        <translation>试验次数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inputs:</source>
        <translation>输入：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare outputs</source>
        <translation>比较输出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy reproduce command</source>
        <translation>复制复现命令</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies the torchscope-cli command that reruns the first failing trial</source>
        <translation>复制重新运行第一个失败试验的 torchscope-cli 命令</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Trial / output</source>
        <translation>试验 / 输出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mismatched</source>
        <translation>不匹配</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Greatest abs. difference</source>
        <translation>最大绝对差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Greatest rel. difference</source>
        <translation>最大相对差</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The worker for archive A is not running.</source>
        <translation>存档 A 的工作进程未在运行。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The seed must be a whole number from 0.</source>
        <translation>种子必须是不小于 0 的整数。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Input %1: %2</source>
        <translation>输入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Running %n trial(s) of both archives…</source>
        <translation>
            <numerusform>正在对两个存档运行 %n 次试验…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The comparison failed: %1</source>
        <translation>比较失败：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+19"/>
        <location line="+3"/>
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+19"/>
        <location line="+3"/>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>%1: %2 of %3 trials agree.</source>
        <translation>%1：%3 次试验中有 %2 次一致。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First failing trial: %1 (seed %2, %3).</source>
        <translation>第一个失败的试验：%1（种子 %2，%3）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Trial %1 (seed %2, %3)</source>
        <translation>试验 %1（种子 %2，%3）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 of %2 (%3%)</source>
        <translation>%2 个中 %1 个（%3%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>%1 at %2</source>
        <translation>%1，位于 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>atol %1, rtol %2</source>
        <translation>atol %1，rtol %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A: %1, B: %2</source>
        <translation>A：%1，B：%2</translation>
    </message>
</context>
<context>
    <name>torchscope::CompareWindow</name>
    <message>
        <location filename="../widgets/comparewindow.cpp" line="+50"/>
        <source>Compare %1 and %2</source>
        <translation>比较 %1 和 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opening both archives…</source>
        <translation>正在打开两个存档…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graph</source>
        <translation>图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A: %1</source>
        <translation>A：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B: %1</source>
        <translation>B：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The worker for %1 stopped: %2</source>
        <translation>%1 的工作进程已停止：%2</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>A: %1   B: %2</source>
        <translation>A：%1   B：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 could not be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>(root)</source>
        <translation>（根）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Only in A</source>
        <translation>仅在 A 中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Only in B</source>
        <translation>仅在 B 中</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>This archive has no %1.%2.</source>
        <translation>此存档没有 %1.%2。</translation>
    </message>
</context>
<context>
    <name>torchscope::DetailsPanel</name>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="+63"/>
        <source>Path:</source>
        <translation>路径：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buffers:</source>
        <translation>缓冲区：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submodules:</source>
        <translation>子模块：</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+107"/>
        <source>Methods</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Statistics</source>
        <translation>统计信息</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Min:</source>
        <translation>最小值：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max:</source>
        <translation>最大值：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean:</source>
        <translation>均值：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Std:</source>
        <translation>标准差：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zeros:</source>
        <translation>零值：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NaN:</source>
        <extracomment>Count of elements that are NaN (not a number)</extracomment>
        <translation>NaN：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inf:</source>
        <extracomment>Count of elements that are +Inf or -Inf</extracomment>
        <translation>Inf：</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>(root)</source>
        <translation>（根）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>%1 elements, %2</source>
        <translation>%1 个元素，%2</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Methods (%n)</source>
        <translation>
            <numerusform>方法（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This module has no methods.</source>
        <translation>此模块没有方法。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+35"/>
        <source>Select a tensor to see its statistics.</source>
        <translation>选择一个张量以查看其统计信息。</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>No module selected.</source>
        <translation>未选择模块。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 is not a tensor.</source>
        <translation>%1 不是张量。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Computing the statistics of %1…</source>
        <translation>正在计算 %1 的统计信息…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The statistics of %1 could not be computed: %2</source>
        <translation>无法计算 %1 的统计信息：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The values of %1 (%2, %3) cannot be summarised.</source>
        <translation>无法汇总 %1（%2，%3）的值。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2, %3, %4 elements</source>
        <translation>%1：%2，%3，%4 个元素</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (%2%)</source>
        <translation>%1（%2%）</translation>
    </message>
</context>
<context>
    <name>torchscope::FindBar</name>
    <message>
        <location filename="../widgets/findbar.cpp" line="+32"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next match (Enter)</source>
        <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aa</source>
        <extracomment>Toggle button: match upper and lower case exactly</extracomment>
        <translation>Aa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+159"/>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location line="-156"/>
        <source>Close (Escape)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>No matches</source>
        <translation>无匹配项</translation>
    </message>
</context>
<context>
    <name>torchscope::FrameReader</name>
    <message>
        <location filename="../core/worker/protocol.cpp" line="+160"/>
        <source>Not a TorchScope worker message: expected magic 0x%1, got 0x%2.</source>
        <translation>不是 TorchScope 工作进程消息：魔数应为 0x%1，实际为 0x%2。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TorchScope worker protocol version %1 is not supported (this build speaks version %2): the app and torchscope-worker come from different builds.</source>
        <translation>不支持 TorchScope 工作进程协议版本 %1（此构建使用版本 %2）：应用与 torchscope-worker 来自不同的构建。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A worker message of %1 bytes exceeds the limit of %2 bytes.</source>
        <translation>工作进程消息大小为 %1 字节，超出了 %2 字节的上限。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A worker message declares %1 bytes, less than its %2-byte header.</source>
        <translation>工作进程消息声明的长度为 %1 字节，小于其 %2 字节的消息头。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown worker message type %1.</source>
        <translation>未知的工作进程消息类型 %1。</translation>
    </message>
</context>
<context>
    <name>torchscope::GraphMinimap</name>
    <message>
        <location filename="../widgets/graphminimap.cpp" line="+17"/>
        <source>Overview: click or drag to move the view</source>
        <translation>概览：单击或拖动以移动视图</translation>
    </message>
</context>
<context>
    <name>torchscope::GraphPanel</name>
    <message>
        <location filename="../widgets/graphpanel.cpp" line="+109"/>
        <source>Expand</source>
        <translation>展开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open every submodule box one level</source>
        <translation>将每个子模块框展开一层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expand all</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open every submodule, all the way down</source>
        <translation>展开所有子模块，直到最底层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collapse all</source>
        <translation>全部折叠</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close every opened submodule</source>
        <translation>折叠所有已展开的子模块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plumbing</source>
        <translation>辅助节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show constants, attribute reads and list/tuple packing as nodes</source>
        <translation>将常量、属性读取和列表/元组打包显示为节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fit the graph to the window (F)</source>
        <translation>使整个图适应窗口 (F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom to selection</source>
        <translation>缩放到所选</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom to the selected node (Z)</source>
        <translation>缩放到所选节点 (Z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the graph as SVG, PNG or DOT</source>
        <translation>将图保存为 SVG、PNG 或 DOT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find op, value or module; &quot;quoted&quot; = exact</source>
        <translation>查找算子、值或模块；&quot;加引号&quot; = 精确匹配</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配 (Shift+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match (Enter)</source>
        <translation>下一个匹配 (Enter)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop waiting for this layout; the drawing on screen stays</source>
        <translation>不再等待此布局；屏幕上的图保持不变</translation>
    </message>
    <message>
        <location line="+191"/>
        <source>This method&apos;s graph is not available.</source>
        <translation>此方法的图不可用。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Preparing the drawing…</source>
        <translation>正在准备绘图…</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Reading the graphs of %n submodule(s)…</source>
        <translation>
            <numerusform>正在读取 %n 个子模块的图…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The graph cannot be drawn: %1</source>
        <translation>无法绘制该图：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Laying out %n node(s)…</source>
        <translation>
            <numerusform>正在布局 %n 个节点…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The graph could not be laid out: %1</source>
        <translation>无法对该图进行布局：%1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Layout cancelled; the drawing on screen is the previous one.</source>
        <translation>布局已取消；屏幕上显示的是之前的图。</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>module: %1</source>
        <translation>模块：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>calls %1 (double-click to open)</source>
        <translation>调用 %1（双击展开）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closed: double-click to show its blocks</source>
        <translation>已折叠：双击显示其块</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>.code line %1</source>
        <translation>.code 第 %1 行</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Searching inside submodules…</source>
        <translation>正在子模块中搜索…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is no graph to export.</source>
        <translation>没有可导出的图。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot export to %1: the name must end in .svg, .png or .dot.</source>
        <translation>无法导出到 %1：文件名必须以 .svg、.png 或 .dot 结尾。</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+17"/>
        <source>Export Graph</source>
        <translation>导出图</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>SVG, vector with text (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot)</source>
        <translation>SVG，含文本的矢量图 (*.svg);;PNG 图像 (*.png);;Graphviz DOT (*.dot)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixels per point (1 gives %1 × %2 pixels):</source>
        <translation>每点像素数（1 对应 %1 × %2 像素）：</translation>
    </message>
</context>
<context>
    <name>torchscope::HistogramView</name>
    <message>
        <location filename="../widgets/histogramview.cpp" line="+78"/>
        <source>No finite values</source>
        <translation>没有有限值</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>max bin: %1</source>
        <translation>最高柱：%1</translation>
    </message>
</context>
<context>
    <name>torchscope::IrLexer</name>
    <message>
        <location filename="../widgets/irlexer.cpp" line="+78"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ATen operator</source>
        <translation>ATen 算子</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Primitive node</source>
        <translation>原语节点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other operator</source>
        <translation>其他算子</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source location</source>
        <translation>源代码位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keyword</source>
        <translation>关键字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>String</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Punctuation</source>
        <translation>标点</translation>
    </message>
</context>
<context>
    <name>torchscope::MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="+84"/>
        <source>MyCell (traced)</source>
        <translation>MyCell（追踪）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A Linear layer and tanh, recorded by torch.jit.trace</source>
        <translation>一个 Linear 层加 tanh，由 torch.jit.trace 记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MyDecisionGate (traced)</source>
        <translation>MyDecisionGate（追踪）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The trace kept only the branch it saw: no if in dg.forward</source>
        <translation>追踪只保留了实际执行的分支：dg.forward 中没有 if</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MyDecisionGate (scripted)</source>
        <translation>MyDecisionGate（脚本化）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>torch.jit.script kept the control flow: prim::If in dg.forward</source>
        <translation>torch.jit.script 保留了控制流：dg.forward 中有 prim::If</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MyRNNLoop (scripted)</source>
        <translation>MyRNNLoop（脚本化）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A scripted loop around a traced cell: prim::Loop</source>
        <translation>脚本化的循环包裹追踪得到的 cell：prim::Loop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WrapRNN (traced)</source>
        <translation>WrapRNN（追踪）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracing and scripting mixed: the tutorial&apos;s saved model</source>
        <translation>追踪与脚本化混用：教程中保存的模型</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open TorchScript Archives</source>
        <translation>打开 TorchScript 归档</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>TorchScript archives (*.pt *.pth *.ptl *.jit *.torchscript);;All files (*)</source>
        <translation>TorchScript 归档 (*.pt *.pth *.ptl *.jit *.torchscript);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Co&amp;mpare…</source>
        <translation>比较(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare: pick archives A and B</source>
        <translation>比较：选择存档 A 和 B</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare: pick archive B</source>
        <translation>比较：选择存档 B</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Sample</source>
        <translation>打开示例(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Close Tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reset Zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Next Tab</source>
        <translation>下一个标签页(&amp;N)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Previous Tab</source>
        <translation>上一个标签页(&amp;P)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About TorchScope</source>
        <translation>关于 TorchScope(&amp;A)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The bundled sample %1 cannot be read.</source>
        <translation>无法读取内置示例 %1。</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>%1 — TorchScope</source>
        <translation>%1 — TorchScope</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TorchScope</source>
        <translation>TorchScope</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Clear Recent Files</source>
        <translation>清除最近打开的文件</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>About TorchScope</source>
        <translation>关于 TorchScope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;TorchScope %1&lt;/h3&gt;&lt;p&gt;Inspect TorchScript archives with the real LibTorch: the module hierarchy, each module&apos;s .code, .graph and .inlined_graph.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;TorchScope %1&lt;/h3&gt;&lt;p&gt;使用真正的 LibTorch 查看 TorchScript 归档：模块层次结构，以及每个模块的 .code、.graph 和 .inlined_graph。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>torchscope::MessageBar</name>
    <message>
        <location filename="../widgets/messagebar.cpp" line="+28"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>torchscope::ModelTab</name>
    <message>
        <location filename="../widgets/modeltab.cpp" line="+73"/>
        <source>Filter modules</source>
        <translation>筛选模块</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Whole class</source>
        <translation>整个类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the code of every method of the module&apos;s class (module._c.code)</source>
        <translation>显示模块所属类的全部方法的代码（module._c.code）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>graph</source>
        <translation>graph</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inlined_graph</source>
        <translation>inlined_graph</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source comments</source>
        <translation>源代码注释</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>IR:</source>
        <translation>IR：</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&lt;b&gt;.code&lt;/b&gt;</source>
        <translation>&lt;b&gt;.code&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;IR&lt;/b&gt;</source>
        <translation>&lt;b&gt;IR&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The worker process could not be started.</source>
        <translation>无法启动工作进程。</translation>
    </message>
    <message>
        <location line="+112"/>
        <source># This module has no methods.</source>
        <translation># 此模块没有方法。</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>This module has no methods.</source>
        <translation>此模块没有方法。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>module %1</source>
        <translation>模块 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(root)</source>
        <translation>（根）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>.code line %1 of %2</source>
        <translation>%2 的 .code 第 %1 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Python source %1:%2</source>
        <translation>Python 源代码 %1:%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location line="+18"/>
        <source># %1</source>
        <translation># %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The worker process serving %1 stopped answering for %2 seconds and was stopped.</source>
        <translation>为 %1 服务的工作进程已 %2 秒无响应，已被终止。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The worker process serving %1 stopped: %2</source>
        <translation>为 %1 服务的工作进程已停止：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart</source>
        <translation>重新启动</translation>
    </message>
    <message>
        <location line="-376"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
</context>
<context>
    <name>torchscope::ModuleTreeModel</name>
    <message>
        <location filename="../widgets/moduletreemodel.cpp" line="+133"/>
        <source>(root)</source>
        <translation>（根）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
Path: %2</source>
        <translation>%1
路径：%2</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Parameter elements in this module and every module below it</source>
        <translation>此模块及其下所有模块中的参数元素数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes of the parameters and buffers in this module and every module below it</source>
        <translation>此模块及其下所有模块中参数和缓冲区的字节数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>torchscope::NodeDetails</name>
    <message>
        <location filename="../widgets/nodedetails.cpp" line="+28"/>
        <source>&lt;p&gt;Select a node in the graph or a line of the IR to see its details here.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在图中选择一个节点或在 IR 中选择一行，即可在此查看其详细信息。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Module:</source>
        <translation>模块：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(root)</source>
        <translation>（根）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calls:</source>
        <translation>调用：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>.code line %1 of %2</source>
        <translation>%2 的 .code 第 %1 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Python source %1:%2</source>
        <translation>Python 源码 %1:%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
</context>
<context>
    <name>torchscope::OutputTreeModel</name>
    <message numerus="yes">
        <location filename="../widgets/outputtreemodel.cpp" line="+190"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dtype</source>
        <translation>dtype</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NaN</source>
        <translation>NaN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inf</source>
        <translation>Inf</translation>
    </message>
</context>
<context>
    <name>torchscope::PreferencesDialog</name>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="+21"/>
        <source>Reopen the files that were open when TorchScope was last closed</source>
        <translation>重新打开上次关闭 TorchScope 时打开的文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Operator libraries</source>
        <translation>算子库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared libraries (.so) that register extra operators, such as torchvision&apos;s for torchvision::nms. They are loaded before every archive opens; changes apply to archives opened afterwards.</source>
        <translation>注册额外算子的共享库（.so），例如提供 torchvision::nms 的 torchvision 库。它们在每个归档打开前加载；更改仅对之后打开的归档生效。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add Operator Library</source>
        <translation>添加算子库</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shared libraries (*.so *.so.* *.dylib *.dll)</source>
        <translation>共享库 (*.so *.so.* *.dylib *.dll)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language (applies after a restart):</source>
        <translation>语言（重启后生效）：</translation>
    </message>
</context>
<context>
    <name>torchscope::RecordTableModel</name>
    <message>
        <location filename="../widgets/recordtablemodel.cpp" line="+68"/>
        <source>deflated</source>
        <extracomment>How a zip record is kept: &quot;stored&quot; (as is) or &quot;deflated&quot; (compressed)</extracomment>
        <translation>压缩</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stored</source>
        <translation>未压缩</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1
%2 bytes, %3 in the file</source>
        <translation>%1
%2 字节，在文件中占 %3</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In file</source>
        <extracomment>Bytes a zip record takes in the file, after compression</extracomment>
        <translation>压缩后</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Storage</source>
        <translation>存储方式</translation>
    </message>
</context>
<context>
    <name>torchscope::RequestRunner</name>
    <message>
        <location filename="../app/worker/requestrunner.cpp" line="+56"/>
        <source>The worker could not complete the request: %1</source>
        <translation>工作进程无法完成请求：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The answer (%1 bytes) is larger than the worker protocol carries (%2 bytes).</source>
        <translation>应答（%1 字节）超出了工作进程协议可承载的大小（%2 字节）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The worker received a malformed %1 request.</source>
        <translation>工作进程收到了格式错误的 %1 请求。</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>%1 is not a request the worker answers.</source>
        <translation>%1 不是工作进程可响应的请求。</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>No archive is open in this worker: open one before asking about it.</source>
        <translation>此工作进程中没有打开的归档：请先打开归档再查询。</translation>
    </message>
</context>
<context>
    <name>torchscope::RunPanel</name>
    <message>
        <location filename="../widgets/runpanel.cpp" line="+50"/>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Seeds every random fill: the same seed gives the same inputs</source>
        <translation>为所有随机填充设定种子：相同的种子得到相同的输入</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timed runs:</source>
        <translation>计时运行次数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warm-up runs:</source>
        <translation>预热运行次数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stops the worker process running the model; the model is loaded again</source>
        <translation>停止运行模型的工作进程；模型会重新加载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save outputs…</source>
        <translation>保存输出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs once more with the same inputs and saves the output for torch.load</source>
        <translation>用相同的输入再运行一次，并保存输出供 torch.load 读取</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save outputs</source>
        <translation>保存输出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PyTorch files (*.pt);;All files (*)</source>
        <translation>PyTorch 文件 (*.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Trace</source>
        <translation>追踪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traces the method with these inputs and shows the flattened graph beside the scripted one</source>
        <translation>用这些输入追踪该方法，并在脚本化的图旁边显示展平后的图</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Running %1 on %2… %3 s</source>
        <translation>正在 %2 上运行 %1… %3 秒</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The run was stopped; the model is loaded again.</source>
        <translation>运行已停止；模型已重新加载。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Outputs saved to %1.</source>
        <translation>输出已保存到 %1。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No method selected</source>
        <translation>未选择方法</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading the arguments of %1…</source>
        <translation>正在读取 %1 的参数…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 takes no arguments.</source>
        <translation>%1 不接受参数。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This build&apos;s LibTorch has no CUDA: only the CPU can run models. Build TorchScope against a CUDA LibTorch (-DCMAKE_PREFIX_PATH=/path/to/libtorch) to run on a GPU.</source>
        <translation>此构建的 LibTorch 不含 CUDA：只能在 CPU 上运行模型。要在 GPU 上运行，请基于带 CUDA 的 LibTorch 构建 TorchScope（-DCMAKE_PREFIX_PATH=/path/to/libtorch）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LibTorch has CUDA, but it reports no GPU now.</source>
        <translation>LibTorch 含 CUDA，但目前没有报告任何 GPU。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The devices LibTorch reports now</source>
        <translation>LibTorch 当前报告的设备</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Running %1 on %2…</source>
        <translation>正在 %2 上运行 %1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelled: stopping the worker and loading the model again…</source>
        <translation>已取消：正在停止工作进程并重新加载模型…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saving outputs to %1…</source>
        <translation>正在将输出保存到 %1…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 ran on %2.</source>
        <translation>%1 已在 %2 上运行。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n timed run(s) after %1 warm-up: mean %2 ms, median %3 ms, p95 %4 ms, min %5 ms; peak memory %6</source>
        <translation>
            <numerusform>%1 次预热后计时运行 %n 次：均值 %2 毫秒，中位数 %3 毫秒，p95 %4 毫秒，最小 %5 毫秒；峰值内存 %6</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The arguments of %1 could not be read: %2</source>
        <translation>无法读取 %1 的参数：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The outputs could not be saved: %1</source>
        <translation>无法保存输出：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The worker process stopped during the run.</source>
        <translation>工作进程在运行期间停止了。</translation>
    </message>
</context>
<context>
    <name>torchscope::SlotTableModel</name>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="+59"/>
        <source>scalar</source>
        <translation>标量</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>buffer</source>
        <translation>缓冲区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>constant</source>
        <translation>常量</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shape: %1, %2 on %3</source>
        <translation>形状：%1，%2，设备 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 elements, %2</source>
        <translation>%1 个元素，%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requires grad</source>
        <translation>需要梯度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Does not require grad</source>
        <translation>不需要梯度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quantized</source>
        <translation>已量化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value: %1</source>
        <translation>值：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dtype</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Elements</source>
        <translation>元素数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes</source>
        <translation>字节数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>torchscope::StartPage</name>
    <message>
        <location filename="../widgets/startpage.cpp" line="+30"/>
        <source>No recent files yet.</source>
        <translation>暂无最近打开的文件。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TorchScope</source>
        <translation>TorchScope</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open a TorchScript archive (.pt, .pth, .ptl, .jit) with File ▸ Open (Ctrl+O), or drop one or more files anywhere on this window.</source>
        <translation>通过“文件 ▸ 打开”（Ctrl+O）打开 TorchScript 归档（.pt、.pth、.ptl、.jit），或将一个或多个文件拖放到此窗口的任意位置。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open Archive…</source>
        <translation>打开归档…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Recent files</source>
        <translation>最近打开的文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Samples from the TorchScript tutorial</source>
        <translation>TorchScript 教程中的示例</translation>
    </message>
</context>
<context>
    <name>torchscope::TensorInspector</name>
    <message>
        <location filename="../widgets/tensorinspector.cpp" line="+37"/>
        <source>Index</source>
        <translation>索引</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Select a tensor in the output tree.</source>
        <translation>请在输出树中选择一个张量。</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 %3 on %4, %n element(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;：%2 %3，位于 %4，%n 个元素</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>(the result carries the first %n value(s))</source>
        <translation>
            <numerusform>（结果只包含前 %n 个值）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Histogram of the first %n value(s):</source>
        <translation>
            <numerusform>前 %n 个值的直方图：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Histogram of the values:</source>
        <translation>值的直方图：</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n NaN/Inf value(s) left out</source>
        <translation>
            <numerusform>未计入 %n 个 NaN/Inf 值</numerusform>
        </translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No values</source>
        <translation>没有值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1–%2 of %3</source>
        <translation>第 %1–%2 个，共 %3 个</translation>
    </message>
</context>
<context>
    <name>torchscope::TraceDialog</name>
    <message>
        <location filename="../widgets/tracedialog.cpp" line="+23"/>
        <source>Trace of %1</source>
        <translation>%1 的追踪</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tracing with the Run panel&apos;s inputs (seed %1)…</source>
        <translation>正在使用运行面板的输入进行追踪（种子 %1）…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Graph</source>
        <translation>图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scripted (inlined graph)</source>
        <translation>脚本化（内联图）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Traced with these inputs (flattened graph)</source>
        <translation>用这些输入追踪（展平的图）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The model&apos;s worker is not running.</source>
        <translation>模型的工作进程未在运行。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The trace failed: %1</source>
        <translation>追踪失败：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Marked lines differ: the trace keeps only the branch these inputs took and unrolls loops.</source>
        <translation>标记的行不同：追踪只保留这些输入所走的分支，并展开循环。</translation>
    </message>
</context>
<context>
    <name>torchscope::WorkerClient</name>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="+108"/>
        <source>The worker process could not be started: no local connection could be opened (%1).</source>
        <translation>无法启动工作进程：无法打开本地连接（%1）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The worker process &apos;%1&apos; could not be started: %2.</source>
        <translation>无法启动工作进程“%1”：%2。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The worker process closed its connection but did not exit; it was stopped.</source>
        <translation>工作进程关闭了连接但没有退出，已将其终止。</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>The worker process was stopped before it started.</source>
        <translation>工作进程在启动完成前被终止。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The worker process was shut down.</source>
        <translation>工作进程已关闭。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The request is larger than the worker protocol carries (%1 bytes): open the archive from a file instead.</source>
        <translation>请求超出了工作进程协议可承载的大小（%1 字节）：请改为从文件打开归档。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The worker process sent a malformed message (%1).</source>
        <translation>工作进程发送了格式错误的消息（%1）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The worker process sent a malformed message: %1</source>
        <translation>工作进程发送了格式错误的消息：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The worker process &apos;%1&apos; speaks protocol version %2, but this TorchScope speaks version %3: the two come from different builds. Reinstall TorchScope.</source>
        <translation>工作进程“%1”使用协议版本 %2，而此 TorchScope 使用版本 %3：两者来自不同的构建。请重新安装 TorchScope。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>an unreadable HelloReply</source>
        <translation>无法读取的 HelloReply</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>an answer to Hello %1, which was not sent</source>
        <translation>对未发送的 Hello %1 的应答</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a %1 for request %2, which is not waiting for one</source>
        <translation>发给请求 %2 的 %1，但该请求并未等待此类应答</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an unreadable %1</source>
        <translation>无法读取的 %1</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>a %1 answering a %2 request</source>
        <translation>应答 %2 请求的 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The worker process exited with code %1.</source>
        <translation>工作进程已退出，退出码为 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The worker process was stopped (signal %1).</source>
        <translation>工作进程已被终止（信号 %1）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The worker process crashed (signal %1).</source>
        <translation>工作进程崩溃（信号 %1）。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Its last output:</source>
        <translation>其最后输出：</translation>
    </message>
</context>
<context>
    <name>torchscope::WorkerServer</name>
    <message>
        <location filename="../app/worker/workerserver.cpp" line="+34"/>
        <source>cannot connect to the TorchScope app: %1</source>
        <translation>无法连接到 TorchScope 应用：%1</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The worker received a malformed Hello request.</source>
        <translation>工作进程收到了格式错误的 Hello 请求。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a request the worker answers.</source>
        <translation>%1 不是工作进程可响应的请求。</translation>
    </message>
</context>
</TS>
