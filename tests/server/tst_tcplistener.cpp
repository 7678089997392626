// TcpListener when the process is out of descriptors: the waiting client is turned away at once
// (its connection closed) and the listener does not spin, where QTcpServer retries accept() in
// a busy loop at 99 % CPU.

#include "tcplistener.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using wa::TcpListener;

namespace {

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

class TestTcpListener : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsAndHandsOverConnections()
    {
        int accepted = 0;
        TcpListener listener([&](int fd, const sockaddr *, socklen_t) {
            ++accepted;
            ::close(fd);
        });
        QVERIFY(!listener.listen(QHostAddress(QHostAddress::LocalHost), 0));
        QVERIFY(listener.port() > 0);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, listener.port());
        QTRY_COMPARE(accepted, 1);
        listener.close();
        QVERIFY(!listener.isListening());
    }

    void outOfDescriptorsTurnsClientsAwayWithoutSpinning()
    {
        int accepted = 0;
        TcpListener listener([&](int fd, const sockaddr *, socklen_t) {
            ++accepted;
            ::close(fd);
        });
        QVERIFY(!listener.listen(QHostAddress(QHostAddress::LocalHost), 0));

        // Fill the descriptor table, then free one for the client's own socket.
        rlimit limit {};
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &limit), 0);
        const rlimit saved = limit;
        limit.rlim_cur = std::min<rlim_t>(limit.rlim_cur, 512);
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &limit), 0);
        std::vector<int> filler;
        for (int fd = ::open("/dev/null", O_RDONLY); fd >= 0; fd = ::open("/dev/null", O_RDONLY))
            filler.push_back(fd);
        QVERIFY(!filler.empty());
        ::close(filler.back());
        filler.pop_back();
        const int client = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(client >= 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(listener.port());
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(client, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);

        // The listener cannot accept it for want of a descriptor: it is refused, once.
        const double before = cpuSeconds();
        QElapsedTimer timer;
        timer.start();
        QTRY_COMPARE_WITH_TIMEOUT(listener.refusedForDescriptors(), 1, 2000);
        char byte = 0;
        QCOMPARE(::recv(client, &byte, 1, 0), 0); // closed by the server
        QTest::qWait(300); // any spinning would show in the CPU time now
        QVERIFY2(cpuSeconds() - before < 0.2 + timer.elapsed() / 10000.0,
                 qPrintable(QString::number(cpuSeconds() - before)));
        QCOMPARE(accepted, 0);

        ::close(client);
        for (const int fd : filler)
            ::close(fd);
        setrlimit(RLIMIT_NOFILE, &saved);

        // With descriptors again, clients are accepted as usual.
        QTcpSocket next;
        next.connectToHost(QHostAddress::LocalHost, listener.port());
        QTRY_COMPARE(accepted, 1);
    }
};

QTEST_GUILESS_MAIN(TestTcpListener)
#include "tst_tcplistener.moc"
