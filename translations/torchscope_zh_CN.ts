<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <location filename="../app/torchscope/main.cpp" line="46"/>
        <source>Inspect TorchScript archives: modules, code and IR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/main.cpp" line="50"/>
        <source>TorchScript archives to open, each in its own tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/main.cpp" line="53"/>
        <source>Open ARCHIVE, save a picture of the window to FILE and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/main.cpp" line="56"/>
        <source>With --screenshot: the view to show (code, ir, tree or archive).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/worker/main.cpp" line="38"/>
        <source>Hosts LibTorch for the TorchScope desktop app, which starts it; not meant to be run by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/worker/main.cpp" line="43"/>
        <source>Connect to the app&apos;s local server &lt;name&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/worker/main.cpp" line="48"/>
        <source>torchscope-worker: --server NAME is required</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>torchscope::ArchivePanel</name>
    <message>
        <location filename="../widgets/archivepanel.cpp" line="53"/>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/archivepanel.cpp" line="54"/>
        <source>Archive folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/archivepanel.cpp" line="55"/>
        <source>File size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/archivepanel.cpp" line="56"/>
        <source>Format version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/archivepanel.cpp" line="57"/>
        <source>Debug info:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/archivepanel.cpp" line="58"/>
        <source>Lite bytecode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/archivepanel.cpp" line="81"/>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/archivepanel.cpp" line="108"/>
        <source>Extra files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/archivepanel.cpp" line="128"/>
        <source>%1 (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/archivepanel.cpp" line="131"/>
        <source>present (.debug_pkl: nodes map to their Python source lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/archivepanel.cpp" line="131"/>
        <location filename="../widgets/archivepanel.cpp" line="132"/>
        <source>absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/archivepanel.cpp" line="132"/>
        <source>present (bytecode.pkl: saved for the lite interpreter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/archivepanel.cpp" line="179"/>
        <source>This archive has no extra files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/archivepanel.cpp" line="191"/>
        <source>%1: JSON, %2 (shown indented)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/archivepanel.cpp" line="195"/>
        <source>%1: text, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/archivepanel.cpp" line="199"/>
        <source>%1: binary, %2 (shown as hex)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>torchscope::BytesFormat</name>
    <message>
        <location filename="../widgets/bytesformat.cpp" line="44"/>
        <source>… %1 more bytes not shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>torchscope::DetailsPanel</name>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="60"/>
        <source>Path:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="61"/>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="62"/>
        <source>Parameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="63"/>
        <source>Buffers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="64"/>
        <source>Submodules:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="66"/>
        <location filename="../widgets/detailspanel.cpp" line="173"/>
        <source>Methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="95"/>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="105"/>
        <source>Min:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="106"/>
        <source>Max:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="107"/>
        <source>Mean:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="108"/>
        <source>Std:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="109"/>
        <source>Zeros:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="111"/>
        <source>NaN:</source>
        <extracomment>Count of elements that are NaN (not a number)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="113"/>
        <source>Inf:</source>
        <extracomment>Count of elements that are +Inf or -Inf</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="146"/>
        <source>(root)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="149"/>
        <location filename="../widgets/detailspanel.cpp" line="150"/>
        <source>%1 elements, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/detailspanel.cpp" line="156"/>
        <source>Methods (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="157"/>
        <source>This module has no methods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="161"/>
        <location filename="../widgets/detailspanel.cpp" line="196"/>
        <source>Select a tensor to see its statistics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="175"/>
        <source>No module selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="201"/>
        <source>%1 is not a tensor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="210"/>
        <source>Computing the statistics of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="227"/>
        <source>The statistics of %1 could not be computed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="242"/>
        <source>The values of %1 (%2, %3) cannot be summarised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="246"/>
        <source>%1: %2, %3, %4 elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspanel.cpp" line="256"/>
        <source>%1 (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>torchscope::FindBar</name>
    <message>
        <location filename="../widgets/findbar.cpp" line="32"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="37"/>
        <source>Previous match (Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="39"/>
        <source>Next match (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="42"/>
        <source>Aa</source>
        <extracomment>Toggle button: match upper and lower case exactly</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="43"/>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="48"/>
        <location filename="../widgets/findbar.cpp" line="207"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="51"/>
        <source>Close (Escape)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/findbar.cpp" line="205"/>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>torchscope::FrameReader</name>
    <message>
        <location filename="../core/worker/protocol.cpp" line="140"/>
        <source>Not a TorchScope worker message: expected magic 0x%1, got 0x%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/protocol.cpp" line="146"/>
        <source>TorchScope worker protocol version %1 is not supported (this build speaks version %2): the app and torchscope-worker come from different builds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/protocol.cpp" line="154"/>
        <source>A worker message of %1 bytes exceeds the limit of %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/protocol.cpp" line="161"/>
        <source>A worker message declares %1 bytes, less than its %2-byte header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/protocol.cpp" line="168"/>
        <source>Unknown worker message type %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>torchscope::IrLexer</name>
    <message>
        <location filename="../widgets/irlexer.cpp" line="78"/>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/irlexer.cpp" line="80"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/irlexer.cpp" line="82"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/irlexer.cpp" line="84"/>
        <source>ATen operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/irlexer.cpp" line="86"/>
        <source>Primitive node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/irlexer.cpp" line="88"/>
        <source>Other operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/irlexer.cpp" line="90"/>
        <source>Attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/irlexer.cpp" line="92"/>
        <source>Source location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/irlexer.cpp" line="94"/>
        <source>Keyword</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/irlexer.cpp" line="96"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/irlexer.cpp" line="98"/>
        <source>String</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/irlexer.cpp" line="100"/>
        <source>Punctuation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>torchscope::MainWindow</name>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="77"/>
        <source>MyCell (traced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="78"/>
        <source>A Linear layer and tanh, recorded by torch.jit.trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="79"/>
        <source>MyDecisionGate (traced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="80"/>
        <source>The trace kept only the branch it saw: no if in dg.forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="81"/>
        <source>MyDecisionGate (scripted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="82"/>
        <source>torch.jit.script kept the control flow: prim::If in dg.forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="83"/>
        <source>MyRNNLoop (scripted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="84"/>
        <source>A scripted loop around a traced cell: prim::Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="85"/>
        <source>WrapRNN (traced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="86"/>
        <source>Tracing and scripting mixed: the tutorial&apos;s saved model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="92"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="93"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="94"/>
        <source>Open TorchScript Archives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="95"/>
        <source>TorchScript archives (*.pt *.pth *.ptl *.jit *.torchscript);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="100"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="101"/>
        <source>Open &amp;Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="105"/>
        <source>&amp;Close Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="108"/>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="112"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="115"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="116"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="122"/>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="127"/>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="132"/>
        <source>&amp;Reset Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="138"/>
        <source>&amp;Next Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="143"/>
        <source>&amp;Previous Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="149"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="150"/>
        <source>&amp;About TorchScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="182"/>
        <source>The bundled sample %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="233"/>
        <source>%1 — TorchScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="233"/>
        <source>TorchScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="259"/>
        <source>Clear Recent Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="290"/>
        <source>About TorchScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/torchscope/mainwindow.cpp" line="291"/>
        <source>&lt;h3&gt;TorchScope %1&lt;/h3&gt;&lt;p&gt;Inspect TorchScript archives with the real LibTorch: the module hierarchy, each module&apos;s .code, .graph and .inlined_graph.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>torchscope::MessageBar</name>
    <message>
        <location filename="../widgets/messagebar.cpp" line="28"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>torchscope::ModelTab</name>
    <message>
        <location filename="../widgets/modeltab.cpp" line="66"/>
        <source>Filter modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="99"/>
        <source>Whole class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="100"/>
        <source>Show the code of every method of the module&apos;s class (module._c.code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="102"/>
        <source>graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="103"/>
        <source>inlined_graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="104"/>
        <source>Source comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="106"/>
        <source>Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="110"/>
        <source>IR:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="140"/>
        <source>&lt;b&gt;.code&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="141"/>
        <source>&lt;b&gt;IR&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="154"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="155"/>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="208"/>
        <source>The worker process could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="317"/>
        <source># This module has no methods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="405"/>
        <source>module %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="405"/>
        <source>(root)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="407"/>
        <source>.code line %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="409"/>
        <source>Python source %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="425"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="439"/>
        <source># %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="453"/>
        <source>The worker process serving %1 stopped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/modeltab.cpp" line="453"/>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>torchscope::ModuleTreeModel</name>
    <message>
        <location filename="../widgets/moduletreemodel.cpp" line="133"/>
        <source>(root)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/moduletreemodel.cpp" line="134"/>
        <source>%1
Path: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/moduletreemodel.cpp" line="177"/>
        <source>Parameter elements in this module and every module below it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/moduletreemodel.cpp" line="179"/>
        <source>Bytes of the parameters and buffers in this module and every module below it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/moduletreemodel.cpp" line="187"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/moduletreemodel.cpp" line="189"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/moduletreemodel.cpp" line="191"/>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/moduletreemodel.cpp" line="193"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>torchscope::PreferencesDialog</name>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="21"/>
        <source>Reopen the files that were open when TorchScope was last closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="23"/>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="26"/>
        <source>Operator libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="28"/>
        <source>Shared libraries (.so) that register extra operators, such as torchvision&apos;s for torchvision::nms. They are loaded before every archive opens; changes apply to archives opened afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="36"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="37"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="45"/>
        <source>Add Operator Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="45"/>
        <source>Shared libraries (*.so *.so.* *.dylib *.dll)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="53"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="56"/>
        <source>Language (applies after a restart):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>torchscope::RecordTableModel</name>
    <message>
        <location filename="../widgets/recordtablemodel.cpp" line="68"/>
        <source>deflated</source>
        <extracomment>How a zip record is kept: &quot;stored&quot; (as is) or &quot;deflated&quot; (compressed)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/recordtablemodel.cpp" line="68"/>
        <source>stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/recordtablemodel.cpp" line="73"/>
        <source>%1
%2 bytes, %3 in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/recordtablemodel.cpp" line="115"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/recordtablemodel.cpp" line="117"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/recordtablemodel.cpp" line="120"/>
        <source>In file</source>
        <extracomment>Bytes a zip record takes in the file, after compression</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/recordtablemodel.cpp" line="122"/>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>torchscope::RequestRunner</name>
    <message>
        <location filename="../app/worker/requestrunner.cpp" line="55"/>
        <source>The worker could not complete the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/worker/requestrunner.cpp" line="62"/>
        <source>The answer (%1 bytes) is larger than the worker protocol carries (%2 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/worker/requestrunner.cpp" line="74"/>
        <source>The worker received a malformed %1 request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/worker/requestrunner.cpp" line="124"/>
        <source>%1 is not a request the worker answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/worker/requestrunner.cpp" line="131"/>
        <source>No archive is open in this worker: open one before asking about it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>torchscope::SlotTableModel</name>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="59"/>
        <source>scalar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="70"/>
        <source>parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="72"/>
        <source>buffer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="74"/>
        <source>attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="76"/>
        <source>constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="157"/>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="160"/>
        <source>Shape: %1, %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="162"/>
        <source>%1 elements, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="163"/>
        <source>Requires grad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="163"/>
        <source>Does not require grad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="165"/>
        <source>Quantized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="167"/>
        <source>Value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="182"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="184"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="186"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="188"/>
        <source>Shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="190"/>
        <source>Dtype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="192"/>
        <source>Elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="194"/>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="196"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/slottablemodel.cpp" line="198"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>torchscope::StartPage</name>
    <message>
        <location filename="../widgets/startpage.cpp" line="30"/>
        <source>No recent files yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/startpage.cpp" line="37"/>
        <source>TorchScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/startpage.cpp" line="43"/>
        <source>Open a TorchScript archive (.pt, .pth, .ptl, .jit) with File ▸ Open (Ctrl+O), or drop one or more files anywhere on this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/startpage.cpp" line="48"/>
        <source>Open Archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/startpage.cpp" line="63"/>
        <source>Recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/startpage.cpp" line="67"/>
        <source>Samples from the TorchScript tutorial</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>torchscope::WorkerClient</name>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="105"/>
        <source>The worker process could not be started: no local connection could be opened (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="120"/>
        <source>The worker process &apos;%1&apos; could not be started: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="130"/>
        <source>The worker process closed its connection but did not exit; it was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="212"/>
        <source>The worker process was stopped before it started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="220"/>
        <source>The worker process was shut down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="250"/>
        <source>The request is larger than the worker protocol carries (%1 bytes): open the archive from a file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="300"/>
        <source>The worker process sent a malformed message (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="317"/>
        <source>The worker process sent a malformed message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="322"/>
        <source>The worker process &apos;%1&apos; speaks protocol version %2, but this TorchScope speaks version %3: the two come from different builds. Reinstall TorchScope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="337"/>
        <source>an unreadable HelloReply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="355"/>
        <source>an answer to Hello %1, which was not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="360"/>
        <source>a %1 for request %2, which is not waiting for one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="364"/>
        <source>an unreadable %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="432"/>
        <source>a %1 answering a %2 request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="446"/>
        <source>The worker process exited with code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="453"/>
        <source>The worker process was stopped (signal %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="454"/>
        <source>The worker process crashed (signal %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/worker/workerclient.cpp" line="495"/>
        <source>Its last output:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>torchscope::WorkerServer</name>
    <message>
        <location filename="../app/worker/workerserver.cpp" line="34"/>
        <source>cannot connect to the TorchScope app: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/worker/workerserver.cpp" line="90"/>
        <source>The worker received a malformed Hello request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/worker/workerserver.cpp" line="91"/>
        <source>%1 is not a request the worker answers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
