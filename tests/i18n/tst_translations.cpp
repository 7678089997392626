// The committed translation (resources/translations/webhook-admin_de.ts) against what a German
// user would see: every message translated, plural forms filled, placeholders and mnemonics
// kept; and against the sources: lupdate over them finds no message the file lacks.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; // "unfinished", "vanished", "obsolete" or empty
    QStringList translations; // one, or one per plural form

    QString key() const { return context + u'\x1f' + source + u'\x1f' + comment; }
    QString name() const { return u"[%1] \"%2\""_s.arg(context, source); }
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name"_s) {
            context = xml.readElementText();
        } else if (xml.name() == u"message"_s) {
            Message message;
            message.context = context;
            message.numerus = xml.attributes().value(u"numerus"_s) == u"yes"_s;
            while (xml.readNextStartElement()) {
                if (xml.name() == u"source"_s) {
                    message.source = xml.readElementText();
                } else if (xml.name() == u"comment"_s) {
                    message.comment = xml.readElementText();
                } else if (xml.name() == u"translation"_s) {
                    message.type = xml.attributes().value(u"type"_s).toString();
                    if (message.numerus) {
                        while (xml.readNextStartElement())
                            message.translations << xml.readElementText();
                    } else {
                        message.translations << xml.readElementText();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages << message;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

// The placeholders of a text, each once: "%1", "%2", "%n", "%L1".
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%L?(\\d{1,2}|n)"_s);
    QSet<QString> found;
    for (const auto &match : pattern.globalMatch(text))
        found.insert(match.captured());
    return found;
}

// Single '&' (a mnemonic); "&&" is a literal ampersand.
int mnemonics(const QString &text)
{
    static const QRegularExpression pattern(u"(?<!&)&(?!&)"_s);
    int count = 0;
    for (auto matches = pattern.globalMatch(text); matches.hasNext(); matches.next())
        ++count;
    return count;
}

QString lupdatePath()
{
    if (QFileInfo::exists(QStringLiteral(WA_LUPDATE)))
        return QStringLiteral(WA_LUPDATE);
    for (const auto location : {QLibraryInfo::BinariesPath, QLibraryInfo::LibraryExecutablesPath}) {
        const QString candidate = QLibraryInfo::path(location) + u"/lupdate"_s;
        if (QFileInfo::exists(candidate))
            return candidate;
    }
    return {};
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

    QList<Message> m_messages; // the committed file's current messages

private slots:
    void initTestCase()
    {
        QString error;
        const QList<Message> all = readTs(QStringLiteral(WA_TS_FILE), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const Message &message : all) {
            if (message.type != u"vanished"_s && message.type != u"obsolete"_s)
                m_messages << message;
        }
        QVERIFY2(m_messages.size() > 500, qPrintable(QString::number(m_messages.size())));
    }

    void everyMessageIsTranslated()
    {
        QStringList missing;
        for (const Message &message : std::as_const(m_messages)) {
            // German has two plural forms (one, other).
            const qsizetype forms = message.numerus ? 2 : 1;
            bool complete = message.type != u"unfinished"_s && message.translations.size() == forms;
            for (const QString &translation : message.translations)
                complete = complete && !translation.trimmed().isEmpty();
            if (!complete)
                missing << message.name();
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(u"%1 untranslated:\n"_s.arg(missing.size()) + missing.join(u'\n')));
    }

    void placeholdersAndMnemonicsAreKept()
    {
        QStringList wrong;
        for (const Message &message : std::as_const(m_messages)) {
            const QSet<QString> expected = placeholders(message.source);
            for (const QString &translation : message.translations) {
                // Each plural form too: "%n gültig", not "ein gültiger".
                const QSet<QString> found = placeholders(translation);
                if (found != expected) {
                    wrong << u"%1: placeholders %2 in \"%3\""_s.arg(
                        message.name(), QStringList(found.cbegin(), found.cend()).join(u' '),
                        translation);
                }
                if (mnemonics(translation) != mnemonics(message.source))
                    wrong << u"%1: mnemonics in \"%2\""_s.arg(message.name(), translation);
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    }

    // A message added to the sources and not to the file would show in English: lupdate over
    // the same sources (the list CMake gives update_translations) must find nothing new.
    void theFileIsCurrent()
    {
        const QString lupdate = lupdatePath();
        if (lupdate.isEmpty())
            QSKIP("lupdate is not installed (Debian: qt6-l10n-tools): cannot check the .ts is "
                  "current");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fresh = dir.filePath(u"current_de.ts"_s);
        QProcess process;
        process.start(lupdate,
                      {u"-silent"_s, u"-locations"_s, u"none"_s,
                       u"@"_s + QStringLiteral(WA_LUPDATE_LIST), u"-ts"_s, fresh});
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QString error;
        const QList<Message> current = readTs(fresh, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!current.isEmpty());

        QSet<QString> committed;
        for (const Message &message : std::as_const(m_messages))
            committed.insert(message.key());
        QStringList lacking;
        for (const Message &message : current) {
            if (!committed.contains(message.key()))
                lacking << message.name();
        }
        QVERIFY2(lacking.isEmpty(),
                 qPrintable(u"not in the .ts (run the update_translations target):\n"_s
                            + lacking.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
