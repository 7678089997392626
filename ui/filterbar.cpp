#include "filterbar.h"

#include "configtablemodel.h"
#include "statebadgedelegate.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSettings>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

namespace wa {

namespace {
const ConfigState AllStates[]
    = {ConfigState::New, ConfigState::Valid, ConfigState::Invalid, ConfigState::Deactivated};

QString stateObjectName(ConfigState state)
{
    switch (state) {
    case ConfigState::New:
        return QStringLiteral("filterStateNew");
    case ConfigState::Valid:
        return QStringLiteral("filterStateValid");
    case ConfigState::Invalid:
        return QStringLiteral("filterStateInvalid");
    case ConfigState::Deactivated:
        return QStringLiteral("filterStateDeactivated");
    }
    return {};
}
} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLineEdit(this))
    , m_fromEnabled(new QCheckBox(tr("Created from"), this))
    , m_from(new QDateEdit(this))
    , m_toEnabled(new QCheckBox(tr("to"), this))
    , m_to(new QDateEdit(this))
    , m_count(new QLabel(this))
    , m_dateProblem(new QLabel(this))
{
    setObjectName(QStringLiteral("filterBar"));
    // Two rows: the text and the count, then states and dates; narrow windows keep room for
    // the table.
    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    auto *layout = new QHBoxLayout;
    rows->addLayout(top);
    rows->addLayout(layout);

    m_text->setObjectName(QStringLiteral("filterText"));
    m_text->setPlaceholderText(tr("Filter by URL or ID (Ctrl+F)"));
    m_text->setClearButtonEnabled(true);
    m_text->setAccessibleName(tr("Filter text"));
    m_text->setMinimumWidth(240);
    m_text->setToolTip(tr("Escape clears it"));
    m_text->installEventFilter(this);
    top->addWidget(m_text, 1);
    connect(m_text, &QLineEdit::textChanged, this, &FilterBar::emitChanged);

    auto *stateLabel = new QLabel(tr("States:"), this);
    layout->addWidget(stateLabel);
    for (ConfigState state : AllStates) {
        auto *button = new QToolButton(this);
        button->setObjectName(stateObjectName(state));
        button->setCheckable(true);
        button->setChecked(state != ConfigState::Deactivated);
        button->setProperty("configState", int(state));
        // On: the state's badge colour with a check mark; off: an outline only. Not colour
        // alone, and not a faint shade either.
        const QString color = StateBadgeDelegate::badgeColor(state).name();
        button->setStyleSheet(
            QStringLiteral("QToolButton { border: 1px solid %1; border-radius: 4px; "
                           "padding: 2px 8px; background: transparent; }"
                           "QToolButton:checked { background: %1; color: white; "
                           "font-weight: bold; }")
                .arg(color));
        updateStateButton(button);
        connect(button, &QToolButton::toggled, this, [this, button](bool checked) {
            updateStateButton(button);
            // At least one state stays on: an empty choice would show nothing at all.
            const bool anyOn = std::any_of(m_stateButtons.cbegin(), m_stateButtons.cend(),
                                           [](QToolButton *b) { return b->isChecked(); });
            if (!checked && !anyOn) {
                button->setChecked(true);
                return;
            }
            emitChanged();
        });
        m_stateButtons.append(button);
        layout->addWidget(button);
    }

    const QDate today = QDate::currentDate();
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDate(today);
        edit->setEnabled(false);
        connect(edit, &QDateEdit::dateChanged, this, &FilterBar::emitChanged);
    }
    m_dateProblem->setObjectName(QStringLiteral("filterDateProblem"));
    m_dateProblem->setTextFormat(Qt::PlainText);
    m_dateProblem->setStyleSheet(
        QStringLiteral("QLabel { color: %1; font-weight: bold; }")
            .arg(StateBadgeDelegate::badgeColor(ConfigState::Invalid).name()));
    m_dateProblem->hide();
    m_from->setDate(today.addMonths(-1));
    m_fromEnabled->setObjectName(QStringLiteral("filterFromEnabled"));
    m_from->setObjectName(QStringLiteral("filterFrom"));
    m_toEnabled->setObjectName(QStringLiteral("filterToEnabled"));
    m_to->setObjectName(QStringLiteral("filterTo"));
    m_fromEnabled->setToolTip(tr("Only configs created on or after this day"));
    m_toEnabled->setToolTip(tr("Only configs created on or before this day"));
    connect(m_fromEnabled, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        emitChanged();
    });
    connect(m_toEnabled, &QCheckBox::toggled, this, [this](bool on) {
        m_to->setEnabled(on);
        emitChanged();
    });
    layout->addWidget(m_fromEnabled);
    layout->addWidget(m_from);
    layout->addWidget(m_toEnabled);
    layout->addWidget(m_to);
    layout->addWidget(m_dateProblem);

    layout->addStretch(1);
    m_count->setObjectName(QStringLiteral("filterCount"));
    top->addWidget(m_count);
    setCounts(0, 0);
}

FilterBar::~FilterBar() = default;

QToolButton *FilterBar::stateButton(ConfigState state) const
{
    return m_stateButtons.at(int(state));
}

