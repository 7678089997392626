#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QThread>
#include <QTranslator>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace wa {

namespace {

// Qt's own words, for the widgets only. Qt also words what its sockets and files report, and
// in the local service's thread those reports are data: a delivery's error is stored, served by
// the REST API and matched on ("Out of resources"). Translators are process-wide, so this one
// answers only in the GUI thread and leaves every other thread with Qt's English.
class GuiThreadTranslator final : public QTranslator
{
public:
    using QTranslator::QTranslator;

    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        if (QThread::currentThread() != thread())
            return {};
        return QTranslator::translate(context, sourceText, disambiguation, n);
    }
};

// Installs `translator` with `file` for `language` from `folder` ("webhook-admin" + "_de" +
// ".qm"); the application owns it from then on. False when there is no such file.
bool install(std::unique_ptr<QTranslator> translator, const QString &file, const QString &language,
             const QString &folder)
{
    if (!translator->load(file + u'_' + language, folder))
        return false;
    QTranslator *installed = translator.release();
    installed->setParent(QCoreApplication::instance());
    QCoreApplication::installTranslator(installed);
    return true;
}

} // namespace

bool installTranslations(const QLocale &locale)
{
    Q_ASSERT(QCoreApplication::instance());
    // uiLanguages() follows LANGUAGE, then LC_ALL, LC_MESSAGES and LANG ("de-DE", "de", ...).
    for (QString language : locale.uiLanguages()) {
        language.replace(u'-', u'_');
        if (language == u"C"_s || language.startsWith(u"en"_s))
            return false; // the source language: nothing to load
        if (!install(std::make_unique<QTranslator>(), u"webhook-admin"_s, language, u":/i18n"_s))
            continue;
        install(std::make_unique<GuiThreadTranslator>(), u"qtbase"_s, language,
                QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        return true;
    }
    return false;
}

} // namespace wa
