#include "receiverpanel.h"

#include "errorbanner.h"
#include "receivedrequestmodel.h"
#include "signaturedialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace wa {

using namespace Qt::StringLiterals;

namespace {

enum AnswerMode
{
    ByVerdict,
    FixedStatus,
    Redirect
};

// Bytes that are not UTF-8 text, shown as offset, hex and ASCII, 16 to a line.
QString hexDump(const QByteArray &bytes)
{
    QString dump;
    for (qsizetype offset = 0; offset < bytes.size(); offset += 16) {
        const QByteArray line = bytes.mid(offset, 16);
        dump += QString::number(offset, 16).rightJustified(8, u'0') + u"  ";
        for (int i = 0; i < 16; ++i) {
            dump += i < line.size()
                ? QString::number(quint8(line.at(i)), 16).rightJustified(2, u'0') + u' '
                : QStringLiteral("   ");
        }
        dump += u' ';
        for (const char c : line)
            dump += (c >= 0x20 && c < 0x7f) ? QChar(QLatin1Char(c)) : QChar(u'.');
        dump += u'\n';
    }
    return dump;
}

QPlainTextEdit *readOnlyText(const QString &objectName, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return edit;
}

} // namespace

ReceiverPanel::ReceiverPanel(Receiver::SecretResolver resolver, QWidget *parent)
    : QWidget(parent)
    , m_receiver(new Receiver(this))
    , m_model(new ReceivedRequestModel(m_receiver, this))
    , m_banner(new ErrorBanner(this))
    , m_startStop(new QPushButton(this))
    , m_port(new QSpinBox(this))
    , m_url(new QLineEdit(this))
    , m_copyUrl(new QPushButton(tr("Copy"), this))
    , m_newConfig(new QPushButton(tr("New Config Pointing Here"), this))
    , m_answer(new QComboBox(this))
    , m_status(new QSpinBox(this))
    , m_delay(new QSpinBox(this))
    , m_table(new QTableView(this))
    , m_verdict(new QLabel(this))
    , m_headers(readOnlyText(QStringLiteral("headersView"), this))
    , m_bodyCaption(new QLabel(this))
    , m_prettyBody(readOnlyText(QStringLiteral("prettyBodyView"), this))
    , m_rawBody(readOnlyText(QStringLiteral("rawBodyView"), this))
    , m_recheck(new QPushButton(tr("Verify Again"), this))
    , m_clear(new QPushButton(tr("Clear"), this))
    , m_checkSignature(new QPushButton(tr("Check Signature…"), this))
{
    setObjectName(QStringLiteral("receiverPanel"));
    m_headers->setLineWrapMode(QPlainTextEdit::WidgetWidth); // a signature header is long
    m_headers->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    if (resolver)
        m_receiver->setSecretResolver(std::move(resolver));

    m_banner->setObjectName(QStringLiteral("receiverBanner"));
    m_startStop->setObjectName(QStringLiteral("startStopButton"));
    m_port->setObjectName(QStringLiteral("portSpinBox"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Any free port"));
    m_port->setToolTip(tr("Port on 127.0.0.1 to listen on"));
    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setReadOnly(true);
    m_url->setPlaceholderText(tr("Not listening"));
    m_copyUrl->setObjectName(QStringLiteral("copyUrlButton"));
    m_copyUrl->setToolTip(tr("Copy the receiver's URL"));
    m_newConfig->setObjectName(QStringLiteral("newConfigButton"));
    m_newConfig->setToolTip(tr("Create a webhook config whose URL points at this receiver"));

    m_answer->setObjectName(QStringLiteral("answerCombo"));
    m_answer->addItem(tr("By verdict: 200 valid, 400 invalid"), ByVerdict);
    m_answer->addItem(tr("Fail with status"), FixedStatus);
    m_answer->addItem(tr("Redirect (302)"), Redirect);
    m_status->setObjectName(QStringLiteral("statusSpinBox"));
    m_status->setRange(200, 599);
    m_status->setValue(500);
    m_delay->setObjectName(QStringLiteral("delaySpinBox"));
    m_delay->setRange(0, 120000);
    m_delay->setSingleStep(1000);
    m_delay->setSuffix(tr(" ms"));
    m_delay->setToolTip(tr("Hold each answer back; the sender gives up after 10 s"));

    m_table->setObjectName(QStringLiteral("requestTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    // In a side dock: no sideways scrolling. Time, verdict and status whole, the path takes
    // what is left (the full request is below); the method is in the headers tab.
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ReceivedRequestModel::PathColumn, QHeaderView::Stretch);
    header->setSectionHidden(ReceivedRequestModel::MethodColumn, true);

    m_verdict->setObjectName(QStringLiteral("verdictLabel"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bodyCaption->setObjectName(QStringLiteral("bodyCaption"));
    m_recheck->setObjectName(QStringLiteral("recheckButton"));
    m_recheck->setToolTip(tr("Verify every request again with the secrets known now"));
    m_clear->setObjectName(QStringLiteral("clearButton"));
    m_checkSignature->setObjectName(QStringLiteral("checkSignatureButton"));
    m_checkSignature->setToolTip(tr("Open this request's header and body in the signature tools"));

    // Layout: controls, answer behaviour, the list, then the selected request. Everything fits
    // a side dock about 400 px wide (1280x800 with the table beside it): no row holds more than
    // three controls, and the request's headers and bodies share one tab widget.
    m_url->setMinimumWidth(120);
    m_answer->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_answer->setMinimumContentsLength(14);
    m_answer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    auto *listenRow = new QHBoxLayout;
    listenRow->addWidget(m_startStop);
    auto *portLabel = new QLabel(tr("&Port:"), this);
    portLabel->setBuddy(m_port);
    listenRow->addWidget(portLabel);
    listenRow->addWidget(m_port);
    listenRow->addStretch(1);
    listenRow->addWidget(m_newConfig);

    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_copyUrl);

    auto *answerRow = new QHBoxLayout;
    auto *answerLabel = new QLabel(tr("&Answer:"), this);
    answerLabel->setBuddy(m_answer);
    answerRow->addWidget(answerLabel);
    answerRow->addWidget(m_answer, 1);
    answerRow->addWidget(m_status);

    auto *delayRow = new QHBoxLayout;
    auto *delayLabel = new QLabel(tr("De&lay:"), this);
    delayLabel->setBuddy(m_delay);
    delayRow->addWidget(delayLabel);
    delayRow->addWidget(m_delay);
    delayRow->addStretch(1);
    delayRow->addWidget(m_recheck);
    delayRow->addWidget(m_clear);

    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_verdict);
    auto *signatureRow = new QHBoxLayout;
    signatureRow->addStretch(1);
    signatureRow->addWidget(m_checkSignature);
    detailsLayout->addLayout(signatureRow);
    auto *tabs = new QTabWidget(details);
    tabs->setObjectName(QStringLiteral("requestTabs"));
    tabs->setDocumentMode(true);
    tabs->addTab(m_headers, tr("Headers"));
    tabs->addTab(m_prettyBody, tr("Body as JSON"));
    auto *rawBox = new QWidget(tabs);
    auto *rawLayout = new QVBoxLayout(rawBox);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    m_bodyCaption->setWordWrap(true);
    rawLayout->addWidget(m_bodyCaption);
    rawLayout->addWidget(m_rawBody, 1);
    tabs->addTab(rawBox, tr("Body as Received"));
    detailsLayout->addWidget(tabs, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(details);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    m_table->setMinimumHeight(80);
    tabs->setMinimumHeight(120);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(listenRow);
    layout->addLayout(urlRow);
    layout->addLayout(answerRow);
    layout->addLayout(delayRow);
    layout->addWidget(split, 1);

    connect(m_startStop, &QPushButton::clicked, this, [this] {
        if (m_receiver->isListening())
            stop();
        else
            start();
    });
    connect(m_copyUrl, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_url->text()); });
    connect(m_newConfig, &QPushButton::clicked, this, [this] {
        const QUrl url = m_receiver->freshConfigUrl();
        if (!url.isEmpty())
            Q_EMIT createConfigRequested(url);
    });
    connect(m_answer, &QComboBox::currentIndexChanged, this, &ReceiverPanel::applyBehaviour);
    connect(m_status, &QSpinBox::valueChanged, this, &ReceiverPanel::applyBehaviour);
    connect(m_delay, &QSpinBox::valueChanged, this, &ReceiverPanel::applyBehaviour);
    connect(m_recheck, &QPushButton::clicked, this, &ReceiverPanel::recheck);
    connect(m_clear, &QPushButton::clicked, m_receiver, &Receiver::clear);
    connect(m_checkSignature, &QPushButton::clicked, this, &ReceiverPanel::openSignatureTools);
    connect(m_receiver, &Receiver::listeningChanged, this, &ReceiverPanel::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_model->rowOfSequence(m_shownSequence);
                if (row >= topLeft.row() && row <= bottomRight.row())
                    showRequest(row);
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { showRequest(-1); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRequest(current.row()); });

    applyBehaviour();
    updateState();
    showRequest(-1);
}

ReceiverPanel::~ReceiverPanel() = default;

void ReceiverPanel::setSecretResolver(Receiver::SecretResolver resolver)
{
    m_receiver->setSecretResolver(std::move(resolver));
}

void ReceiverPanel::start()
{
    m_banner->dismiss();
    const auto started = m_receiver->start(static_cast<quint16>(m_port->value()));
    if (!started.ok())
        m_banner->showMessage(started.error().localizedMessage());
    else
        m_port->setValue(m_receiver->port()); // the same port next time: configs point at it
    updateState();
}

void ReceiverPanel::stop()
{
    m_receiver->stop();
    updateState();
}

void ReceiverPanel::recheck()
{
    m_receiver->recheck();
}

void ReceiverPanel::recheckUndecided()
{
    // Only requests judged for want of a secret are worth it; every other verdict stays as it
    // was given (with the secrets of ConfigSecretIndex, which never forgets, it would anyway).
    const QList<ReceivedRequest> requests = m_receiver->requests();
    const bool worth = std::any_of(requests.cbegin(), requests.cend(), [this](const auto &r) {
        return r.verdict.code == EventVerdict::Code::NoSecret
            && !m_receiver->secretFor(r.basePath).isEmpty();
    });
    if (worth)
        m_receiver->recheck();
}

quint16 ReceiverPanel::port() const
{
    return static_cast<quint16>(m_port->value());
}

void ReceiverPanel::setPort(quint16 port)
{
    m_port->setValue(port);
}

void ReceiverPanel::updateState()
{
    const bool listening = m_receiver->isListening();
    m_startStop->setText(listening ? tr("Stop") : tr("Start"));
    m_startStop->setToolTip(listening ? tr("Stop receiving events")
                                      : tr("Receive events on 127.0.0.1"));
    m_port->setEnabled(!listening);
    m_url->setText(listening ? m_receiver->url().toString() : QString());
    m_copyUrl->setEnabled(listening);
    m_newConfig->setEnabled(listening);
}

void ReceiverPanel::applyBehaviour()
{
    const int mode = m_answer->currentData().toInt();
    m_status->setEnabled(mode == FixedStatus);
    Receiver::Behaviour behaviour;
    if (mode == FixedStatus)
        behaviour.status = m_status->value();
    else if (mode == Redirect)
        behaviour.status = 302;
    behaviour.delayMs = m_delay->value();
    m_receiver->setBehaviour(behaviour);
}

void ReceiverPanel::onRowsInserted(int, int last)
{
    // Follow the newest request unless the person is looking at an older one.
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || current.row() == last - 1 || m_shownSequence == 0) {
        m_table->setCurrentIndex(m_model->index(last, 0));
        m_table->scrollTo(m_model->index(last, 0));
    }
}

void ReceiverPanel::showRequest(int row)
{
    const bool valid = row >= 0 && row < m_model->rowCount();
    m_checkSignature->setEnabled(valid);
    if (!valid) {
        m_shownSequence = 0;
        m_verdict->setText(tr("Select a request to see its verdict, headers and body."));
        m_headers->clear();
        m_prettyBody->clear();
        m_rawBody->clear();
        m_bodyCaption->setText(tr("Body as received"));
        return;
    }
    const ReceivedRequest &request = m_model->request(row);
    m_shownSequence = request.sequence;

    QString verdict = u"<b>"_s + request.verdict.localizedTitle().toHtmlEscaped() + u"</b><br>"_s
        + request.verdict.localizedDetail().toHtmlEscaped();
    if (request.responseStatus != 0) {
        verdict += u"<br>"_s
            + (request.answered ? tr("Answered %1.").arg(request.responseStatus)
                                : tr("Answer %1 held back %2 ms.")
                                      .arg(request.responseStatus)
                                      .arg(request.delayMs))
                  .toHtmlEscaped();
    }
    m_verdict->setText(verdict);

    QString headers = request.method + u' ' + request.path
        + (request.query.isEmpty() ? QString() : u'?' + request.query) + u'\n';
    for (const auto &[name, value] : request.headers)
        headers += QString::fromLatin1(name) + u": " + QString::fromLatin1(value) + u'\n';
    m_headers->setPlainText(headers);

    const QString pretty = request.prettyJson();
    m_prettyBody->setPlainText(pretty.isEmpty() ? tr("(not JSON)") : pretty);
    const auto text = request.bodyText();
    QString caption = text
        ? tr("Body as received: %n byte(s)", nullptr, int(request.body.size()))
        : tr("Body as received: %n byte(s), not UTF-8 (hex)", nullptr, int(request.body.size()));
    if (request.bodyTruncated)
        caption += u' ' + tr("(cut at %1 bytes)").arg(Receiver::BodyLimit);
    m_bodyCaption->setText(caption);
    m_rawBody->setPlainText(text ? *text : hexDump(request.body));
}

void ReceiverPanel::openSignatureTools()
{
    const int row = m_model->rowOfSequence(m_shownSequence);
    if (row < 0)
        return;
    const ReceivedRequest &request = m_model->request(row);
    auto *dialog = new SignatureDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSecret(m_receiver->secretFor(request.basePath));
    dialog->setBody(request.body);
    dialog->setHeader(request.header(Signature::HeaderName).value_or(QByteArray()));
    dialog->setWindowSeconds(m_receiver->verifier().windowSeconds());
    dialog->show();
}

} // namespace wa
