#include "attemptdialog.h"

#include "curlcommand.h"
#include "guarded.h"
#include "signature.h"
#include "task.h"
#include "testoutcome.h"
#include "webhookservice.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringDecoder>
#include <QTabWidget>
#include <QVBoxLayout>

namespace wa {

namespace {

QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

QPlainTextEdit *textView(const QString &objectName, QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(objectName);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

std::optional<QByteArray> header(const DeliveryAttempt &attempt, QByteArrayView name)
{
    for (const auto &[key, value] : attempt.requestHeaders) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

QString bytesWord(qsizetype size)
{
    return size == 1 ? AttemptDialog::tr("1 byte")
                     : AttemptDialog::tr("%n bytes", nullptr, int(size));
}

} // namespace

AttemptDialog::AttemptDialog(const DeliveryAttempt &attempt, std::weak_ptr<Backend> backend,
                             QWidget *parent)
    : QDialog(parent)
    , m_backend(std::move(backend))
    , m_outcome(valueLabel(QStringLiteral("attemptOutcome"), this))
    , m_time(valueLabel(QStringLiteral("attemptTime"), this))
    , m_event(valueLabel(QStringLiteral("attemptEvent"), this))
    , m_latency(valueLabel(QStringLiteral("attemptLatency"), this))
    , m_error(valueLabel(QStringLiteral("attemptError"), this))
    , m_url(valueLabel(QStringLiteral("attemptUrl"), this))
    , m_signature(valueLabel(QStringLiteral("attemptSignature"), this))
    , m_headers(textView(QStringLiteral("attemptHeaders"), this))
    , m_bodyTitle(new QLabel(this))
    , m_body(textView(QStringLiteral("attemptBody"), this))
    , m_status(valueLabel(QStringLiteral("attemptStatus"), this))
    , m_responseTitle(new QLabel(this))
    , m_response(textView(QStringLiteral("attemptResponse"), this))
    , m_tabs(new QTabWidget(this))
    , m_note(valueLabel(QStringLiteral("attemptNote"), this))
    , m_resend(new QPushButton(tr("&Resend"), this))
    , m_copyCurl(new QPushButton(tr("Copy as c&url"), this))
{
    setObjectName(QStringLiteral("attemptDialog"));
    auto *layout = new QVBoxLayout(this);

    QFont big = m_outcome->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_outcome->setFont(big);
    layout->addWidget(m_outcome);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Started:"), m_time);
    form->addRow(tr("Latency:"), m_latency);
    form->addRow(tr("Event:"), m_event);
    form->addRow(tr("Error:"), m_error);
    layout->addLayout(form);

    m_tabs->setObjectName(QStringLiteral("attemptTabs"));
    m_tabs->addTab(buildRequestTab(), tr("Re&quest"));
    m_tabs->addTab(buildResponseTab(), tr("Res&ponse"));
    layout->addWidget(m_tabs, 1);

    m_note->setVisible(false);
    layout->addWidget(m_note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_resend->setObjectName(QStringLiteral("attemptResend"));
    m_copyCurl->setObjectName(QStringLiteral("attemptCopyCurl"));
    m_copyCurl->setToolTip(tr("A shell command that repeats this request byte for byte, "
                              "signature included (a receiver refuses it once the signature is "
                              "older than its window, 10 minutes by default)"));
    buttons->addButton(m_resend, QDialogButtonBox::ActionRole);
    buttons->addButton(m_copyCurl, QDialogButtonBox::ActionRole);
    // Enter closes; a delivery is sent again only when asked for by name.
    for (QPushButton *button : {m_resend, m_copyCurl})
        button->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_resend, &QPushButton::clicked, this, &AttemptDialog::resend);
    connect(m_copyCurl, &QPushButton::clicked, this, &AttemptDialog::copyAsCurl);
    setResendSupported(true);
    display(attempt);
    resize(760, 640);
}

AttemptDialog::~AttemptDialog() = default;

QWidget *AttemptDialog::buildRequestTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("POST to:"), m_url);
    form->addRow(tr("Signature:"), m_signature);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Headers, as sent:"), tab));
    m_headers->setMaximumHeight(m_headers->fontMetrics().lineSpacing() * 5 + 12);
    layout->addWidget(m_headers);
    m_bodyTitle->setObjectName(QStringLiteral("attemptBodyTitle"));
    layout->addWidget(m_bodyTitle);
    layout->addWidget(m_body, 1);
    return tab;
}

QWidget *AttemptDialog::buildResponseTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *form = new QFormLayout;
    form->addRow(tr("Status:"), m_status);
    layout->addLayout(form);
    m_responseTitle->setObjectName(QStringLiteral("attemptResponseTitle"));
    layout->addWidget(m_responseTitle);
    layout->addWidget(m_response, 1);
    return tab;
}