ConfigFilter FilterBar::filter() const
{
    ConfigFilter filter;
    filter.text = m_text->text().trimmed();
    for (ConfigState state : AllStates) {
        if (stateButton(state)->isChecked())
            filter.states.append(state);
    }
    // Days are the user's local days.
    if (m_fromEnabled->isChecked())
        filter.createdFrom = m_from->date().startOfDay().toUTC();
    if (m_toEnabled->isChecked())
        filter.createdBefore = m_to->date().addDays(1).startOfDay().toUTC();
    return filter;
}

void FilterBar::setCounts(int shown, int total)
{
    const QLocale locale;
    m_count->setText(tr("%1 of %2 configs").arg(locale.toString(shown), locale.toString(total)));
}

void FilterBar::focusText()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

void FilterBar::saveState(QSettings &settings) const
{
    settings.beginGroup(QStringLiteral("filter"));
    settings.setValue(QStringLiteral("text"), m_text->text());
    QStringList states;
    for (ConfigState state : AllStates) {
        if (stateButton(state)->isChecked())
            states << toString(state);
    }
    settings.setValue(QStringLiteral("states"), states);
    settings.setValue(QStringLiteral("fromEnabled"), m_fromEnabled->isChecked());
    settings.setValue(QStringLiteral("from"), m_from->date());
    settings.setValue(QStringLiteral("toEnabled"), m_toEnabled->isChecked());
    settings.setValue(QStringLiteral("to"), m_to->date());
    settings.endGroup();
}

void FilterBar::restoreState(const QSettings &settings)
{
    const QString group = QStringLiteral("filter/");
    if (!settings.contains(group + QStringLiteral("states")))
        return;
    m_restoring = true;
    m_text->setText(settings.value(group + QStringLiteral("text")).toString());
    const QStringList states = settings.value(group + QStringLiteral("states")).toStringList();
    for (ConfigState state : AllStates)
        stateButton(state)->setChecked(states.contains(toString(state)));
    if (states.isEmpty())
        stateButton(ConfigState::Valid)->setChecked(true);
    const QDate from = settings.value(group + QStringLiteral("from")).toDate();
    const QDate to = settings.value(group + QStringLiteral("to")).toDate();
    if (from.isValid())
        m_from->setDate(from);
    if (to.isValid())
        m_to->setDate(to);
    m_fromEnabled->setChecked(settings.value(group + QStringLiteral("fromEnabled")).toBool());
    m_toEnabled->setChecked(settings.value(group + QStringLiteral("toEnabled")).toBool());
    m_restoring = false;
    emitChanged();
}

void FilterBar::emitChanged()
{
    checkDates();
    if (!m_restoring)
        Q_EMIT filterChanged(filter());
}

void FilterBar::updateStateButton(QToolButton *button)
{
    const auto state = static_cast<ConfigState>(button->property("configState").toInt());
    const QString name = ConfigTableModel::stateText(state);
    button->setText(button->isChecked() ? tr("✓ %1").arg(name) : name);
    button->setToolTip(button->isChecked()
                           ? tr("Shown: configs in state %1 (click to hide)").arg(name)
                           : tr("Hidden: configs in state %1 (click to show)").arg(name));
    button->setAccessibleName(tr("Show state %1").arg(name));
}

QString FilterBar::problem() const
{
    if (m_fromEnabled->isChecked() && m_toEnabled->isChecked() && m_from->date() > m_to->date())
        return tr("\"Created from\" is after \"to\": no day is in between.");
    return {};
}

void FilterBar::checkDates()
{
    const QString text = problem();
    if (text == m_dateProblem->toolTip())
        return; // as shown already (every keystroke comes through here)
    m_dateProblem->setText(text.isEmpty() ? QString() : tr("From is after to"));
    m_dateProblem->setToolTip(text);
    m_dateProblem->setVisible(!text.isEmpty());
    const QString invalid = QStringLiteral("QDateEdit { border: 2px solid %1; }")
                                .arg(StateBadgeDelegate::badgeColor(ConfigState::Invalid).name());
    for (QDateEdit *edit : {m_from, m_to})
        edit->setStyleSheet(text.isEmpty() ? QString() : invalid);
}

QString FilterBar::describe() const
{
    QStringList parts;
    if (!m_text->text().trimmed().isEmpty())
        parts << tr("text \"%1\"").arg(m_text->text().trimmed());
    QStringList shown;
    bool isDefault = true;
    for (ConfigState state : AllStates) {
        const bool on = stateButton(state)->isChecked();
        if (on)
            shown << ConfigTableModel::stateText(state);
        isDefault = isDefault && on == (state != ConfigState::Deactivated);
    }
    if (!isDefault)
        parts << tr("states %1").arg(shown.join(QStringLiteral(", ")));
    if (m_fromEnabled->isChecked())
        parts
            << tr("created from %1").arg(QLocale().toString(m_from->date(), QLocale::ShortFormat));
    if (m_toEnabled->isChecked())
        parts << tr("created to %1").arg(QLocale().toString(m_to->date(), QLocale::ShortFormat));
    return parts.join(QStringLiteral("; "));
}

void FilterBar::clear()
{
    m_restoring = true;
    m_text->clear();
    for (ConfigState state : AllStates)
        stateButton(state)->setChecked(state != ConfigState::Deactivated);
    m_fromEnabled->setChecked(false);
    m_toEnabled->setChecked(false);
    m_restoring = false;
    emitChanged();
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && !m_text->text().isEmpty()) {
        m_text->clear();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace wa
