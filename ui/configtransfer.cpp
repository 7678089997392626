#include "configtransfer.h"

#include "bulkcontroller.h"
#include "configexport.h"
#include "configimportfile.h"
#include "copytoprofiledialog.h"
#include "guarded.h"
#include "statusbarcontroller.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace wa {

namespace {
const auto JsonFilter
    = QT_TRANSLATE_NOOP("wa::ConfigTransfer", "JSON files (*.json);;All files (*)");
} // namespace

ConfigTransfer::ConfigTransfer(Dependencies dependencies, BulkController *bulk,
                               StatusBarController *status)
    : QObject(dependencies.window)
    , m_deps(std::move(dependencies))
    , m_bulk(bulk)
    , m_status(status)
{ }

ConfigTransfer::~ConfigTransfer() = default;

void ConfigTransfer::setBackend(const std::shared_ptr<Backend> &backend, const QString &profileName)
{
    m_backend = backend;
    m_profileName = profileName;
    ++m_openGeneration; // a profile being opened for a copy is no longer wanted
}

void ConfigTransfer::exportConfigs(ExportDialog::Scope preferred,
                                   const QList<WebhookConfig> &selected,
                                   const QList<WebhookConfig> &all)
{
    auto *dialog = new ExportDialog(int(selected.size()), int(all.size()), m_deps.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setScope(preferred);
    connect(dialog, &QDialog::accepted, this, [this, dialog, selected, all] {
        const bool secrets = dialog->includeSecrets();
        const QList<WebhookConfig> configs
            = dialog->scope() == ExportDialog::Scope::Selected ? selected : all;
        FileRequest request;
        request.mode = FileRequest::Mode::Save;
        request.title = configs.size() == 1 ? tr("Export 1 Config")
                                            : tr("Export %n Configs", nullptr, int(configs.size()));
        request.suggestedName = secrets ? QStringLiteral("webhook-configs-with-secrets.json")
                                        : QStringLiteral("webhook-configs.json");
        request.nameFilter = tr(JsonFilter);
        m_deps.chooseFile(
            m_deps.window, request,
            [this, guard = QPointer<QObject>(this), configs, secrets](const QString &path) {
                if (guard && !path.isEmpty())
                    write(path, configs, secrets);
            });
    });
    dialog->open();
}

void ConfigTransfer::write(const QString &path, const QList<WebhookConfig> &configs, bool secrets)
{
    const int count = int(configs.size());
    // Encoding and writing go to a worker thread: thousands of configs, or a slow disk.
    QFuture<Result<Done>> written = QtConcurrent::run([path, configs, secrets] {
        const QByteArray bytes = ConfigExport::toJson(
            configs, secrets ? JsonCodec::Secret::Include : JsonCodec::Secret::Omit);
        return ConfigExport::writeFile(path, bytes, secrets);
    });
    const QString name = QDir::toNativeSeparators(path);
    continueOnGui(written, this, [this, name, count, secrets](const Result<Done> &result) {
        if (!result) {
            Q_EMIT failed(tr("Could not export to %1").arg(name), result.error());
            return;
        }
        const QString what = count == 1 ? tr("1 config") : tr("%n configs", nullptr, count);
        m_status->flash(secrets ? tr("Exported %1 to %2, with their secrets (the file is readable "
                                     "by you only).")
                                      .arg(what, name)
                                : tr("Exported %1 to %2.").arg(what, name));
    });
}

void ConfigTransfer::importFile()
{
    if (m_backend.expired())
        return;
    FileRequest request;
    request.mode = FileRequest::Mode::Open;
    request.title = tr("Import Configs into %1").arg(m_profileName);
    request.nameFilter = tr(JsonFilter);
    m_deps.chooseFile(m_deps.window, request,
                      [this, guard = QPointer<QObject>(this)](const QString &path) {
                          if (guard && !path.isEmpty())
                              import(path);
                      });
}

void ConfigTransfer::import(const QString &path)
{
    const QString fileName = QFileInfo(path).fileName();
    // Read and checked whole before anything is created, away from the GUI thread.
    QFuture<Result<QList<BulkItem>>> parsed
        = QtConcurrent::run([path]() -> Result<QList<BulkItem>> {
              QFile file(path);
              if (!file.open(QIODevice::ReadOnly))
                  return ApiError::invalidBody(file.errorString());
              return ConfigImportFile::parse(file.readAll());
          });
    const std::weak_ptr<Backend> backend = m_backend;
    continueOnGui(
        parsed, this, backend, [this, fileName, backend](const Result<QList<BulkItem>> &entries) {
            if (!entries) {
                Q_EMIT failed(tr("Could not import %1").arg(fileName), entries.error());
                return;
            }
            const int count = int(entries.value().size());
            if (count == 0) {
                m_status->flash(tr("%1 has no configs: nothing to import.").arg(fileName));
                return;
            }
            const QString profile = m_profileName;
            const QString question
                = tr("Create %1 from %2 in %3?\n\nEach gets a new secret and is tested; a URL "
                     "that is already there is skipped, and a report follows.")
                      .arg(count == 1 ? tr("1 config") : tr("%n configs", nullptr, count), fileName,
                           profile);
            m_deps.confirm(m_deps.window,
                           {tr("Import configs"), question, tr("Import %n", nullptr, count)},
                           [this, guard = QPointer<QObject>(this), entries, fileName, profile,
                            backend](bool accepted) {
                               if (!accepted || !guard || backend.expired()
                                   || backend.lock() != m_backend.lock())
                                   return;
                               m_bulk->importEntries(entries.value(), fileName, profile);
                           });
        });
}

void ConfigTransfer::copyToProfile(const QStringList &ids, const QStringList &profiles)
{
    if (ids.isEmpty() || profiles.isEmpty() || m_backend.expired())
        return;
    auto *dialog = new CopyToProfileDialog(int(ids.size()), profiles, m_deps.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids] {
        const QString target = dialog->profile();
        const quint64 generation = ++m_openGeneration;
        const std::weak_ptr<Backend> source = m_backend;
        m_status->showProgress(tr("Opening profile %1…").arg(target), [this, generation] {
            if (generation == m_openGeneration)
                ++m_openGeneration;
        });
        continueOnGui(m_deps.openBackend(target), this,
                      [this, generation, target, ids,
                       source](const Result<std::shared_ptr<Backend>> &opened) {
                          if (generation != m_openGeneration)
                              return; // cancelled, or the profile was switched meanwhile
                          m_status->hideProgress();
                          if (!opened) {
                              Q_EMIT failed(tr("Could not open the profile \"%1\"").arg(target),
                                            opened.error());
                              return;
                          }
                          if (source.expired())
                              return;
                          m_bulk->promote(ids, target, opened.value());
                      });
    });
    dialog->open();
}

} // namespace wa
