#include "tokenstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QStandardPaths>
#include <qt6keychain/keychain.h>

#include <cstdio>

namespace wa {

namespace {

template<typename T> std::shared_ptr<QPromise<Result<T>>> startedPromise()
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    return promise;
}

template<typename T>
void fulfil(const std::shared_ptr<QPromise<Result<T>>> &promise, Result<T> result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

// `sentence` names the token file (%1) and why it failed (%2).
Phrase writeFailed()
{
    return WA_PHRASE(QT_TRANSLATE_NOOP("wa::TokenStore", "Could not write the token file %1: %2."));
}

ApiError fileError(const Phrase &sentence, const QString &path, const Phrase &why)
{
    ApiError error = ApiError::serverError(sentence.arg(path).arg(why));
    error.code = QStringLiteral("token-store");
    return error;
}

} // namespace

struct TokenStore::Private
{
    TokenStore *q = nullptr;
    Options options;
    bool fallback = false;
    Phrase keychainProblem;

    Phrase fallbackWarning() const;

    void activateFallback(const Phrase &problem)
    {
        if (fallback)
            return;
        fallback = true;
        keychainProblem = problem;
        Q_EMIT q->fallbackActivated(q->fallbackWarning());
    }

    Result<QJsonObject> readFile() const
    {
        QFile file(options.fallbackPath);
        if (!file.exists())
            return QJsonObject();
        if (!file.open(QIODevice::ReadOnly))
            return fileError(WA_PHRASE(QT_TRANSLATE_NOOP("wa::TokenStore",
                                                         "Could not read the token file %1: %2.")),
                             file.fileName(), Phrase::plain(file.errorString()));
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
        return document.object().value(QLatin1String("tokens")).toObject();
    }

    Result<Done> writeFile(const QJsonObject &tokens) const
    {
        const QFileInfo info(options.fallbackPath);
        QDir dir = info.absoluteDir();
        if (!dir.exists()) {
            if (!dir.mkpath(QStringLiteral(".")))
                return fileError(
                    WA_PHRASE(QT_TRANSLATE_NOOP(
                        "wa::TokenStore", "Could not create the folder of the token file %1: %2.")),
                    info.filePath(),
                    WA_PHRASE(QT_TRANSLATE_NOOP("wa::TokenStore", "permission denied")));
            QFile::setPermissions(dir.absolutePath(),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        // Written to a new file created 0600 from the start, then renamed over the old one, so
        // that the tokens are never readable by others, not even for a moment.
        const QString temporary = info.filePath() + QStringLiteral(".new");
        QFile::remove(temporary);
        QFile file(temporary);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                       QFile::ReadOwner | QFile::WriteOwner))
            return fileError(writeFailed(), temporary, Phrase::plain(file.errorString()));
        const QByteArray bytes = QJsonDocument(QJsonObject {{QStringLiteral("tokens"), tokens}})
                                     .toJson(QJsonDocument::Indented);
        if (file.write(bytes) != bytes.size() || !file.flush()) {
            const QString why = file.errorString();
            file.remove();
            return fileError(writeFailed(), temporary, Phrase::plain(why));
        }
        file.close();
        if (std::rename(QFile::encodeName(temporary).constData(),
                        QFile::encodeName(info.filePath()).constData())
            != 0) {
            QFile::remove(temporary);
            return fileError(WA_PHRASE(QT_TRANSLATE_NOOP(
                                 "wa::TokenStore", "Could not replace the token file %1: %2.")),
                             info.filePath(),
                             WA_PHRASE(QT_TRANSLATE_NOOP("wa::TokenStore", "rename failed")));
        }
        return Done {};
    }

    Result<QString> fileRead(const QString &profile) const
    {
        const auto tokens = readFile();
        if (!tokens.ok())
            return tokens.error();
        return tokens.value().value(profile).toString();
    }

    Result<Done> fileWrite(const QString &profile, const QString &token) const
    {
        auto tokens = readFile();
        if (!tokens.ok())
            return tokens.error();
        tokens.value().insert(profile, token);
        return writeFile(tokens.value());
    }

