// The worker protocol's messages and framing: every message survives frame() and FrameReader however the
// bytes arrive, and bad frames, short payloads and random bytes are rejected without crashing.

#include "codecsamples.h"

class TestProtocol : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyMessageTypeHasASample();
    void payloadsRoundTrip();
    void decodersRejectShortAndLongPayloads();
    void failedDecodeLeavesOutputsAlone();
    void frameLayoutIsPinned();
    void framesInOneChunk();
    void framesByteAtATime();
    void framesSplitAnywhere();
    void partialFrameWaits();
    void badFramesStopTheReader_data();
    void badFramesStopTheReader();
    void customLengthLimit();
    void garbageDoesNotCrash();
};

void TestProtocol::everyMessageTypeHasASample()
{
    std::set<quint16> known;
    for (int t = 0; t <= 0xffff; ++t)
        if (isKnownMessageType(quint16(t)))
            known.insert(quint16(t));
    std::set<quint16> sampled;
    for (const Sample& s : messageSamples())
        sampled.insert(quint16(s.type));
    QCOMPARE(known.size(), std::size_t(27));
    QVERIFY(known == sampled);
    std::set<std::string> names;
    for (quint16 t : known)
        names.insert(messageTypeName(MessageType(t)));
    QCOMPARE(names.size(), known.size());
    QVERIFY(!names.count("Unknown"));
}

void TestProtocol::payloadsRoundTrip()
{
    for (const Sample& s : messageSamples())
        QVERIFY2(s.matches(s.payload), messageTypeName(s.type));
}

void TestProtocol::decodersRejectShortAndLongPayloads()
{
    for (const Sample& s : messageSamples()) {
        for (qsizetype n = 0; n < s.payload.size(); n += 1 + n / 64)
            QVERIFY2(!s.decodes(s.payload.left(n)), messageTypeName(s.type));
        QVERIFY2(!s.decodes(s.payload + '\0'), messageTypeName(s.type));
    }
}

void TestProtocol::failedDecodeLeavesOutputsAlone()
{
    const QByteArray payload = encodeOpen("/a.pt", { "/lib.so" });
    std::string path = "untouched";
    std::vector<std::string> libs { "untouched" };
    QVERIFY(!decodeOpen(payload.left(payload.size() - 1), path, libs));
    QVERIFY(path == "untouched");
    QVERIFY(libs == std::vector<std::string> { "untouched" });
    Error error = makeError(ErrorKind::NotFound);
    QVERIFY(!decodeFailed(encodeText("not an error"), error));
    QVERIFY(same(error, makeError(ErrorKind::NotFound)));
}

void TestProtocol::frameLayoutIsPinned()
{
    const QByteArray wire = frame(Message { MessageType::Graph, 0x0102030405060708ull, QByteArray("abc") });
    const QByteArray expected = QByteArray::fromHex("00000013"
                                                    "54534350"
                                                    "0003"
                                                    "0007"
                                                    "0102030405060708"
                                                    "616263");
    QCOMPARE(wire, expected);
    QCOMPARE(frame(Message { MessageType::Hello, 0, {} }).size(), qsizetype(20));
}

void TestProtocol::framesInOneChunk()
{
    const std::vector<Message> messages = sampleMessages();
    for (const Message& m : messages) {
        FrameReader reader;
        reader.append(frame(m));
        Message got;
        QVERIFY2(reader.next(got), messageTypeName(m.type));
        QVERIFY(sameMessage(got, m));
        QVERIFY(!reader.next(got));
        QVERIFY(!reader.hasError());
        QCOMPARE(reader.bufferedBytes(), qsizetype(0));
    }
    // Two messages in one chunk.
    FrameReader reader;
    reader.append(frame(messages[1]) + frame(messages[2]));
    Message first, second, none;
    QVERIFY(reader.next(first));
    QVERIFY(reader.next(second));
    QVERIFY(!reader.next(none));
    QVERIFY(sameMessage(first, messages[1]));
    QVERIFY(sameMessage(second, messages[2]));
}

