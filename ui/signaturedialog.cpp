#include "signaturedialog.h"

#include "eventverifier.h"
#include "signature.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QStringDecoder>
#include <QVBoxLayout>

namespace wa {

using namespace Qt::StringLiterals;

SignatureDialog::SignatureDialog(QWidget *parent)
    : QDialog(parent)
    , m_secret(new QLineEdit(this))
    , m_bodyEdit(new QPlainTextEdit(this))
    , m_bodyNote(new QLabel(this))
    , m_timestamp(new QLineEdit(this))
    , m_now(new QPushButton(tr("Now"), this))
    , m_signed(new QLineEdit(this))
    , m_copySigned(new QPushButton(tr("Copy"), this))
    , m_useSigned(new QPushButton(tr("Verify This"), this))
    , m_header(new QLineEdit(this))
    , m_window(new QSpinBox(this))
    , m_verdictLabel(new QLabel(this))
{
    setObjectName(u"signatureDialog"_s);
    setWindowTitle(tr("Signature Tools"));

    m_secret->setObjectName(u"secretEdit"_s);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("The config's secret"));
    auto *showSecret = new QPushButton(tr("Show"), this);
    showSecret->setObjectName(u"showSecretButton"_s);
    showSecret->setCheckable(true);
    connect(showSecret, &QPushButton::toggled, this, [this](bool shown) {
        m_secret->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    });

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_bodyEdit->setObjectName(u"bodyEdit"_s);
    m_bodyEdit->setFont(fixed);
    m_bodyEdit->setPlaceholderText(tr("The request body, byte for byte"));
    m_bodyNote->setObjectName(u"bodyNote"_s);
    m_bodyNote->setWordWrap(true);

    m_timestamp->setObjectName(u"timestampEdit"_s);
    m_timestamp->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"[0-9]{1,12}"_s), m_timestamp));
    m_timestamp->setToolTip(tr("Unix seconds"));
    m_now->setObjectName(u"nowButton"_s);
    m_signed->setObjectName(u"signedHeaderEdit"_s);
    m_signed->setReadOnly(true);
    m_signed->setFont(fixed);
    m_copySigned->setObjectName(u"copySignedButton"_s);
    m_useSigned->setObjectName(u"useSignedButton"_s);
    m_useSigned->setToolTip(tr("Put this header in the verification below"));

    m_header->setObjectName(u"headerEdit"_s);
    m_header->setFont(fixed);
    m_header->setPlaceholderText(u"t=1600000000,s=…"_s);
    m_window->setObjectName(u"windowSpinBox"_s);
    m_window->setRange(0, 10 * 365 * 24 * 3600);
    m_window->setValue(Signature::DefaultWindowSeconds);
    m_window->setSuffix(tr(" s"));
    m_verdictLabel->setObjectName(u"verdictLabel"_s);
    m_verdictLabel->setWordWrap(true);
    m_verdictLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(showSecret);
    auto *common = new QFormLayout;
    // A row whose field is a layout gets no buddy from QFormLayout, and a label without a buddy
    // shows its "&" literally: give those labels their field.
    auto buddyLabel = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };
    common->addRow(buddyLabel(tr("&Secret:"), m_secret), secretRow);
    common->addRow(tr("&Body:"), m_bodyEdit);
    common->addRow(QString(), m_bodyNote);

    auto *sign = new QGroupBox(tr("Sign"), this);
    auto *signLayout = new QFormLayout(sign);
    auto *timestampRow = new QHBoxLayout;
    timestampRow->addWidget(m_timestamp, 1);
    timestampRow->addWidget(m_now);
    signLayout->addRow(buddyLabel(tr("&Timestamp:"), m_timestamp), timestampRow);
    auto *signedRow = new QHBoxLayout;
    signedRow->addWidget(m_signed, 1);
    signedRow->addWidget(m_copySigned);
    signedRow->addWidget(m_useSigned);
    signLayout->addRow(tr("Header:"), signedRow);

    auto *verify = new QGroupBox(tr("Verify"), this);
    auto *verifyLayout = new QFormLayout(verify);
    verifyLayout->addRow(tr("&Header:"), m_header);
    verifyLayout->addRow(tr("&Window:"), m_window);
    verifyLayout->addRow(tr("Verdict:"), m_verdictLabel);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(common, 1);
    layout->addWidget(sign);
    layout->addWidget(verify);
    layout->addWidget(buttons);

    connect(m_secret, &QLineEdit::textChanged, this, &SignatureDialog::refresh);
    connect(m_bodyEdit, &QPlainTextEdit::textChanged, this, &SignatureDialog::onBodyEdited);
    connect(m_timestamp, &QLineEdit::textChanged, this, &SignatureDialog::refresh);
    connect(m_header, &QLineEdit::textChanged, this, &SignatureDialog::refresh);
    connect(m_window, &QSpinBox::valueChanged, this, &SignatureDialog::refresh);
    connect(m_now, &QPushButton::clicked, this,
            [this] { setTimestamp(QDateTime::currentSecsSinceEpoch()); });
    connect(m_copySigned, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_signed->text()); });
    connect(m_useSigned, &QPushButton::clicked, this,
            [this] { m_header->setText(m_signed->text()); });

    setTimestamp(QDateTime::currentSecsSinceEpoch());
    refresh();
    resize(640, 560);
}

