#include "configfilter.h"

#include <QStandardPaths>
#include <QTest>

using namespace wa;

namespace {

const QDateTime Base(QDate(2026, 11, 28), QTime(10, 0, 0), Qt::UTC);

WebhookConfig config(const QString &id, const QString &url, ConfigState state,
                     const QDateTime &created = Base)
{
    WebhookConfig c;
    c.id = id;
    c.url = url;
    c.state = state;
    c.dateCreated = created;
    return c;
}

} // namespace

class TestConfigFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaultLeavesOutDeactivated()
    {
        const ConfigFilter filter;
        QVERIFY(filter.acceptsState(ConfigState::New));
        QVERIFY(filter.acceptsState(ConfigState::Valid));
        QVERIFY(filter.acceptsState(ConfigState::Invalid));
        QVERIFY(!filter.acceptsState(ConfigState::Deactivated));
        QVERIFY(!filter.matches(
            config(QStringLiteral("a"), QStringLiteral("https://x/"), ConfigState::Deactivated)));
    }

    void namedStatesOnly()
    {
        ConfigFilter filter;
        filter.states = {ConfigState::Deactivated};
        QVERIFY(filter.acceptsState(ConfigState::Deactivated));
        QVERIFY(!filter.acceptsState(ConfigState::Valid));
        filter.states = {ConfigState::Valid, ConfigState::Invalid};
        QVERIFY(filter.acceptsState(ConfigState::Invalid));
        QVERIFY(!filter.acceptsState(ConfigState::New));
        QVERIFY(!filter.acceptsState(ConfigState::Deactivated));
    }

    void dateBounds()
    {
        const QDateTime before = Base.addMSecs(-1);
        const QDateTime after = Base.addMSecs(1);

        ConfigFilter exact;
        exact.createdAt = Base;
        QVERIFY(exact.acceptsDate(Base));
        QVERIFY(!exact.acceptsDate(after));
        // The same instant in another zone is the same time.
        QVERIFY(exact.acceptsDate(Base.toOffsetFromUtc(3600)));

        ConfigFilter gt;
        gt.createdAfter = Base;
        QVERIFY(!gt.acceptsDate(Base));
        QVERIFY(gt.acceptsDate(after));

        ConfigFilter gte;
        gte.createdFrom = Base;
        QVERIFY(gte.acceptsDate(Base));
        QVERIFY(!gte.acceptsDate(before));

        ConfigFilter lt;
        lt.createdBefore = Base;
        QVERIFY(!lt.acceptsDate(Base));
        QVERIFY(lt.acceptsDate(before));

        ConfigFilter lte;
        lte.createdUntil = Base;
        QVERIFY(lte.acceptsDate(Base));
        QVERIFY(!lte.acceptsDate(after));

        ConfigFilter range;
        range.createdFrom = Base;
        range.createdBefore = Base.addDays(1);
        QVERIFY(range.acceptsDate(Base.addSecs(3600)));
        QVERIFY(!range.acceptsDate(Base.addDays(1)));
        QVERIFY(!range.matches(
            config(QStringLiteral("a"), QStringLiteral("https://x/"), ConfigState::Valid, before)));
    }

    void textOverUrlAndId()
    {
        ConfigFilter filter;
        const auto c = config(QStringLiteral("7f3e2a10-AbCd"),
                              QStringLiteral("https://Hooks.Example.com/in"), ConfigState::Valid);
        filter.text = QStringLiteral("hooks.example");
        QVERIFY(filter.matches(c));
        filter.text = QStringLiteral("7F3E");
        QVERIFY(filter.matches(c));
        filter.text = QStringLiteral("abcd");
        QVERIFY(filter.matches(c));
        filter.text = QStringLiteral("elsewhere");
        QVERIFY(!filter.matches(c));
        // Text never brings back what the state filter leaves out.
        filter.text = QStringLiteral("hooks");
        QVERIFY(!filter.matches(config(c.id, c.url, ConfigState::Deactivated)));
    }

    void sameApiPartIgnoresText()
    {
        ConfigFilter a;
        ConfigFilter b;
        b.text = QStringLiteral("x");
        QVERIFY(a.sameApiPart(b));
        b.states = {ConfigState::Valid};
        QVERIFY(!a.sameApiPart(b));
        b.states.clear();
        b.createdUntil = Base;
        QVERIFY(!a.sameApiPart(b));
    }
};

QTEST_GUILESS_MAIN(TestConfigFilter)
#include "tst_configfilter.moc"