void TestProtocol::framesByteAtATime()
{
    const std::vector<Message> messages = sampleMessages();
    QByteArray stream;
    for (const Message& m : messages)
        stream += frame(m);
    FrameReader reader;
    std::vector<Message> received;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        reader.append(stream.mid(i, 1));
        Message m;
        while (reader.next(m))
            received.push_back(m);
    }
    QVERIFY(!reader.hasError());
    QCOMPARE(received.size(), messages.size());
    const std::vector<Sample> samples = messageSamples();
    for (std::size_t i = 0; i < messages.size(); ++i) {
        QVERIFY2(sameMessage(received[i], messages[i]), messageTypeName(messages[i].type));
        QVERIFY2(samples[i].matches(received[i].payload), messageTypeName(messages[i].type));
    }
}

void TestProtocol::framesSplitAnywhere()
{
    const Message a { MessageType::Failed, 7, encodeFailed(makeError()) };
    const Message b { MessageType::Text, 8, encodeText(kBinary) };
    const QByteArray stream = frame(a) + frame(b);
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        FrameReader reader;
        std::vector<Message> received;
        Message m;
        reader.append(stream.left(cut));
        while (reader.next(m))
            received.push_back(m);
        reader.append(stream.mid(cut));
        while (reader.next(m))
            received.push_back(m);
        QCOMPARE(received.size(), std::size_t(2));
        QVERIFY(sameMessage(received[0], a) && sameMessage(received[1], b));
    }
}

void TestProtocol::partialFrameWaits()
{
    const QByteArray wire = frame(Message { MessageType::Record, 3, encodeRecord("data/0") });
    FrameReader reader;
    reader.append(wire.left(wire.size() - 1));
    Message m;
    QVERIFY(!reader.next(m));
    QVERIFY(!reader.hasError());
    QCOMPARE(reader.bufferedBytes(), wire.size() - 1);
    reader.append(wire.right(1));
    QVERIFY(reader.next(m));
    QCOMPARE(m.type, MessageType::Record);
    QCOMPARE(m.requestId, quint64(3));
}

void TestProtocol::badFramesStopTheReader_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::addColumn<QString>("expected");
    const quint16 hello = quint16(MessageType::Hello);
    QTest::newRow("wrong magic") << frameWith(16, 0x50435354, kProtocolVersion, hello) << QStringLiteral("magic");
    QTest::newRow("text") << QByteArray("GET / HTTP/1.1\r\n\r\n") << QStringLiteral("magic");
    QTest::newRow("version 0") << frameWith(16, kProtocolMagic, 0, hello) << QStringLiteral("version 0");
    QTest::newRow("newer version") << frameWith(16, kProtocolMagic, kProtocolVersion + 1, hello)
                                   << QStringLiteral("version 3");
    QTest::newRow("over 1 GiB") << frameWith(kMaxFrameLength + 1, kProtocolMagic, kProtocolVersion, hello)
                                << QStringLiteral("exceeds the limit");
    QTest::newRow("length 0xffffffff") << frameWith(0xffffffff, kProtocolMagic, kProtocolVersion, hello)
                                       << QStringLiteral("exceeds the limit");
    QTest::newRow("shorter than header") << frameWith(15, kProtocolMagic, kProtocolVersion, hello)
                                         << QStringLiteral("header");
    QTest::newRow("type 0") << frameWith(16, kProtocolMagic, kProtocolVersion, 0) << QStringLiteral("type 0");
    QTest::newRow("type 999") << frameWith(16, kProtocolMagic, kProtocolVersion, 999) << QStringLiteral("type 999");
}