SignatureDialog::~SignatureDialog() = default;

void SignatureDialog::setSecret(const QString &secret)
{
    m_secret->setText(secret);
}

void SignatureDialog::setBody(const QByteArray &body)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(body);
    const bool exactAsText = !decoder.hasError() && !body.contains('\r');
    m_settingBody = true;
    m_bodyEdit->setPlainText(text);
    m_settingBody = false;
    m_body = body;
    // The editor cannot show every byte as it is: say that the exact bytes are used.
    m_bodyNote->setText(exactAsText ? QString()
                                    : tr("The body holds bytes the editor cannot show as they "
                                         "are (not UTF-8, or carriage returns): the exact %n "
                                         "byte(s) received are used until you edit it.",
                                         nullptr, int(body.size())));
    m_bodyNote->setVisible(!exactAsText);
    refresh();
}

void SignatureDialog::setHeader(const QByteArray &header)
{
    m_header->setText(QString::fromLatin1(header));
}

void SignatureDialog::setTimestamp(qint64 timestamp)
{
    m_timestamp->setText(QString::number(timestamp));
}

void SignatureDialog::setWindowSeconds(int seconds)
{
    m_window->setValue(seconds);
}

QByteArray SignatureDialog::signedHeader() const
{
    bool ok = false;
    const qint64 timestamp = m_timestamp->text().toLongLong(&ok);
    if (m_secret->text().isEmpty() || !ok)
        return {};
    return Signature::header(m_secret->text().toUtf8(), timestamp, m_body);
}

void SignatureDialog::onBodyEdited()
{
    if (m_settingBody)
        return;
    m_body = m_bodyEdit->toPlainText().toUtf8();
    m_bodyNote->hide();
    refresh();
}

void SignatureDialog::refresh()
{
    const QByteArray header = signedHeader();
    m_signed->setText(QString::fromLatin1(header));
    m_signed->setPlaceholderText(m_secret->text().isEmpty() ? tr("Enter the secret to sign")
                                                            : tr("Enter a timestamp"));
    m_copySigned->setEnabled(!header.isEmpty());
    m_useSigned->setEnabled(!header.isEmpty());

    const EventVerifier verifier(m_window->value());
    const QString headerText = m_header->text();
    const std::optional<QByteArray> given
        = headerText.isEmpty() ? std::nullopt : std::optional<QByteArray>(headerText.toUtf8());
    m_verdict = verifier.verify(m_secret->text().toUtf8(), given, m_body);
    QString text = u"<b>"_s + m_verdict.localizedTitle().toHtmlEscaped() + u"</b><br>"_s
        + m_verdict.localizedDetail().toHtmlEscaped();
    if (m_secret->text().isEmpty())
        text = tr("Enter the secret to verify a header.").toHtmlEscaped();
    m_verdictLabel->setText(text);
}

} // namespace wa