    Result<Done> fileRemove(const QString &profile) const
    {
        auto tokens = readFile();
        if (!tokens.ok())
            return tokens.error();
        if (!tokens.value().contains(profile))
            return Done {};
        tokens.value().remove(profile);
        return writeFile(tokens.value());
    }
};

TokenStore::TokenStore(QObject *parent)
    : TokenStore(Options {}, parent)
{ }

TokenStore::TokenStore(Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->options = std::move(options);
    if (d->options.fallbackPath.isEmpty()) {
        d->options.fallbackPath = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
            + QStringLiteral("/tokens.json");
    }
    if (!d->options.useKeychain)
        d->activateFallback(
            WA_PHRASE(QT_TRANSLATE_NOOP("wa::TokenStore", "the keychain is turned off")));
}

TokenStore::~TokenStore() = default;

bool TokenStore::usingFallback() const
{
    return d->fallback;
}

QString TokenStore::fallbackPath() const
{
    return d->options.fallbackPath;
}

Phrase TokenStore::Private::fallbackWarning() const
{
    return WA_PHRASE(QT_TRANSLATE_NOOP("wa::TokenStore",
                                       "The OS keychain is not available (%1): API tokens are "
                                       "kept in %2, readable only by you."))
        .arg(keychainProblem.isEmpty()
                 ? WA_PHRASE(QT_TRANSLATE_NOOP("wa::TokenStore", "unknown error"))
                 : keychainProblem)
        .arg(QDir::toNativeSeparators(options.fallbackPath));
}

QString TokenStore::fallbackWarning() const
{
    return d->fallbackWarning().english();
}

QString TokenStore::localizedFallbackWarning() const
{
    return d->fallbackWarning().translated();
}

QFuture<Result<QString>> TokenStore::read(const QString &profile)
{
    auto promise = startedPromise<QString>();
    if (d->fallback) {
        fulfil(promise, d->fileRead(profile));
        return promise->future();
    }
    auto *job = new QKeychain::ReadPasswordJob(d->options.service, this);
    job->setAutoDelete(true);
    job->setKey(profile);
    connect(job, &QKeychain::Job::finished, this, [this, promise, profile](QKeychain::Job *done) {
        auto *reader = static_cast<QKeychain::ReadPasswordJob *>(done);
        if (reader->error() == QKeychain::NoError) {
            fulfil(promise, Result<QString>(reader->textData()));
        } else if (reader->error() == QKeychain::EntryNotFound) {
            // Perhaps stored in the file by an earlier run that had no keychain.
            fulfil(promise, d->fileRead(profile));
        } else {
            d->activateFallback(Phrase::plain(reader->errorString()));
            fulfil(promise, d->fileRead(profile));
        }
    });
    job->start();
    return promise->future();
}

QFuture<Result<Done>> TokenStore::write(const QString &profile, const QString &token)
{
    auto promise = startedPromise<Done>();
    if (d->fallback) {
        fulfil(promise, d->fileWrite(profile, token));
        return promise->future();
    }
    auto *job = new QKeychain::WritePasswordJob(d->options.service, this);
    job->setAutoDelete(true);
    job->setKey(profile);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this,
            [this, promise, profile, token](QKeychain::Job *done) {
                if (done->error() == QKeychain::NoError) {
                    // A copy left in the file by an earlier run would shadow nothing, but it
                    // should not linger.
                    d->fileRemove(profile);
                    fulfil(promise, Result<Done>(Done {}));
                } else {
                    d->activateFallback(Phrase::plain(done->errorString()));
                    fulfil(promise, d->fileWrite(profile, token));
                }
            });
    job->start();
    return promise->future();
}

QFuture<Result<Done>> TokenStore::remove(const QString &profile)
{
    auto promise = startedPromise<Done>();
    if (d->fallback) {
        fulfil(promise, d->fileRemove(profile));
        return promise->future();
    }
    auto *job = new QKeychain::DeletePasswordJob(d->options.service, this);
    job->setAutoDelete(true);
    job->setKey(profile);
    connect(job, &QKeychain::Job::finished, this, [this, promise, profile](QKeychain::Job *done) {
        if (done->error() != QKeychain::NoError && done->error() != QKeychain::EntryNotFound)
            d->activateFallback(Phrase::plain(done->errorString()));
        fulfil(promise, d->fileRemove(profile));
    });
    job->start();
    return promise->future();
}

} // namespace wa