void TestProtocol::badFramesStopTheReader()
{
    QFETCH(QByteArray, bad);
    QFETCH(QString, expected);
    const Message good { MessageType::Hello, 1, {} };
    FrameReader reader;
    // The message before the bad frame still arrives; the reader stops at the bad frame's header.
    reader.append(frame(good) + bad);
    Message m;
    QVERIFY(reader.next(m));
    QVERIFY(sameMessage(m, good));
    QVERIFY(!reader.next(m));
    QVERIFY(reader.hasError());
    QVERIFY2(reader.errorString().contains(expected), qPrintable(reader.errorString()));
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
    reader.append(frame(good));
    QVERIFY(!reader.next(m));
    QVERIFY(reader.hasError());
    QCOMPARE(reader.bufferedBytes(), qsizetype(0));
}

void TestProtocol::customLengthLimit()
{
    FrameReader reader(kFrameHeaderSize + 10);
    Message m;
    reader.append(frame(Message { MessageType::Text, 1, QByteArray(10, 'x') }));
    QVERIFY(reader.next(m));
    reader.append(frame(Message { MessageType::Text, 2, QByteArray(11, 'x') }));
    QVERIFY(!reader.next(m));
    QVERIFY(reader.errorString().contains(QStringLiteral("27 bytes exceeds the limit of 26")));
}

void TestProtocol::garbageDoesNotCrash()
{
    std::mt19937 rng(20240601u); // fixed seed: the same 1000 buffers on every run
    const std::vector<Sample> samples = messageSamples();
    auto randomBytes = [&rng](qsizetype n) {
        QByteArray out(n, Qt::Uninitialized);
        for (char& c : out)
            c = char(rng() & 0xff);
        return out;
    };
    int rejectedFrames = 0, delivered = 0, decoded = 0;
    for (int i = 0; i < 1000; ++i) {
        QByteArray buffer;
        switch (i % 4) {
        case 0: // pure noise
            buffer = randomBytes(qsizetype(rng() % 400));
            break;
        case 1: // a plausible header over a noise payload
            buffer = frameWith(kFrameHeaderSize + (rng() % 64), kProtocolMagic, kProtocolVersion,
                         quint16(samples[rng() % samples.size()].type))
                + randomBytes(qsizetype(rng() % 80));
            break;
        default: { // a real payload with a few bytes overwritten, possibly cut short, correctly framed
            const Sample& s = samples[rng() % samples.size()];
            QByteArray payload = s.payload.left(qsizetype(std::min<std::size_t>(s.payload.size(), 20000)));
            for (int k = 0, n = int(rng() % 4) + 1; k < n && !payload.isEmpty(); ++k)
                payload[qsizetype(rng() % payload.size())] = char(rng() & 0xff);
            if (rng() % 3 == 0)
                payload.truncate(qsizetype(rng() % (payload.size() + 1)));
            buffer = frame(Message { s.type, rng(), payload });
            break;
        }
        }

        FrameReader reader;
        for (qsizetype pos = 0; pos < buffer.size();) {
            const qsizetype chunk = 1 + qsizetype(rng() % 32);
            reader.append(buffer.mid(pos, chunk));
            pos += chunk;
            Message m;
            while (reader.next(m)) {
                ++delivered;
                for (const Sample& s : samples)
                    decoded += s.decodes(m.payload) ? 1 : 0;
            }
        }
        rejectedFrames += reader.hasError() ? 1 : 0;
        QVERIFY(reader.bufferedBytes() <= buffer.size());

        // Every decoder and value reader on the raw bytes as well.
        for (const Sample& s : samples)
            decoded += s.decodes(buffer) ? 1 : 0;
        readStatus<ArchiveInfo>(buffer);
        readStatus<ModuleTree>(buffer);
        readStatus<IrGraph>(buffer);
        readStatus<Error>(buffer);
        readStatus<TensorStats>(buffer);
        readStatus<RunRequest>(buffer);
        readStatus<RunResult>(buffer);
        readStatus<std::vector<ArgumentSpec>>(buffer);
    }
    // The mix exercised every path: frames were rejected, frames were delivered, some payloads decoded.
    QVERIFY(rejectedFrames >= 200);
    QVERIFY(delivered >= 400);
    QVERIFY(decoded > 0);
}

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
