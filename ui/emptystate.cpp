#include "emptystate.h"

#include "icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace wa {

EmptyState::EmptyState(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_create(new QPushButton(themedIcon(QStringLiteral("new"), QStringLiteral("list-add")),
                               tr("Create a Config…"), this))
    , m_receiver(
          new QPushButton(themedIcon(QStringLiteral("serve"), QStringLiteral("network-server")),
                          tr("Start the Receiver and Point a Config at It"), this))
    , m_clear(new QPushButton(tr("Clear Filters"), this))
{
    setObjectName(QStringLiteral("emptyState"));
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_text->setObjectName(QStringLiteral("emptyStateText"));
    m_create->setObjectName(QStringLiteral("emptyStateCreate"));
    m_receiver->setObjectName(QStringLiteral("emptyStateReceiver"));
    m_clear->setObjectName(QStringLiteral("emptyStateClearFilters"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    for (QLabel *label : {m_title, m_text}) {
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
    }
    m_text->setMaximumWidth(560);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_create);
    buttons->addWidget(m_receiver);
    buttons->addWidget(m_clear);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_title);
    // Centred by stretches, not by an alignment flag: a word-wrapped label placed by alignment
    // gets the height of its one-line size hint and is cut.
    auto *textRow = new QHBoxLayout;
    textRow->addStretch(1);
    textRow->addWidget(m_text, 4);
    textRow->addStretch(1);
    layout->addLayout(textRow);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch(2);

    connect(m_create, &QPushButton::clicked, this, &EmptyState::createRequested);
    connect(m_receiver, &QPushButton::clicked, this, &EmptyState::receiverRequested);
    connect(m_clear, &QPushButton::clicked, this, &EmptyState::clearFiltersRequested);
    setKind(Kind::Newcomer);
}

EmptyState::~EmptyState() = default;

void EmptyState::setReceiverAvailable(bool available)
{
    m_receiverAvailable = available;
    setKind(m_kind, m_text->text());
}

void EmptyState::setKind(Kind kind, const QString &why)
{
    m_kind = kind;
    const bool newcomer = kind == Kind::Newcomer;
    if (newcomer) {
        m_title->setText(tr("No webhook configs yet"));
        m_text->setText(
            tr("A webhook config tells the service where to send events: a URL, and a secret "
               "to sign them with. Each new config is tested at once, and is valid when its "
               "receiver answers.\n\nNo receiver of your own yet? The built-in one runs on "
               "this computer and checks every event's signature."));
    } else {
        m_title->setText(tr("No config matches"));
        m_text->setText(why.isEmpty() ? tr("The filter hides every config.") : why);
    }
    m_create->setVisible(newcomer);
    m_receiver->setVisible(newcomer && m_receiverAvailable);
    m_clear->setVisible(!newcomer);
}

} // namespace wa