void AttemptDialog::display(const DeliveryAttempt &attempt)
{
    m_attempt = attempt;
    const QLocale locale;
    const QString words = TestOutcome::describeAttempt(attempt).translated();
    m_outcome->setText(attempt.succeeded() ? tr("Valid · %1").arg(words)
                                           : tr("Invalid · %1").arg(words));
    setWindowTitle(tr("Delivery attempt: %1").arg(attempt.requestUrl));
    m_time->setText(locale.toString(attempt.dateStarted.toLocalTime(), QLocale::LongFormat));
    m_event->setText(attempt.taskId.isEmpty()
                         ? tr("%1 (resent)").arg(attempt.eventId)
                         : tr("%1 (test task %2)").arg(attempt.eventId, attempt.taskId));
    m_latency->setText(tr("%1 ms").arg(locale.toString(attempt.latencyMs)));
    m_error->setText(attempt.succeeded() ? tr("None") : explainError(attempt));

    m_url->setText(attempt.requestUrl);
    const auto signature = header(attempt, Signature::HeaderName);
    if (!signature) {
        m_signature->setText(tr("none sent"));
    } else if (const auto parsed = Signature::parse(*signature)) {
        const QDateTime signedAt = QDateTime::fromSecsSinceEpoch(parsed->timestamp, Qt::UTC);
        //: The header's value, then when it was signed
        m_signature->setText(
            tr("%1\nsigned at %2")
                .arg(QString::fromUtf8(*signature),
                     locale.toString(signedAt.toLocalTime(), QLocale::LongFormat)));
    } else {
        m_signature->setText(QString::fromUtf8(*signature));
    }
    QStringList headers;
    for (const auto &[name, value] : attempt.requestHeaders)
        headers << QString::fromUtf8(name) + QStringLiteral(": ") + QString::fromUtf8(value);
    m_headers->setPlainText(headers.join(u'\n'));
    m_bodyTitle->setText(
        tr("Body, exactly as sent (%1):").arg(bytesWord(attempt.requestBody.size())));
    m_body->setPlainText(bodyText(attempt.requestBody));

    m_status->setText(attempt.responseStatus > 0 ? tr("HTTP %1").arg(attempt.responseStatus)
                                                 : tr("No HTTP answer"));
    if (attempt.responseStatus <= 0 && attempt.responseBodyStart.isEmpty()) {
        m_responseTitle->setText(tr("No answer was received."));
    } else if (attempt.responseBodyStart.size() >= DeliveryAttempt::ResponseBodyLimit) {
        m_responseTitle->setText(tr("Body, its first %1 (the rest was not kept):")
                                     .arg(bytesWord(attempt.responseBodyStart.size())));
    } else {
        m_responseTitle->setText(tr("Body (%1):").arg(bytesWord(attempt.responseBodyStart.size())));
    }
    m_response->setPlainText(bodyText(attempt.responseBodyStart));
    m_resend->setEnabled(m_resend->isEnabled() && !attempt.eventId.isEmpty());
}

void AttemptDialog::setResendSupported(bool supported)
{
    m_resend->setEnabled(supported);
    m_resend->setToolTip(supported ? tr("Deliver the same event again (same id and body, "
                                        "freshly signed): a new attempt")
                                   : tr("The hosted API cannot resend an event; the local "
                                        "service and 'serve' can."));
}

void AttemptDialog::resend()
{
    const std::shared_ptr<Backend> backend = m_backend.lock();
    if (!backend || m_attempt.eventId.isEmpty())
        return;
    m_resend->setEnabled(false);
    m_note->setText(tr("Resending…"));
    m_note->show();
    continueOnGui(
        backend->service()->resendEvent(m_attempt.eventId), this, m_backend,
        [this](const Result<DeliveryAttempt> &result) {
            if (!result) {
                if (result.error().kind == ApiError::Kind::Unsupported) {
                    setResendSupported(false);
                    m_note->setText(tr("This backend cannot resend events."));
                    Q_EMIT resendUnsupported();
                    return;
                }
                m_resend->setEnabled(true);
                m_note->setText(tr("Could not resend: %1").arg(result.error().localizedMessage()));
                return;
            }
            m_resend->setEnabled(true);
            display(result.value());
            m_note->setText(tr("Resent at %1: this is the new attempt, freshly signed.")
                                .arg(QLocale().toString(result.value().dateStarted.toLocalTime(),
                                                        QLocale::LongFormat)));
            Q_EMIT resent(result.value());
        });
}

void AttemptDialog::copyAsCurl()
{
    QGuiApplication::clipboard()->setText(CurlCommand::fromAttempt(m_attempt));
    m_note->setText(tr("Copied a curl command that repeats this request to the clipboard."));
    m_note->show();
    Q_EMIT copied(tr("curl command"));
}

QString AttemptDialog::explainError(const DeliveryAttempt &attempt)
{
    const QString code = attempt.error;
    QString why;
    if (code == QLatin1String(TaskError::Refused))
        why = tr("Nothing accepted the connection: the receiver is not running, listens on "
                 "another port, or its host name does not resolve.");
    else if (code == QLatin1String(TaskError::Timeout))
        why = tr("The receiver did not answer within 10 seconds.");
    else if (code == QLatin1String(TaskError::Tls))
        why = tr("The TLS handshake failed: the receiver's certificate is not trusted, has "
                 "expired, or does not match its host name.");
    else if (code == QLatin1String(TaskError::Redirect))
        why = tr("The receiver answered with a redirect, which is not followed: give the config "
                 "the final URL.");
    else if (code == QLatin1String(TaskError::Rejected))
        why = tr("The receiver answered, with a status outside 2xx: its answer is under "
                 "Response.");
    QString text = TestOutcome::describeAttempt(attempt).translated();
    if (!why.isEmpty())
        text += QStringLiteral(". ") + why;
    if (!attempt.errorDetail.isEmpty())
        text += u'\n' + tr("In the transport's words: %1").arg(attempt.errorDetail);
    return text;
}

QString AttemptDialog::bodyText(const QByteArray &bytes)
{
    auto decoder = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(bytes);
    if (!decoder.hasError())
        return text;
    text.clear();
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == '\n' || byte == '\t' || (byte >= 0x20 && byte < 0x7f))
            text += QLatin1Char(c);
        else
            text += QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0'));
    }
    return text;
}

} // namespace wa
