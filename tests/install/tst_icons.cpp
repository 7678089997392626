// The icons the console's toolbar and menus use are compiled in, are valid SVG and draw something
// at toolbar sizes: a missing or broken icon shows as an empty button.
#include <QColor>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTest>

using namespace Qt::StringLiterals;

class TestIcons final : public QObject
{
    Q_OBJECT

private slots:
    void iconDraws_data();
    void iconDraws();
    void appIconIsOpaqueTile();
};

namespace {

QImage render(QSvgRenderer &renderer, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    return image;
}

int visiblePixels(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += qAlpha(image.pixel(x, y)) > 64 ? 1 : 0;
    }
    return count;
}

} // namespace

void TestIcons::iconDraws_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names {u"new"_s,        u"edit"_s,
                             u"test"_s,       u"deactivate"_s,
                             u"reactivate"_s, u"refresh"_s,
                             u"copy"_s,       u"default"_s,
                             u"reveal"_s,     u"receiver"_s,
                             u"serve"_s,      u"profile"_s,
                             u"sign"_s,       QStringLiteral(WA_APP_ID)};
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void TestIcons::iconDraws()
{
    QFETCH(QString, name);
    const QString path = u":/icons/%1.svg"_s.arg(name);
    QVERIFY2(QFile::exists(path), qPrintable(path + u" is not compiled in"_s));

    QSvgRenderer renderer(path);
    QVERIFY2(renderer.isValid(), qPrintable(path + u" is not valid SVG"_s));
    QCOMPARE(renderer.viewBoxF(), QRectF(0, 0, 24, 24));

    // At 16 px (menus) and 24 px (toolbars) the icon covers a visible part of its square.
    for (const int size : {16, 24}) {
        const int visible = visiblePixels(render(renderer, size));
        QVERIFY2(
            visible >= size * size / 10,
            qPrintable(u"%1 draws only %2 pixels at %3 px"_s.arg(path).arg(visible).arg(size)));
    }

    const QIcon icon(path);
    QVERIFY(!icon.isNull());
    QVERIFY(!icon.pixmap(24, 24).isNull());
}

void TestIcons::appIconIsOpaqueTile()
{
    QSvgRenderer renderer(QStringLiteral(":/icons/" WA_APP_ID ".svg"));
    const QImage image = render(renderer, 64);
    // A solid tile that reads on light and dark panels alike: its centre column is opaque.
    QCOMPARE(qAlpha(image.pixel(32, 8)), 255);
    QCOMPARE(qAlpha(image.pixel(8, 32)), 255);
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0); // rounded corners
}

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
